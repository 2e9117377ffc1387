import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, type ErrorBody, type UserDto } from '@careerside/shared';
import { TOKEN_ISSUER } from '../../src/modules/auth/access-token.service';
import { UserEntity } from '../../src/modules/users/user.entity';
import { pollUntil } from '../support/poll';
import { signIn } from '../support/sign-in';
import { TEST_ENV, startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('POST /api/auth/logout', () => {
  let database: TestDatabase;
  let t: TestApp;
  // A second app on the same database: another server process, with its own caches.
  let other: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    t = await startTestApp({ database });
    other = await startTestApp({ database });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
    await database.drop();
  });

  /** A token as issued before token versions existed: no `ver` claim. */
  const tokenWithoutVersion = (userId: string) =>
    new JwtService({ secret: TEST_ENV.JWT_SECRET }).sign(
      { sub: userId },
      { issuer: TOKEN_ISSUER, expiresIn: '1h' },
    );

  const me = (token: string, app: TestApp = t) => app.api.get<UserDto | ErrorBody>('me', { token });
  const logout = (token: string) => t.api.post<ErrorBody | string>('auth/logout', undefined, { token });

  it('answers a request without a token with 401 UNAUTHENTICATED', async () => {
    const response = await t.api.post<ErrorBody>('auth/logout');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe(ErrorCode.Unauthenticated);
  });

  it('revokes every token of the user at once, leaves other users signed in, and lets them sign in again', async () => {
    const openid = `logout-${process.pid}-student`;
    const phone = await signIn(t.api, 'student', { openid });
    const laptop = await signIn(t.api, 'student', { openid });
    const someoneElse = await signIn(t.api, 'student');
    expect(laptop.user.id).toBe(phone.user.id);
    expect((await me(phone.token)).status).toBe(200);
    expect((await me(laptop.token)).status).toBe(200);

    const response = await logout(phone.token);
    expect(response.status).toBe(204);
    expect(response.text).toBe('');

    for (const token of [phone.token, laptop.token]) {
      const refused = await me(token);
      expect(refused.status).toBe(401);
      expect((refused.body as ErrorBody).code).toBe(ErrorCode.TokenRevoked);
    }
    // Signing out again with the revoked token is refused the same way.
    expect((await logout(phone.token)).status).toBe(401);

    expect((await me(someoneElse.token)).status).toBe(200);

    const again = await signIn(t.api, 'student', { openid });
    expect(again.user.id).toBe(phone.user.id);
    const fresh = await me(again.token);
    expect(fresh.status).toBe(200);
    expect((fresh.body as UserDto).id).toBe(phone.user.id);
  });

  it('keeps accepting a token issued before token versions existed, until the user signs out', async () => {
    const { user } = await signIn(t.api, 'student');
    const legacy = tokenWithoutVersion(user.id);
    const before = await me(legacy);
    expect(before.status).toBe(200);
    expect((before.body as UserDto).id).toBe(user.id);

    expect((await logout(legacy)).status).toBe(204);
    const after = await me(legacy);
    expect(after.status).toBe(401);
    expect((after.body as ErrorBody).code).toBe(ErrorCode.TokenRevoked);
  });

  it('increments the stored token version once per sign-out', async () => {
    const openid = `logout-${process.pid}-count`;
    const session = await signIn(t.api, 'student', { openid });
    const version = async () =>
      (await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: session.user.id })).tokenVersion;
    expect(await version()).toBe(0);
    await logout(session.token);
    expect(await version()).toBe(1);
    await logout((await signIn(t.api, 'student', { openid })).token);
    expect(await version()).toBe(2);
  });

  it('is refused on another server process too, once its user cache has moved on', async () => {
    const openid = `logout-${process.pid}-cluster`;
    const session = await signIn(t.api, 'student', { openid });
    // The other process loads (and caches) the user while the token is still good.
    expect((await me(session.token, other)).status).toBe(200);

    expect((await logout(session.token)).status).toBe(204);
    // A token issued after the sign-out works there at once, even while its cached row is the old one.
    const again = await signIn(t.api, 'student', { openid });
    expect((await me(again.token, other)).status).toBe(200);

    const refused = await pollUntil(
      () => me(session.token, other),
      (response) => response.status === 401,
    );
    expect(refused.status).toBe(401);
    expect((refused.body as ErrorBody).code).toBe(ErrorCode.TokenRevoked);
    expect((await me(again.token, other)).status).toBe(200);
  });
});
