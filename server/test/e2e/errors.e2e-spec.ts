import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, type ErrorBody } from '@careerside/shared';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

describe('error answers', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT: '2048' } });
    token = (await signIn(t.api, 'student')).token;
  });
  afterAll(() => t.close());

  function expectErrorBody(
    response: { status: number; headers: Headers; body: ErrorBody },
    status: number,
    code: ErrorCode,
  ) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ statusCode: status, code });
    expect(typeof response.body.message).toBe('string');
    expect(response.body.requestId).toBe(response.headers.get('x-request-id'));
  }

  describe('request bodies', () => {
    it('answers malformed JSON with 400 INVALID_JSON', async () => {
      const response = await t.api.request<ErrorBody>('PATCH', 'me/profile', {
        token,
        rawBody: '{"name": "李同学",',
        headers: { 'content-type': 'application/json' },
      });
      expectErrorBody(response, 400, ErrorCode.InvalidJson);
    });

    it('reads an empty JSON body as no body, naming the fields the route needs', async () => {
      const response = await t.api.request<ErrorBody>('POST', 'auth/dev-login', {
        rawBody: '',
        headers: { 'content-type': 'application/json' },
      });
      expectErrorBody(response, 400, ErrorCode.ValidationFailed);
      expect(new Set(response.body.details?.map((detail) => detail.field))).toEqual(
        new Set(['openid', 'role']),
      );
    });

    it('names each field with the wrong type', async () => {
      const response = await t.api.patch<ErrorBody>(
        'me/profile',
        { name: 42, graduationYear: '2026', degree: ['bachelor'] },
        { token },
      );
      expectErrorBody(response, 400, ErrorCode.ValidationFailed);
      const fields = response.body.details?.map((detail) => detail.field);
      expect(new Set(fields)).toEqual(new Set(['name', 'graduationYear', 'degree']));
      expect(response.body.message).toContain('graduationYear');
    });

    it('rejects unknown fields by name instead of dropping them', async () => {
      const response = await t.api.patch<ErrorBody>(
        'me/profile',
        { name: '李同学', role: 'admin' },
        { token, headers: { 'accept-language': 'en-US,en;q=0.9' } },
      );
      expectErrorBody(response, 400, ErrorCode.ValidationFailed);
      expect(response.body.details).toEqual([
        { field: 'role', constraint: 'whitelistValidation', message: 'role is not a known field' },
      ]);
    });

    it('answers in Chinese by default, naming the field in details', async () => {
      const response = await t.api.patch<ErrorBody>('me/profile', { graduationYear: 1800 }, { token });
      expectErrorBody(response, 400, ErrorCode.ValidationFailed);
      expect(response.body.message).toBe('请检查以下字段：graduationYear');
      expect(response.body.details).toEqual([
        { field: 'graduationYear', constraint: 'min', message: '不能小于 2000' },
      ]);
    });

    it.each([
      ['null', 'null'],
      ['an array', '[]'],
      ['a number', '42'],
      ['a string', '"student"'],
      ['a boolean', 'true'],
    ])('answers %s as the whole body with 400 BODY_NOT_OBJECT naming the body', async (_, rawBody) => {
      const response = await t.api.request<ErrorBody>('POST', 'auth/dev-login', {
        rawBody,
        headers: { 'content-type': 'application/json', 'accept-language': 'en-US' },
      });
      expectErrorBody(response, 400, ErrorCode.BodyNotObject);
      expect(response.body.message).toBe('The request body must be a JSON object');
      expect(response.body.details).toEqual([
        { field: 'body', constraint: 'isObject', message: 'body must be an object' },
      ]);
    });

    it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
      const response = await t.api.patch<ErrorBody>('me/profile', { name: 'x'.repeat(4096) }, { token });
      expectErrorBody(response, 413, ErrorCode.PayloadTooLarge);
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])(
      'answers a %s body with 415 UNSUPPORTED_MEDIA_TYPE',
      async (contentType) => {
        const response = await t.api.request<ErrorBody>('POST', 'auth/dev-login', {
          rawBody: 'openid=x&role=student',
          headers: { 'content-type': contentType },
        });
        expectErrorBody(response, 415, ErrorCode.UnsupportedMediaType);
      },
    );

    it('rejects forbidden prototype keys as invalid JSON', async () => {
      const response = await t.api.request<ErrorBody>('POST', 'auth/dev-login', {
        rawBody: '{"openid":"x","role":"student","__proto__":{"admin":true}}',
        headers: { 'content-type': 'application/json' },
      });
      expectErrorBody(response, 400, ErrorCode.InvalidJson);
    });
  });

  describe('routes', () => {
    it.each([
      ['GET', 'no-such-thing'],
      ['POST', 'no-such-thing'],
      ['DELETE', 'me'],
      ['GET', 'auth/dev-login'],
    ])('answers %s /api/%s with 404 ROUTE_NOT_FOUND, signed in or not', async (method, path) => {
      const response = await t.api.request<ErrorBody>(method, path);
      expectErrorBody(response, 404, ErrorCode.RouteNotFound);
      expect(response.body.message).toBe(`没有这个接口：${method} /api/${path}`);
    });

    it('answers an unknown route in the language the request asks for', async () => {
      const english = await t.api.request<ErrorBody>('POST', 'no-such-thing', {
        headers: { 'accept-language': 'en-US,en;q=0.9' },
      });
      expectErrorBody(english, 404, ErrorCode.RouteNotFound);
      expect(english.body.message).toBe('No route for POST /api/no-such-thing');
    });

    // Both found by the fuzz suite: a long id was a 500, and oversized headers answered in Fastify's own shape.
    it('answers a path parameter over 100 characters with 404 NOT_FOUND', async () => {
      const response = await t.api.request<ErrorBody>('DELETE', `reflections/${'x'.repeat(101)}`, { token });
      expectErrorBody(response, 404, ErrorCode.NotFound);
    });

    it('answers a URL and headers over 16 KiB with 431 and the ErrorBody', async () => {
      const response = await t.api.get<ErrorBody>(`jobs?keyword=${'x'.repeat(20_000)}`);
      expect(response.status).toBe(431);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.body).toEqual({
        statusCode: 431,
        code: ErrorCode.PayloadTooLarge,
        message: expect.any(String),
      });
    });

    it('answers an unknown path outside /api the same way when there is no H5 build', async () => {
      const response = await t.api.get<ErrorBody>('/pages/home/index');
      expectErrorBody(response, 404, ErrorCode.RouteNotFound);
    });
  });

  describe('request ids', () => {
    it('echoes a well-formed X-Request-Id', async () => {
      const response = await t.api.get('health', { headers: { 'x-request-id': 'miniapp-1234.abcd' } });
      expect(response.headers.get('x-request-id')).toBe('miniapp-1234.abcd');
    });

    it('replaces a malformed one with a fresh UUID', async () => {
      const response = await t.api.get('health', { headers: { 'x-request-id': 'bad id\twith spaces' } });
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('logs each request as JSON with its id and without the bearer token', async () => {
      const response = await t.api.get('me', { token, headers: { 'x-request-id': 'trace-me-please' } });
      expect(response.status).toBe(200);
      const line = await t.logs.waitFor(
        (entry) => entry.requestId === 'trace-me-please' && entry.msg === 'request completed',
      );
      expect(line).toMatchObject({ req: { method: 'GET', url: '/api/me' }, res: { statusCode: 200 } });
      expect(t.logs.text).not.toContain(token);
    });
  });

  describe('unexpected failures', () => {
    it('answers 500 INTERNAL_ERROR without internals and logs the error with the request id', async () => {
      const victim = await signIn(t.api, 'student');
      const queryRunner = t.dataSource.createQueryRunner();
      try {
        await queryRunner.renameTable('users', 'users_away');
        const response = await victim.api.get<ErrorBody>('me', { headers: { 'x-request-id': 'boom-1' } });
        expectErrorBody(response, 500, ErrorCode.InternalError);
        expect(response.body.message).toBe('服务出了点问题，请稍后再试');
        expect(response.text).not.toMatch(/users|SQL|at \w+ \(|QueryFailedError/i);
      } finally {
        await queryRunner.renameTable('users_away', 'users');
        await queryRunner.release();
      }
      const logged = await t.logs.waitFor(
        (entry) => entry.requestId === 'boom-1' && entry.context === 'Exceptions',
      );
      expect(JSON.stringify(logged)).toMatch(/QueryFailedError|no such table|doesn't exist/);
    });
  });
});
