import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AdminJobDto,
  JobAlertsResponse,
  NotificationListResponse,
  PublishJobResponse,
  SubscriptionListResponse,
} from '@careerside/shared';
import type { QueryRunner } from 'typeorm';
import { jobFactory } from '../factories/job.factory';
import type { ApiClient } from '../support/api-client';
import { pollUntil } from '../support/poll';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';
import { WechatStandin } from '../support/wechat-standin';

const PAGE = 3;

interface Statement {
  sql: string;
  rows: number;
}

/**
 * Fan-outs larger than one page (NOTIFY_FANOUT_CHUNK=3): every statement the server runs is recorded with
 * the rows it answered, so the tests see that no read holds more than one page of the audience, and that
 * the inbox is written a page per statement.
 */
describe('fan-outs in pages', () => {
  let t: TestApp;
  let wechat: WechatStandin;
  let admin: ApiClient;
  const statements: Statement[] = [];
  let fault: ((sql: string) => Error | null) | null = null;

  beforeAll(async () => {
    wechat = await WechatStandin.start();
    t = await startTestApp({
      env: {
        WECHAT_API_BASE: wechat.url,
        WECHAT_APPID: wechat.appId,
        WECHAT_SECRET: wechat.secret,
        QUIET_HOURS: 'off',
        NOTIFY_POLL_MS: '100',
        NOTIFY_DAILY_PUSH_CAP: '0',
        NOTIFY_FANOUT_CHUNK: String(PAGE),
        // The dispatcher runs meanwhile: it claims a page at a time too, so every statement is bounded.
        NOTIFY_BATCH_SIZE: String(PAGE),
      },
    });
    admin = (await signIn(t.api, 'admin')).api;
    const probe = t.dataSource.createQueryRunner();
    const prototype = Object.getPrototypeOf(probe) as QueryRunner;
    await probe.release();
    // The driver's own query(), called with the runner as `this`.
    const original = Reflect.get(prototype, 'query') as (
      this: QueryRunner,
      ...args: Parameters<QueryRunner['query']>
    ) => Promise<unknown>;
    prototype.query = async function (this: QueryRunner, ...args: Parameters<QueryRunner['query']>) {
      const sql = args[0].replace(/\s+/g, ' ').trim();
      const injected = fault?.(sql);
      if (injected) throw injected;
      const result: unknown = await original.apply(this, args);
      const records = (result as { records?: unknown } | null)?.records;
      const rows = Array.isArray(result) ? result.length : Array.isArray(records) ? records.length : 0;
      statements.push({ sql, rows });
      return result;
    } as QueryRunner['query'];
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  /** Runs `action` and answers the statements the server ran meanwhile. */
  async function recorded<T>(action: () => Promise<T>): Promise<{ result: T; ran: Statement[] }> {
    const from = statements.length;
    const result = await action();
    return { result, ran: statements.slice(from) };
  }

  const inboxInserts = (ran: Statement[]) =>
    ran.filter((statement) => /^INSERT (OR )?IGNORE INTO notifications /.test(statement.sql));

  let students = 0;
  async function student(keyword: string, frequency = 'instant') {
    students += 1;
    const openid = `fan-out-pages-${process.pid}-${students}`;
    const session = { openid, ...(await signIn(t.api, 'student', { openid })) };
    await session.api.patch('me/profile', { degree: 'master' });
    const saved = await session.api.put<JobAlertsResponse>('me/job-alerts', {
      industries: [],
      keySectors: [],
      locations: [],
      keywords: [keyword],
      frequency,
    });
    if (saved.status !== 200) throw new Error(`job-alerts: ${saved.status} ${saved.text}`);
    return session;
  }

  const alertsFor = async (api: ApiClient, jobId: string) =>
    (await api.get<NotificationListResponse>('me/notifications?limit=50')).body.items.filter(
      (item) => item.kind === 'job_alert' && item.payload?.jobId === jobId,
    );

  it('alerts every matching student exactly once, reading and writing one page at a time, and resumes after a failure mid-way', async () => {
    const matching = [];
    for (let i = 0; i < 10; i += 1) matching.push(await student('分页专用'));
    const digest = await student('分页专用', 'daily');
    const consenting = matching[4];
    const subscriptions = await consenting.api.get<SubscriptionListResponse>('me/subscriptions');
    const template = subscriptions.body.items.find((item) => item.kind === 'job_alert');
    expect(template).toBeDefined();
    await consenting.api.post('me/subscriptions', { results: { [template?.templateId ?? '']: 'accept' } });
    const draft: AdminJobDto = await jobFactory.create(admin, {
      title: '分页专用岗位',
      description: '分页专用',
    });

    // One student has this alert already (as after a digest): their page is written around it.
    const at = new Date(Date.now() - 60_000).toISOString().replace('T', ' ').replace('Z', '');
    await t.dataSource.query(
      `INSERT INTO notifications (id, user_id, kind, title, body, page, payload, dedupe_key, visible_at, read_at, created_at)
       VALUES (?, ?, 'job_alert', '分页专用岗位', '已有', NULL, ?, ?, ?, NULL, ?)`,
      [
        randomUUID(),
        matching[1].user.id,
        JSON.stringify({ jobId: draft.id }),
        `job_alert:${draft.id}`,
        at,
        at,
      ],
    );

    // The second page's inbox write fails: the publishing transaction rolls back as a whole.
    let inserts = 0;
    fault = (sql) =>
      /^INSERT (OR )?IGNORE INTO notifications /.test(sql) && ++inserts === 2
        ? new Error('injected: the database went away mid-fan-out')
        : null;
    const failed = await admin.post(`admin/jobs/${draft.id}/publish`);
    fault = null;
    expect(failed.status).toBe(500);
    expect((await admin.get<AdminJobDto>(`admin/jobs/${draft.id}`)).body.status).toBe('draft');
    for (const [i, { api }] of matching.entries())
      expect(await alertsFor(api, draft.id)).toHaveLength(i === 1 ? 1 : 0);

    const { result: published, ran } = await recorded(() =>
      admin.post<PublishJobResponse>(`admin/jobs/${draft.id}/publish`),
    );
    expect(published.status).toBe(200);
    expect(published.body.alerts).toEqual({ matched: 11, notified: 10 });
    expect(Math.max(...ran.map((statement) => statement.rows))).toBeLessThanOrEqual(PAGE);
    expect(inboxInserts(ran)).toHaveLength(Math.ceil(10 / PAGE));
    for (const { api } of matching) expect(await alertsFor(api, draft.id)).toHaveLength(1);
    expect(await alertsFor(digest.api, draft.id)).toEqual([]);
    const [{ deliveries }]: { deliveries: number | string }[] = await t.dataSource.query(
      `SELECT COUNT(*) AS deliveries FROM notification_deliveries d
       JOIN notifications n ON n.id = d.notification_id WHERE n.dedupe_key = ?`,
      [`job_alert:${draft.id}`],
    );
    expect(Number(deliveries)).toBe(9);

    const again = await admin.post<PublishJobResponse>(`admin/jobs/${draft.id}/publish`);
    expect(again.body).toMatchObject({ publishedNow: false, alerts: { matched: 11, notified: 0 } });
    for (const { api } of matching) expect(await alertsFor(api, draft.id)).toHaveLength(1);

    // Consent still decides the push: only the student who granted one gets it, once.
    const pushed = await pollUntil(
      async () => wechat.sentMessages().filter((message) => message.page?.includes(draft.id)),
      (messages) => messages.length >= 1,
    );
    expect(pushed.map((message) => message.touser)).toEqual([consenting.openid]);
  });

  it('announces to every user of the roles, one page of users at a time', async () => {
    const counselor = await signIn(t.api, 'counselor');
    const { result: announced, ran } = await recorded(() =>
      admin.post<{ notified: number }>('admin/notifications/announcements', {
        title: '分页公告',
        body: '每页三人',
        roles: ['student', 'counselor'],
      }),
    );
    expect(announced.status).toBe(201);
    const users: { role: string; count: number | string }[] = await t.dataSource.query(
      "SELECT role, COUNT(*) AS count FROM users WHERE role IN ('student', 'counselor') GROUP BY role",
    );
    const byRole = Object.fromEntries(users.map((row) => [row.role, Number(row.count)]));
    expect(byRole.student).toBeGreaterThan(2 * PAGE);
    expect(announced.body.notified).toBe(byRole.student + byRole.counselor);
    expect(Math.max(...ran.map((statement) => statement.rows))).toBeLessThanOrEqual(PAGE);
    expect(inboxInserts(ran)).toHaveLength(
      Math.ceil(byRole.student / PAGE) + Math.ceil(byRole.counselor / PAGE),
    );
    const entries: { user_id: string; count: number | string }[] = await t.dataSource.query(
      "SELECT user_id, COUNT(*) AS count FROM notifications WHERE title = '分页公告' GROUP BY user_id",
    );
    expect(entries).toHaveLength(announced.body.notified);
    expect(entries.every((entry) => Number(entry.count) === 1)).toBe(true);
    // Every entry has its WeChat delivery (on MySQL/MariaDB written over the page's id range), for its user.
    const [{ deliveries, own }]: { deliveries: number | string; own: number | string }[] =
      await t.dataSource.query(
        `SELECT COUNT(*) AS deliveries, SUM(CASE WHEN d.user_id = n.user_id THEN 1 ELSE 0 END) AS own
         FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
         WHERE n.title = '分页公告'`,
      );
    expect(Number(deliveries)).toBe(announced.body.notified);
    expect(Number(own)).toBe(announced.body.notified);
    const inbox = await counselor.api.get<NotificationListResponse>('me/notifications');
    expect(inbox.body.items.map((item) => item.title)).toContain('分页公告');
  });
});
