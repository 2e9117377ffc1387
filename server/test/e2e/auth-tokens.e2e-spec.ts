import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import {
  type AuthResponse,
  type DevLoginRequest,
  ErrorCode,
  type ErrorBody,
  type MetaResponse,
} from '@careerside/shared';
import { TOKEN_ISSUER } from '../../src/modules/auth/access-token.service';
import { UserEntity } from '../../src/modules/users/user.entity';
import { signIn } from '../support/sign-in';
import { TEST_ENV, startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('access tokens and roles', () => {
  let database: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    t = await startTestApp({ database, env: { JWT_TTL: '2h' } });
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  const jwt = (secret = TEST_ENV.JWT_SECRET ?? '') => new JwtService({ secret });

  describe('the access-token guard', () => {
    it('answers a missing token with 401 UNAUTHENTICATED and a WWW-Authenticate challenge', async () => {
      const response = await t.api.get<ErrorBody>('me');
      expect(response.status).toBe(401);
      expect(response.body.code).toBe(ErrorCode.Unauthenticated);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });

    it.each([
      ['a token that is not a JWT', 'Bearer not-a-jwt'],
      ['another scheme', 'Basic dXNlcjpwYXNz'],
      ['a bare token', 'eyJhbGciOiJIUzI1NiJ9.e30.x'],
    ])('answers %s with 401 TOKEN_INVALID', async (_, authorization) => {
      const response = await t.api.get<ErrorBody>('me', { headers: { authorization } });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe(ErrorCode.TokenInvalid);
    });

    it('refuses a token signed with another secret', async () => {
      const { user } = await signIn(t.api, 'student');
      const forged = jwt('someone-elses-secret-0123456789abcdef').sign(
        { sub: user.id },
        { issuer: TOKEN_ISSUER },
      );
      const response = await t.api.get<ErrorBody>('me', { token: forged });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe(ErrorCode.TokenInvalid);
    });

    it('refuses an unsigned ("alg": "none") token', async () => {
      const { user } = await signIn(t.api, 'admin');
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: user.id, iss: TOKEN_ISSUER })}.`;
      const response = await t.api.get<ErrorBody>('me', { token: unsigned });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe(ErrorCode.TokenInvalid);
    });

    it('refuses a correctly signed token that carries no expiry', async () => {
      const { user } = await signIn(t.api, 'student');
      const forever = jwt().sign({ sub: user.id, ver: 0 }, { issuer: TOKEN_ISSUER });
      expect(jwt().decode<{ exp?: number }>(forever).exp).toBeUndefined();
      const response = await t.api.get<ErrorBody>('me', { token: forever });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe(ErrorCode.TokenInvalid);
    });

    it('answers an expired token with 401 TOKEN_EXPIRED', async () => {
      const { user } = await signIn(t.api, 'student');
      const expired = jwt().sign(
        { sub: user.id, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 60 },
        { issuer: TOKEN_ISSUER },
      );
      const response = await t.api.get<ErrorBody>('me', { token: expired });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe(ErrorCode.TokenExpired);
    });

    it('issues tokens that expire after JWT_TTL', async () => {
      const before = Date.now();
      const session = await signIn(t.api, 'student');
      const expiresAt = new Date(session.expiresAt).getTime();
      expect(expiresAt).toBeGreaterThanOrEqual(before + 2 * 3600 * 1000 - 2000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 2 * 3600 * 1000 + 1000);
      expect(jwt().decode<{ exp: number }>(session.token).exp * 1000).toBe(expiresAt);
    });

    it('stops accepting the token of a deleted user', async () => {
      const session = await signIn(t.api, 'student');
      await t.dataSource.getRepository(UserEntity).delete({ id: session.user.id });
      const response = await session.api.get<ErrorBody>('me');
      expect(response.status).toBe(401);
      expect(response.body.code).toBe(ErrorCode.TokenInvalid);
    });
  });

  describe('the roles guard', () => {
    it('answers 403 FORBIDDEN to a signed-in user without the role', async () => {
      for (const role of ['student', 'counselor'] as const) {
        const session = await signIn(t.api, role);
        const response = await session.api.get<ErrorBody>('admin/users');
        expect(response.status).toBe(403);
        expect(response.body).toMatchObject({ statusCode: 403, code: ErrorCode.Forbidden });
      }
    });

    it('checks the role stored now, not the one at sign-in', async () => {
      const session = await signIn(t.api, 'admin');
      expect((await session.api.get('admin/users')).status).toBe(200);
      await t.dataSource.getRepository(UserEntity).update({ id: session.user.id }, { role: 'student' });
      expect((await session.api.get('admin/users')).status).toBe(403);
    });
  });

  describe('POST /api/auth/dev-login', () => {
    const devLogin = (body: DevLoginRequest) => t.api.post<AuthResponse>('auth/dev-login', body);

    it('keeps one user per openid and updates role, name and advisor binding', async () => {
      const first = await devLogin({ openid: 'dev-same', role: 'student', name: '张三' });
      expect(first.status).toBe(200);
      expect(first.body.user).toMatchObject({ role: 'student', name: '张三', advisorId: null });

      const second = await devLogin({ openid: 'dev-same', role: 'counselor', advisorId: 'advisor-7' });
      expect(second.body.user).toMatchObject({
        id: first.body.user.id,
        role: 'counselor',
        name: '张三',
        advisorId: 'advisor-7',
      });

      const third = await devLogin({ openid: 'dev-same', role: 'counselor', name: '张老师' });
      expect(third.body.user).toMatchObject({
        id: first.body.user.id,
        name: '张老师',
        advisorId: 'advisor-7',
      });
      expect(await t.dataSource.getRepository(UserEntity).countBy({ openid: 'dev-same' })).toBe(1);
    });

    it('names each invalid field', async () => {
      const response = await t.api.post<ErrorBody>('auth/dev-login', {
        openid: 'a b',
        role: 'superuser',
        name: '',
      });
      expect(response.status).toBe(400);
      expect(new Set(response.body.details?.map((detail) => detail.field))).toEqual(
        new Set(['openid', 'role', 'name']),
      );
    });

    it('signs concurrent first sign-ins of one openid into one user', async () => {
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => devLogin({ openid: 'dev-race', role: 'student' })),
      );
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(new Set(responses.map((r) => r.body.user.id)).size).toBe(1);
    });
  });

  describe('when dev sign-in is off', () => {
    it.each([
      ['AUTH_DEV_LOGIN=false', { AUTH_DEV_LOGIN: 'false' }],
      [
        'NODE_ENV=production, even with AUTH_DEV_LOGIN=true',
        {
          NODE_ENV: 'production',
          AUTH_DEV_LOGIN: 'true',
          JWT_SECRET: 'production-secret-0123456789abcdef0123',
          NOTES_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        },
      ],
    ])('answers 404 DEV_LOGIN_DISABLED with %s', async (_, env) => {
      const off = await startTestApp({ database, env });
      try {
        const response = await off.api.post<ErrorBody>('auth/dev-login', {
          openid: 'dev-off',
          role: 'admin',
        });
        expect(response.status).toBe(404);
        expect(response.body.code).toBe(ErrorCode.DevLoginDisabled);
        expect((await off.api.get<MetaResponse>('meta')).body.devLogin).toBe(false);
      } finally {
        await off.close();
      }
    });
  });

  describe('ADMIN_OPENIDS', () => {
    it('promotes a listed openid to admin whatever role dev sign-in asks for', async () => {
      const withAdmins = await startTestApp({ database, env: { ADMIN_OPENIDS: 'dev-boss, someone-else' } });
      try {
        const response = await withAdmins.api.post<AuthResponse>('auth/dev-login', {
          openid: 'dev-boss',
          role: 'student',
        });
        expect(response.body.user.role).toBe('admin');
        const other = await withAdmins.api.post<AuthResponse>('auth/dev-login', {
          openid: 'dev-staff',
          role: 'student',
        });
        expect(other.body.user.role).toBe('student');
      } finally {
        await withAdmins.close();
      }
    });
  });
});
