import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  type AuthResponse,
  ErrorCode,
  type ErrorBody,
  type UserDto,
  type WechatLoginRequest,
} from '@careerside/shared';
import { AesGcmCipher, deriveKey } from '../../src/common/crypto/aes-gcm-cipher';
import { WECHAT_SESSION_KEY_PURPOSE } from '../../src/modules/auth/auth.service';
import { ClearPlainWechatSessionKeys1795654800000 } from '../../src/database/migrations/1795654800000-clear-plain-wechat-session-keys';
import { UserEntity } from '../../src/modules/users/user.entity';
import { userFactory } from '../factories/user.factory';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { WechatStandin } from '../support/wechat-standin';

const JSCODE2SESSION = '/sns/jscode2session';

describe('POST /api/auth/wechat', () => {
  let wechat: WechatStandin;
  let database: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    wechat = await WechatStandin.start();
    database = await createTestDatabase();
    t = await startTestApp({
      database,
      env: {
        WECHAT_API_BASE: wechat.url,
        WECHAT_APPID: wechat.appId,
        WECHAT_SECRET: wechat.secret,
        WECHAT_TIMEOUT_MS: '300',
        ADMIN_OPENIDS: 'o-first-admin',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
    await database.drop();
  });
  beforeEach(() => wechat.reset());

  const signIn = (code: string) =>
    t.api.post<AuthResponse & ErrorBody>('auth/wechat', { code } satisfies WechatLoginRequest);

  it('exchanges the code at jscode2session and creates a student on first sign-in', async () => {
    const code = wechat.issueCode('o-student-1');
    const response = await signIn(code);

    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({
      role: 'student',
      name: null,
      advisorId: null,
      profileComplete: false,
    });
    expect(new Date(response.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const [call] = wechat.requests(JSCODE2SESSION);
    expect(call?.query).toEqual({
      appid: wechat.appId,
      secret: wechat.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });

    const me = await t.api.get<UserDto>('me', { token: response.body.token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(response.body.user.id);
  });

  it('signs the same openid in as the same user and keeps the session key on the server only', async () => {
    const first = await signIn(wechat.issueCode('o-returning'));
    const firstKey = wechat.sessionKeyOf('o-returning');
    const second = await signIn(wechat.issueCode('o-returning'));
    const secondKey = wechat.sessionKeyOf('o-returning');

    expect(second.body.user.id).toBe(first.body.user.id);
    expect(firstKey).toBeDefined();
    expect(secondKey).not.toBe(firstKey);
    for (const response of [first, second]) {
      expect(response.text).not.toContain(firstKey);
      expect(response.text).not.toContain(secondKey);
      expect(response.text).not.toMatch(/session_?key/i);
    }
    const me = await t.api.get('me', { token: second.body.token });
    expect(me.text).not.toContain(secondKey);
    expect(me.text).not.toContain('o-returning');
    expect(t.logs.text).not.toContain(secondKey);
    expect(t.logs.text).not.toContain(wechat.secret);

    const stored = await t.dataSource
      .getRepository(UserEntity)
      .findOne({ where: { openid: 'o-returning' }, select: { id: true, wechatSessionKey: true } });
    // Stored encrypted, bound to the user: the plain key is not in the database.
    expect(stored?.wechatSessionKey).not.toContain(secondKey);
    const cipher = new AesGcmCipher(deriveKey(t.config.counselor.notesKey, WECHAT_SESSION_KEY_PURPOSE));
    expect(cipher.decrypt(stored?.wechatSessionKey ?? '', stored?.id ?? '')).toBe(secondKey);
    expect(() => cipher.decrypt(stored?.wechatSessionKey ?? '', `${stored?.id ?? ''}-another`)).toThrow();
  });

  it('drops session keys stored in plain text before they were encrypted, and keeps encrypted ones', async () => {
    const plain = await userFactory.create(t.dataSource, { wechatSessionKey: 'dGhpcyBpcyBwbGFpbiB0ZXh0' });
    const sealed = await userFactory.create(t.dataSource, { wechatSessionKey: 'v1.aaaa.bbbb.cccc' });
    const runner = t.dataSource.createQueryRunner();
    try {
      await new ClearPlainWechatSessionKeys1795654800000().up(runner);
    } finally {
      await runner.release();
    }
    const keyOf = async (id: string) =>
      (
        await t.dataSource
          .getRepository(UserEntity)
          .findOneOrFail({ where: { id }, select: { id: true, wechatSessionKey: true } })
      ).wechatSessionKey;
    expect(await keyOf(plain.id)).toBeNull();
    expect(await keyOf(sealed.id)).toBe('v1.aaaa.bbbb.cccc');
  });

  it('makes users listed in ADMIN_OPENIDS admins', async () => {
    const response = await signIn(wechat.issueCode('o-first-admin'));
    expect(response.status).toBe(200);
    expect(response.body.user.role).toBe('admin');
    const admin = await t.api.get('admin/users', { token: response.body.token });
    expect(admin.status).toBe(200);
  });

  it('answers an unknown code (40029) with 401 WECHAT_CODE_INVALID', async () => {
    const response = await signIn('never-issued-code');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: ErrorCode.WechatCodeInvalid });
  });

  it('answers a used code (40163) with 401 WECHAT_CODE_INVALID', async () => {
    const code = wechat.issueCode('o-double');
    expect((await signIn(code)).status).toBe(200);
    const again = await signIn(code);
    expect(again.status).toBe(401);
    expect(again.body.code).toBe(ErrorCode.WechatCodeInvalid);
    expect(wechat.requests(JSCODE2SESSION)).toHaveLength(2);
  });

  it.each([
    [45011, 429, ErrorCode.WechatRateLimited],
    [40226, 403, ErrorCode.WechatUserBlocked],
    [-1, 503, ErrorCode.WechatUnavailable],
    [40125, 503, ErrorCode.WechatNotConfigured],
  ])('maps errcode %i to %i %s', async (errcode, status, code) => {
    wechat.failNext(JSCODE2SESSION, { kind: 'errcode', errcode });
    const response = await signIn(wechat.issueCode('o-fault'));
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ statusCode: status, code });
  });

  it('tells the client when to retry after WeChat rate-limits it', async () => {
    wechat.failNext(JSCODE2SESSION, { kind: 'errcode', errcode: 45011 });
    const response = await signIn(wechat.issueCode('o-busy'));
    expect(response.headers.get('retry-after')).toBe('60');
  });

  it.each([
    ['an HTTP 500', { kind: 'http', status: 500 } as const],
    ['an HTTP 502 page', { kind: 'http', status: 502, body: '<html>Bad Gateway</html>' } as const],
    ['a dropped connection', { kind: 'drop' } as const],
    ['no answer within WECHAT_TIMEOUT_MS', { kind: 'delay', ms: 1500 } as const],
  ])('answers %s with 503 WECHAT_UNAVAILABLE', async (_, fault) => {
    wechat.failNext(JSCODE2SESSION, fault);
    const started = Date.now();
    const response = await signIn(wechat.issueCode('o-unlucky'));
    expect(response.status).toBe(503);
    expect(response.body.code).toBe(ErrorCode.WechatUnavailable);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('answers 503 WECHAT_UNAVAILABLE when WeChat cannot be reached at all', async () => {
    const unreachable = await startTestApp({
      database,
      env: { WECHAT_API_BASE: 'http://127.0.0.1:9', WECHAT_APPID: 'wx0123456789abcdef', WECHAT_SECRET: 's' },
    });
    try {
      const response = await unreachable.api.post<ErrorBody>('auth/wechat', { code: 'any-code' });
      expect(response.status).toBe(503);
      expect(response.body.code).toBe(ErrorCode.WechatUnavailable);
    } finally {
      await unreachable.close();
    }
  });

  it('answers 503 WECHAT_NOT_CONFIGURED without WECHAT_APPID and WECHAT_SECRET, without calling WeChat', async () => {
    const unconfigured = await startTestApp({ database, env: { WECHAT_API_BASE: wechat.url } });
    try {
      const response = await unconfigured.api.post<ErrorBody>('auth/wechat', {
        code: wechat.issueCode('o-x'),
      });
      expect(response.status).toBe(503);
      expect(response.body.code).toBe(ErrorCode.WechatNotConfigured);
      expect(wechat.requests()).toHaveLength(0);
    } finally {
      await unconfigured.close();
    }
  });

  it('validates the code before calling WeChat', async () => {
    const response = await t.api.post<ErrorBody>('auth/wechat', { code: 'has spaces & symbols' });
    expect(response.status).toBe(400);
    expect(response.body.details?.[0]?.field).toBe('code');
    const missing = await t.api.post<ErrorBody>('auth/wechat', {});
    expect(missing.body.details?.[0]?.field).toBe('code');
    expect(wechat.requests()).toHaveLength(0);
  });
});

describe('sign-in rate limit', () => {
  let t: TestApp;

  // The documented default: 10 WeChat sign-in attempts a minute per client address.
  beforeAll(async () => {
    t = await startTestApp({
      env: { WECHAT_SIGNIN_RATE_LIMIT: undefined, WECHAT_API_BASE: 'http://127.0.0.1:9' },
    });
  });
  afterAll(() => t.close());

  it('answers the 11th attempt in a minute with 429 RATE_LIMITED and a Retry-After', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      statuses.push((await t.api.post('auth/wechat', { code: `attempt-${attempt}` })).status);
    }
    expect(new Set(statuses)).toEqual(new Set([503]));

    const limited = await t.api.post<ErrorBody>('auth/wechat', { code: 'one-too-many' });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: ErrorCode.RateLimited });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('never limits dev sign-in', async () => {
    for (let attempt = 0; attempt < 25; attempt += 1) {
      const response = await t.api.post('auth/dev-login', { openid: `burst-${attempt}`, role: 'student' });
      expect(response.status).toBe(200);
    }
  });
});

describe('sign-in rate limit behind a reverse proxy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: { TRUST_PROXY: '127.0.0.1', WECHAT_SIGNIN_RATE_LIMIT: '2', WECHAT_API_BASE: 'http://127.0.0.1:9' },
    });
  });
  afterAll(() => t.close());

  const attempt = (clientAddress: string) =>
    t.api.post('auth/wechat', { code: 'any' }, { headers: { 'x-forwarded-for': clientAddress } });

  it('counts each client address separately, as X-Forwarded-For from the trusted proxy says', async () => {
    expect((await attempt('203.0.113.7')).status).toBe(503);
    expect((await attempt('203.0.113.7')).status).toBe(503);
    expect((await attempt('203.0.113.7')).status).toBe(429);
    expect((await attempt('198.51.100.23')).status).toBe(503);
  });
});

describe('sign-in rate limit across server processes', () => {
  // The project's machines run Redis here; TEST_REDIS_URL points elsewhere.
  const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  let database: TestDatabase;
  const apps: TestApp[] = [];

  const start = async (env: Record<string, string>) => {
    const app = await startTestApp({
      database,
      env: { WECHAT_SIGNIN_RATE_LIMIT: '3', WECHAT_API_BASE: 'http://127.0.0.1:9', ...env },
    });
    apps.push(app);
    return app;
  };
  const attempt = (app: TestApp) => app.api.post('auth/wechat', { code: 'any' });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database.drop();
  });

  it('counts the attempts of one client on every process sharing a Redis', async () => {
    const prefix = `careerside-test-${randomUUID()}`;
    const first = await start({ REDIS_URL, REDIS_PREFIX: prefix });
    const second = await start({ REDIS_URL, REDIS_PREFIX: prefix });
    expect((await attempt(first)).status).toBe(503);
    expect((await attempt(second)).status).toBe(503);
    expect((await attempt(first)).status).toBe(503);
    const limited = await attempt(second);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('still limits each process on its own while Redis is unreachable', async () => {
    const app = await start({
      REDIS_URL: 'redis://127.0.0.1:9',
      REDIS_PREFIX: `careerside-test-${randomUUID()}`,
    });
    const statuses = [];
    for (let index = 0; index < 4; index += 1) statuses.push((await attempt(app)).status);
    expect(statuses).toEqual([503, 503, 503, 429]);
  });
});
