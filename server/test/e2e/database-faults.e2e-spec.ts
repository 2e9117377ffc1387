import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ErrorCode, type ErrorBody, type UserDto } from '@careerside/shared';
import type { ApiClient } from '../support/api-client';
import { signIn } from '../support/sign-in';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const onMysql = process.env.TEST_DATABASE_URL ? describe : describe.skip;
const onSqlite = process.env.TEST_DATABASE_URL ? describe.skip : describe;

const expectDatabaseUnavailable = (response: { status: number; body: unknown; headers: Headers }) => {
  expect(response.status).toBe(503);
  expect(response.body).toMatchObject({ statusCode: 503, code: ErrorCode.DatabaseUnavailable });
  expect(response.headers.get('retry-after')).toBe('5');
};

onMysql('ordinary routes while MySQL/MariaDB is unreachable', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;
  let student: ApiClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    proxy = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port || 3306) });
    const throughProxy = new URL(database.url);
    throughProxy.hostname = '127.0.0.1';
    throughProxy.port = String(proxy.port);
    t = await startTestApp({
      database: { ...database, url: throughProxy.toString() },
      env: { DATABASE_ACQUIRE_TIMEOUT_MS: '500', NOTIFY_WORKER: 'false' },
    });
    student = (await signIn(t.api, 'student')).api;
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    await database?.drop();
  });

  it('answers 503 DATABASE_UNAVAILABLE, in the request language, and recovers by itself when it returns', async () => {
    expect((await student.get('me/appointments')).status).toBe(200);

    proxy.cut();
    // More requests than the pool has connections, so some wait in mysql2's queue rather than on a connect.
    const during = await Promise.all([
      ...Array.from({ length: 12 }, () => student.get<ErrorBody>('me/appointments')),
      t.api.get<ErrorBody>('jobs'),
    ]);
    for (const response of during) expectDatabaseUnavailable(response);
    const chinese = await student.get<ErrorBody>('me/notifications', { headers: { 'accept-language': 'zh-CN' } });
    expectDatabaseUnavailable(chinese);
    expect(chinese.body.message).toMatch(/数据库/);

    proxy.restore();
    expect((await student.get('me/appointments')).status).toBe(200);
    expect((await t.api.get('jobs')).status).toBe(200);
  });

  it('survives a second outage the same way', async () => {
    proxy.cut();
    expectDatabaseUnavailable(await student.patch<ErrorBody>('me/profile', { college: '理学院' }));
    proxy.restore();
    const after = await student.patch<UserDto>('me/profile', { college: '理学院' });
    expect(after.status).toBe(200);
    expect(after.body.profile.college).toBe('理学院');
  });
});

onSqlite('writes while another process holds the SQLite write lock', () => {
  let t: TestApp;
  let student: ApiClient;
  // Another connection to the same file, as a script or a second server process would hold one.
  let other: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ env: { DATABASE_ACQUIRE_TIMEOUT_MS: '300', NOTIFY_WORKER: 'false' } });
    student = (await signIn(t.api, 'student')).api;
    other = await new DataSource({
      type: 'better-sqlite3',
      database: t.database.url.slice('sqlite:'.length),
    }).initialize();
  });
  afterAll(async () => {
    await other?.destroy();
    await t?.close();
  });

  it('answer 503 DATABASE_UNAVAILABLE instead of a 500 (SQLITE_BUSY), and succeed once the lock is gone', async () => {
    await other.query('BEGIN EXCLUSIVE');
    try {
      expectDatabaseUnavailable(await student.patch<ErrorBody>('me/profile', { college: '理学院' }));
    } finally {
      await other.query('ROLLBACK');
    }
    const after = await student.patch<UserDto>('me/profile', { college: '理学院' });
    expect(after.status).toBe(200);
    expect(after.body.profile.college).toBe('理学院');
  });
});
