import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { type AuthResponse, type DeliveryStatsResponse, Role } from '@careerside/shared';
import { loadConfig } from '../../src/config/load-config';
import { resolveDataSourceOptions } from '../../src/database/data-source';
import { ApiClient } from '../support/api-client';
import { eventually } from '../support/notifications';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { TEST_ENV } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { WechatStandin } from '../support/wechat-standin';

const onMysql = process.env.TEST_DATABASE_URL?.startsWith('mysql') ?? false;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SEND = '/cgi-bin/message/subscribe/send';
const CONCURRENCY = 8;

// Several server processes sharing one database only exist on MySQL/MariaDB (with Redis for the queues):
// SQLite is one process by design. Run with TEST_DATABASE_URL=mysql://root@127.0.0.1:3306/careerside_test.
(onMysql ? describe : describe.skip)('server processes sharing one MariaDB and Redis (MySQL only)', () => {
  let wechat: WechatStandin;
  let database: TestDatabase;
  let dataSource: DataSource;
  let prefix: string;
  const processes: ServerProcess[] = [];
  let redis: Redis;

  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: database.url,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    WECHAT_API_BASE: wechat.url,
    WECHAT_APPID: wechat.appId,
    WECHAT_SECRET: wechat.secret,
    WECHAT_SEND_RATE: '400',
    WECHAT_TIMEOUT_MS: '3000',
    NOTIFY_POLL_MS: '200',
    NOTIFY_BATCH_SIZE: '40',
    NOTIFY_CONCURRENCY: String(CONCURRENCY),
    NOTIFY_LEASE_SECONDS: '3',
    QUIET_HOURS: 'off',
    ...extra,
  });

  async function start(extra: Record<string, string> = {}): Promise<ServerProcess> {
    const server = await startServerProcess(env(extra));
    processes.push(server);
    return server;
  }

  /** Students who each accepted the announcement template once, with openids that name them. */
  async function students(count: number, tag: string): Promise<string[]> {
    const now = new Date();
    const openids: string[] = [];
    const users = Array.from({ length: count }, (_, index) => {
      const openid = `o-${tag}-${index}`;
      openids.push(openid);
      return {
        id: randomUUID(),
        openid,
        role: Role.Student,
        name: `学生${index}`,
        createdAt: now,
        updatedAt: now,
      };
    });
    await dataSource.getRepository('UserEntity').insert(users);
    await dataSource.getRepository('SubscriptionGrantEntity').insert(
      users.map((user) => ({
        userId: user.id,
        templateId: 'DEMO-system',
        mode: 'one_time',
        remaining: 1,
        lastResult: 'accept',
        createdAt: now,
        updatedAt: now,
      })),
    );
    return openids;
  }

  async function announce(server: ServerProcess, title: string): Promise<number> {
    const api = new ApiClient(server.baseUrl);
    const admin = await api.post<AuthResponse>('auth/dev-login', {
      openid: `admin-${prefix}`,
      role: 'admin',
    });
    const response = await api
      .as(admin.body.token)
      .post<{ notified: number }>('admin/notifications/announcements', {
        title,
        body: title,
        roles: ['student'],
      });
    expect(response.status).toBe(201);
    return response.body.notified;
  }

  async function statuses(): Promise<Record<string, number>> {
    const rows: { status: string; count: string | number }[] = await dataSource.query(
      'SELECT status, COUNT(*) AS count FROM notification_deliveries GROUP BY status',
    );
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  }

  beforeAll(async () => {
    wechat = await WechatStandin.start();
    redis = new Redis(REDIS_URL);
  });

  afterEach(async () => {
    await Promise.all(processes.splice(0).map((server) => server.stop('SIGKILL')));
    await dataSource?.destroy();
    await database?.drop();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    wechat.reset();
  });

  afterAll(async () => {
    await wechat.close();
    await redis.quit();
  });

  async function freshDatabase(): Promise<void> {
    prefix = `cs-cluster-${randomBytes(4).toString('hex')}`;
    database = await createTestDatabase();
    const { config } = loadConfig({ ...TEST_ENV, DATABASE_URL: database.url });
    dataSource = new DataSource({
      ...(await resolveDataSourceOptions(config.database)),
      logger: 'simple-console',
      logging: false,
    });
  }

  it('shares one batch between two processes and sends every message exactly once', async () => {
    await freshDatabase();
    // The first process migrates the new database; the second finds it up to date.
    const first = await start();
    const second = await start();
    await dataSource.initialize();
    const openids = await students(600, 'pair');
    wechat.setLatency(SEND, 15);

    expect(await announce(first, '两个进程')).toBe(600);
    await eventually(async () => ((await statuses()).sent === 600 ? true : undefined), {
      timeoutMs: 60_000,
      what: 'all 600 deliveries to be sent',
    });

    const counts = wechat.sentCounts((message) => message.touser);
    expect(counts.size).toBe(600);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(openids.every((openid) => counts.get(openid) === 1)).toBe(true);
    // Both processes took a share (the lease owner stays on a sent row).
    const owners: { lease_owner: string }[] = await dataSource.query(
      'SELECT DISTINCT lease_owner FROM notification_deliveries',
    );
    expect(owners.length).toBe(2);
    expect(first.output()).not.toMatch(/"level":50/);
    expect(second.output()).not.toMatch(/"level":50/);
  }, 120_000);

  it('spends each one-time grant once when two processes send to the same students at once', async () => {
    await freshDatabase();
    const first = await start();
    const second = await start();
    await dataSource.initialize();
    const openids = await students(300, 'grant');
    wechat.setLatency(SEND, 5);

    // Two messages per student, due together, each process writing one: one grant pays for one of them.
    const [a, b] = await Promise.all([announce(first, '第一条'), announce(second, '第二条')]);
    expect([a, b]).toEqual([300, 300]);
    const final = await eventually(
      async () => {
        const now = await statuses();
        return (now.sent ?? 0) + (now.skipped_no_consent ?? 0) === 600 ? now : undefined;
      },
      { timeoutMs: 60_000, what: 'all 600 deliveries to be sent or skipped' },
    );
    expect(final).toEqual({ sent: 300, skipped_no_consent: 300 });
    const counts = wechat.sentCounts((message) => message.touser);
    expect(openids.every((openid) => counts.get(openid) === 1)).toBe(true);
    const [left]: { total: string | number }[] = await dataSource.query(
      'SELECT SUM(remaining) AS total FROM subscription_grants',
    );
    expect(Number(left.total)).toBe(0);
    const owners: { lease_owner: string }[] = await dataSource.query(
      "SELECT DISTINCT lease_owner FROM notification_deliveries WHERE status = 'sent'",
    );
    expect(owners.length).toBe(2);
  }, 120_000);

  it('loses nothing and repeats nothing when a worker is killed in the middle of a batch', async () => {
    await freshDatabase();
    const doomed = await start({ WECHAT_SEND_RATE: '100' });
    await dataSource.initialize();
    const openids = await students(200, 'kill');
    // A slow WeChat keeps a full chunk on the wire at any moment.
    wechat.setLatency(SEND, 250);
    expect(await announce(doomed, '中途被杀')).toBe(200);
    await eventually(() => Promise.resolve(wechat.sentMessages().length >= 20 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'twenty messages to arrive',
    });
    await doomed.stop('SIGKILL');
    const atKill = await statuses();
    // Killed mid-batch: a chunk on the wire, and claimed rows it had not started yet.
    expect(atKill.sending ?? 0).toBeGreaterThan(CONCURRENCY);
    expect(atKill.sent ?? 0).toBeLessThan(200);

    const successor = await start();
    const final = await eventually(
      async () => {
        const now = await statuses();
        const settled = (now.sent ?? 0) + (now.unconfirmed ?? 0);
        return settled === 200 ? now : undefined;
      },
      { timeoutMs: 60_000, what: 'every delivery to be sent or unconfirmed' },
    );

    // Nothing lost: every delivery is sent, or unconfirmed because it was on the wire when the worker died.
    expect(final.unconfirmed ?? 0).toBeLessThanOrEqual(CONCURRENCY);
    // Nothing twice: no user got the message more than once.
    const counts = wechat.sentCounts((message) => message.touser);
    expect(Math.max(...counts.values())).toBe(1);
    const sentRows: { openid: string }[] = await dataSource.query(
      `SELECT u.openid FROM notification_deliveries d JOIN users u ON u.id = d.user_id WHERE d.status = 'sent'`,
    );
    expect(sentRows.every((row) => counts.get(row.openid) === 1)).toBe(true);
    expect(sentRows.length + (final.unconfirmed ?? 0)).toBe(200);
    expect(openids.filter((openid) => !counts.has(openid)).length).toBeLessThanOrEqual(
      final.unconfirmed ?? 0,
    );

    // Staff are told, and the successor said so in its log.
    const api = new ApiClient(successor.baseUrl);
    const admin = await api.post<AuthResponse>('auth/dev-login', {
      openid: `admin-${prefix}`,
      role: 'admin',
    });
    const stats = await api.as(admin.body.token).get<DeliveryStatsResponse>('admin/notifications/stats');
    expect(stats.body.totals.counts.unconfirmed).toBe(final.unconfirmed ?? 0);
    if ((final.unconfirmed ?? 0) > 0) expect(successor.output()).toMatch(/now unconfirmed/);
  }, 150_000);
});
