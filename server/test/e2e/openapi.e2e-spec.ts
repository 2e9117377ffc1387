import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OpenAPIObject, OperationObject, PathItemObject, ResponseObject } from '@nestjs/swagger';
import { startTestApp, type TestApp } from '../support/test-app';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
// Routes that are not part of the API itself: the documentation and the H5 app.
const NOT_API = /^\/api\/docs(-json)?(\/|$)/;
// Endpoints anyone may call; every other operation must declare bearer auth and its 401.
const PUBLIC_OPERATIONS = new Set([
  'GET /api/health',
  'GET /api/meta',
  'POST /api/auth/wechat',
  'POST /api/auth/dev-login',
  'GET /api/media/{key}',
  'GET /api/advisors/{id}/qrcode',
  'GET /api/center/qrcode',
  'GET /api/jobs',
  'GET /api/jobs/{id}',
  'POST /api/employer/job-submissions',
  'GET /api/employer/job-submissions/{token}',
  'GET /api/calendar/counselors/{token}',
]);

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenAPIObject;

  beforeAll(async () => {
    t = await startTestApp();
    const response = await t.api.get<OpenAPIObject>('/api/docs-json');
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries<PathItemObject>(document.paths).flatMap(([path, item]) =>
      HTTP_METHODS.filter((method) => item[method]).map((method) => ({
        key: `${method.toUpperCase()} ${path}`,
        operation: item[method] as OperationObject,
      })),
    );

  it('is OpenAPI 3 with bearer authentication', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('careerside API');
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('describes exactly the API routes the server registered', () => {
    const registered = new Set(
      t.routes
        .flatMap((route) =>
          (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
            method,
            url: route.url,
          })),
        )
        .filter(
          ({ method, url }) =>
            url.startsWith('/api/') && !NOT_API.test(url) && method !== 'HEAD' && method !== 'OPTIONS',
        )
        .map(({ method, url }) => `${method} ${url.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(operations().map(({ key }) => key));
    expect(registered.size).toBeGreaterThan(5);
    expect([...registered].filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => !registered.has(route))).toEqual([]);
  });

  it('declares a success response, a summary and the ErrorBody for every error', () => {
    for (const { key, operation } of operations()) {
      const statuses = Object.keys(operation.responses);
      expect({ key, success: statuses.some((status) => status.startsWith('2')) }).toEqual({
        key,
        success: true,
      });
      expect({ key, summary: typeof operation.summary }).toEqual({ key, summary: 'string' });
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const schema = (operation.responses[status] as ResponseObject).content?.['application/json']?.schema;
        expect({ key, status, schema }).toEqual({
          key,
          status,
          schema: { $ref: '#/components/schemas/ErrorBodyDto' },
        });
      }
    }
  });

  it('marks every non-public operation as needing a bearer token and documents its 401', () => {
    for (const { key, operation } of operations()) {
      if (PUBLIC_OPERATIONS.has(key)) {
        expect({ key, security: operation.security }).toEqual({ key, security: undefined });
      } else {
        expect({ key, security: operation.security }).toEqual({ key, security: [{ bearer: [] }] });
        expect({ key, has401: '401' in operation.responses }).toEqual({ key, has401: true });
      }
    }
  });

  it('describes request bodies with their constraints', () => {
    const schemas = document.components?.schemas ?? {};
    expect(schemas.UpdateProfileDto).toMatchObject({
      properties: {
        name: { maxLength: 50 },
        graduationYear: { minimum: 2000, maximum: 2100 },
        degree: { enum: ['associate', 'bachelor', 'master', 'doctorate'] },
      },
    });
    expect(schemas.DevLoginDto).toMatchObject({ required: ['openid', 'role'] });
  });

  it('serves Swagger UI and its assets at /api/docs', async () => {
    const page = await t.api.get<string>('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.body).toContain('swagger-ui-bundle.js');
    const bundle = await t.api.get('/api/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    const init = await t.api.get<string>('/api/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
    expect(init.body).toContain('careerside API');
  });
});
