import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createConnection } from 'mysql2/promise';
import type {
  AuthResponse,
  NotificationListResponse,
  PublishJobResponse,
  UpdateJobAlertsRequest,
} from '@careerside/shared';
import { jobFactory } from '../factories/job.factory';
import { ApiClient } from '../support/api-client';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { WechatStandin } from '../support/wechat-standin';

const onMysql = process.env.TEST_DATABASE_URL?.startsWith('mysql') ?? false;
const LISTENERS = 40;
const BYSTANDERS = 10;

// Two server processes on one database only exist on MySQL/MariaDB (SQLite is one process by design). Run with
// TEST_DATABASE_URL=mysql://root@127.0.0.1:3306/careerside_test.
(onMysql ? describe : describe.skip)(
  'job alerts with two server processes on one MariaDB (MySQL only)',
  () => {
    let wechat: WechatStandin;
    let database: TestDatabase;
    let first: ServerProcess;
    let second: ServerProcess;

    async function query<T>(sql: string, values: unknown[]): Promise<T[]> {
      const connection = await createConnection(database.url);
      try {
        return (await connection.query(sql, values))[0] as T[];
      } finally {
        await connection.end();
      }
    }

    async function signIn(server: ServerProcess, openid: string, role: 'student' | 'admin') {
      const api = new ApiClient(server.baseUrl);
      const response = await api.post<AuthResponse>('auth/dev-login', { openid, role });
      if (response.status !== 200) throw new Error(`dev-login: ${response.status} ${response.text}`);
      return { user: response.body.user, token: response.body.token, api: api.as(response.body.token) };
    }

    async function student(index: number, preferences: Partial<UpdateJobAlertsRequest>) {
      // Half of them set up through each process.
      const session = await signIn(index % 2 === 0 ? first : second, `cluster-student-${index}`, 'student');
      const saved = await session.api.put('me/job-alerts', {
        industries: [],
        keySectors: [],
        locations: [],
        keywords: [],
        frequency: 'instant',
        ...preferences,
      });
      if (saved.status !== 200) throw new Error(`job-alerts: ${saved.status} ${saved.text}`);
      return session;
    }

    beforeAll(async () => {
      wechat = await WechatStandin.start();
      database = await createTestDatabase();
      const env = {
        DATABASE_URL: database.url,
        WECHAT_API_BASE: wechat.url,
        WECHAT_APPID: wechat.appId,
        WECHAT_SECRET: wechat.secret,
        QUIET_HOURS: 'off',
      };
      // The first process migrates the new database; the second finds it up to date.
      first = await startServerProcess(env);
      second = await startServerProcess(env);
    }, 150_000);

    afterAll(async () => {
      await Promise.all([first?.stop(), second?.stop()]);
      await database?.drop();
      await wechat?.close();
    });

    it('publishing from both processes at once alerts each matching student exactly once', async () => {
      const listeners = [];
      for (let i = 0; i < LISTENERS; i += 1) listeners.push(await student(i, { keySectors: ['aerospace'] }));
      for (let i = 0; i < BYSTANDERS; i += 1) await student(LISTENERS + i, { keySectors: ['energy'] });
      const adminOnFirst = (await signIn(first, 'cluster-admin', 'admin')).api;
      const adminOnSecond = (await signIn(second, 'cluster-admin', 'admin')).api;
      const draft = await jobFactory.create(adminOnFirst, { title: '双进程发布岗位' });

      // A double click in two browser tabs, each served by a different process, and a retry on each.
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 === 0 ? adminOnFirst : adminOnSecond).post<PublishJobResponse>(
            `admin/jobs/${draft.id}/publish`,
          ),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
      const winners = responses.filter((response) => response.body.publishedNow);
      expect(winners).toHaveLength(1);
      expect(winners[0].body.alerts).toEqual({ matched: LISTENERS, notified: LISTENERS });

      const dedupeKey = `job_alert:${draft.id}`;
      const perStudent = await query<{ user_id: string; entries: number | string }>(
        'SELECT user_id, COUNT(*) AS entries FROM notifications WHERE dedupe_key = ? GROUP BY user_id',
        [dedupeKey],
      );
      expect(perStudent).toHaveLength(LISTENERS);
      expect(perStudent.every((row) => Number(row.entries) === 1)).toBe(true);
      expect(new Set(perStudent.map((row) => row.user_id))).toEqual(
        new Set(listeners.map((listener) => listener.user.id)),
      );
      const deliveries = await query<{ notification_id: string; pushes: number | string }>(
        `SELECT d.notification_id, COUNT(*) AS pushes FROM notification_deliveries d
       JOIN notifications n ON n.id = d.notification_id WHERE n.dedupe_key = ? GROUP BY d.notification_id`,
        [dedupeKey],
      );
      expect(deliveries).toHaveLength(LISTENERS);
      expect(deliveries.every((row) => Number(row.pushes) === 1)).toBe(true);

      // Each student's inbox, read through the process they did not sign up with, shows the alert once.
      for (const [index, listener] of listeners.entries()) {
        const api = new ApiClient((index % 2 === 0 ? second : first).baseUrl).as(listener.token);
        const inbox = await api.get<NotificationListResponse>('me/notifications?limit=50');
        const alerts = inbox.body.items.filter(
          (item) => item.kind === 'job_alert' && item.payload?.jobId === draft.id,
        );
        expect(alerts).toHaveLength(1);
      }
      expect(first.output()).not.toMatch(/"level":50/);
      expect(second.output()).not.toMatch(/"level":50/);
    }, 120_000);
  },
);
