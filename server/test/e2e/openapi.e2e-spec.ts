import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OpenAPIObject, OperationObject, PathItemObject, ResponseObject } from '@nestjs/swagger';
import { ErrorCode, type ErrorBody } from '@careerside/shared';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
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
        expect({ key, security: operation.security }).toEqual({ key, security: [] });
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

  it('names the server it describes', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: t.config.http.publicUrl })]);
  });

  it("passes Redocly's recommended ruleset with no error", async () => {
    const report = await redoclyLint(document);
    const errors = report.problems.filter((problem) => problem.severity === 'error');
    expect(errors.map((e) => `${e.ruleId} ${e.location[0]?.pointer ?? ''}: ${e.message}`)).toEqual([]);
    expect(report.totals.errors).toBe(0);
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

describe('/api/docs in production', () => {
  let database: TestDatabase;
  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: 'production-secret-0123456789abcdef0123',
    NOTES_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('is off by default: both paths answer 404 with the ErrorBody', async () => {
    const app = await startTestApp({ database, env: production });
    try {
      for (const path of ['/api/docs', '/api/docs-json', '/api/docs/swagger-ui-init.js']) {
        const response = await app.api.get<ErrorBody>(path);
        expect({ path, status: response.status, code: response.body.code }).toEqual({
          path,
          status: 404,
          code: ErrorCode.RouteNotFound,
        });
      }
    } finally {
      await app.close();
    }
  });

  it('is on with API_DOCS=true', async () => {
    const app = await startTestApp({ database, env: { ...production, API_DOCS: 'true' } });
    try {
      expect((await app.api.get('/api/docs')).status).toBe(200);
      const json = await app.api.get<OpenAPIObject>('/api/docs-json');
      expect(json.status).toBe(200);
      expect(json.body.info.title).toBe('careerside API');
    } finally {
      await app.close();
    }
  });
});

interface RedoclyReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[];
}

const run = promisify(execFile);

/**
 * `redocly lint --extends recommended` on the document, offline: REDOCLY_TELEMETRY=off stops its usage report
 * and REDOCLY_SUPPRESS_UPDATE_NOTICE its registry look-up for a newer version (with both, it opens no socket).
 */
async function redoclyLint(document: OpenAPIObject): Promise<RedoclyReport> {
  const dir = await mkdtemp(join(tmpdir(), 'careerside-redocly-'));
  try {
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    // Exit code 1 means problems were found; the JSON report on stdout says which.
    const { stdout } = await run(
      process.execPath,
      [cli, 'lint', file, '--extends', 'recommended', '--format', 'json'],
      { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => {
      if (typeof error.stdout === 'string' && error.stdout.trim().startsWith('{'))
        return { stdout: error.stdout };
      throw error;
    });
    return JSON.parse(stdout) as RedoclyReport;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
