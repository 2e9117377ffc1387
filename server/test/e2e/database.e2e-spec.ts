import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthResponse, UserDto } from '@careerside/shared';
import { MIGRATIONS } from '../../src/database/data-source';
import { DEMO_USERS, seedDemo } from '../../src/database/seeds/demo.seed';
import { UserEntity } from '../../src/modules/users/user.entity';
import { userFactory } from '../factories/user.factory';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('the database schema', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const pendingSchemaChanges = async () =>
    (await t.dataSource.driver.createSchemaBuilder().log()).upQueries.map((query) => query.query);

  it('is built by the migrations alone, and matches the entities exactly', async () => {
    expect(t.dataSource.options.synchronize).toBe(false);
    expect(await t.dataSource.showMigrations()).toBe(false);
    expect(await pendingSchemaChanges()).toEqual([]);
  });

  it('names its indexes and unique constraints', async () => {
    const queryRunner = t.dataSource.createQueryRunner();
    const table = await queryRunner.getTable('users').finally(() => queryRunner.release());
    const names = [...(table?.indices ?? []), ...(table?.uniques ?? [])].map((item) => item.name);
    expect(names).toEqual(
      expect.arrayContaining(['idx_users_role', 'idx_users_advisor_id', 'uq_users_openid']),
    );
  });

  it('reverts every migration and applies them again to the same schema', async () => {
    for (let i = 0; i < MIGRATIONS.length; i += 1)
      await t.dataSource.undoLastMigration({ transaction: 'each' });
    const queryRunner = t.dataSource.createQueryRunner();
    try {
      expect(await queryRunner.hasTable('users')).toBe(false);
    } finally {
      await queryRunner.release();
    }
    await t.dataSource.runMigrations({ transaction: 'each' });
    expect(await pendingSchemaChanges()).toEqual([]);
  });

  it('stores times as UTC wall-clock values and answers them as ISO 8601 with an offset', async () => {
    const user = await userFactory.create(t.dataSource, { createdAt: new Date('2026-03-01T08:30:15.250Z') });
    const castTo = t.database.kind === 'mysql' ? 'CHAR' : 'TEXT';
    const [row] = await t.dataSource.query<{ stored: string }[]>(
      `SELECT CAST(created_at AS ${castTo}) AS stored FROM users WHERE id = ?`,
      [user.id],
    );
    expect(row?.stored).toMatch(/^2026-03-01 08:30:15\.25/);
    const admin = await signIn(t.api, 'admin');
    const listed = await admin.api.get<{ items: UserDto[] }>(
      `admin/users?q=${encodeURIComponent(user.name ?? '')}`,
    );
    expect(listed.body.items[0]?.createdAt).toBe('2026-03-01T08:30:15.250Z');
  });

  it('keeps database-generated timestamps in UTC too', async () => {
    const before = Date.now();
    const user = await userFactory.create(t.dataSource);
    await t.dataSource.getRepository(UserEntity).update({ id: user.id }, { major: '能源与动力工程' });
    const reloaded = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    // Second precision on SQLite's datetime('now').
    expect(reloaded.updatedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(reloaded.updatedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });
});

// Only MySQL/MariaDB have a session time zone; SQLite's datetime('now') is always UTC.
const onMysql = Boolean(process.env.TEST_DATABASE_URL);

describe('MySQL sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    if (onMysql) t = await startTestApp();
  });
  afterAll(async () => {
    if (onMysql) await t.close();
  });

  (onMysql ? it : it.skip)('all run in UTC, whatever the server time zone is', async () => {
    const queryRunners = Array.from({ length: 4 }, () => t.dataSource.createQueryRunner());
    try {
      // Hold four pooled connections at once so more than the first one is checked.
      await Promise.all(queryRunners.map((queryRunner) => queryRunner.connect()));
      for (const queryRunner of queryRunners) {
        const rows = (await queryRunner.query('SELECT @@session.time_zone AS zone')) as { zone: string }[];
        expect(rows[0]?.zone).toBe('+00:00');
      }
    } finally {
      await Promise.all(queryRunners.map((queryRunner) => queryRunner.release()));
    }
  });
});

describe('demo data', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('is seeded at start into an empty database when SEED_DEMO=true, and seeding again changes nothing', async () => {
    const t = await startTestApp({ database, env: { SEED_DEMO: 'true' } });
    try {
      const users = t.dataSource.getRepository(UserEntity);
      expect((await users.find()).map((user) => user.openid).sort()).toEqual(
        DEMO_USERS.map((demo) => demo.openid).sort(),
      );

      expect(await seedDemo(t.dataSource)).toEqual({
        created: [],
        existing: DEMO_USERS.map((demo) => demo.openid),
      });
      expect(await users.count()).toBe(DEMO_USERS.length);

      const student = await t.api.post<AuthResponse>('auth/dev-login', {
        openid: 'demo-student',
        role: 'student',
      });
      expect(student.body.user).toMatchObject({
        role: 'student',
        profileComplete: true,
        profile: { degree: 'bachelor' },
      });
    } finally {
      await t.close();
    }
  });

  it('is not seeded at start into a database that already has users', async () => {
    const other = await createTestDatabase();
    try {
      const first = await startTestApp({ database: other });
      await userFactory.create(first.dataSource, { openid: 'existing-user' });
      await first.close();

      const second = await startTestApp({ database: other, env: { SEED_DEMO: 'true' } });
      try {
        expect(await second.dataSource.getRepository(UserEntity).count()).toBe(1);
      } finally {
        await second.close();
      }
    } finally {
      await other.drop();
    }
  });
});
