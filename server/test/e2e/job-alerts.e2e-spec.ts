import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AlertOpenedResponse,
  ErrorCode,
  type ErrorBody,
  type JobAlertsResponse,
  type JobMatchListResponse,
  type JobStatsResponse,
  type NotificationListResponse,
  type PublishJobResponse,
  type SubscriptionListResponse,
  type UpdateJobAlertsRequest,
} from '@careerside/shared';
import { jobFactory } from '../factories/job.factory';
import type { ApiClient } from '../support/api-client';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';
import { WechatStandin } from '../support/wechat-standin';
import { pollUntil } from '../support/poll';

describe('job alerts', () => {
  let t: TestApp;
  let wechat: WechatStandin;
  let admin: ApiClient;

  beforeAll(async () => {
    wechat = await WechatStandin.start();
    t = await startTestApp({
      env: {
        WECHAT_API_BASE: wechat.url,
        WECHAT_APPID: wechat.appId,
        WECHAT_SECRET: wechat.secret,
        QUIET_HOURS: 'off',
        NOTIFY_POLL_MS: '100',
        NOTIFY_RETRY_BASE_MS: '50',
        NOTIFY_RETRY_MAX_MS: '100',
        JOBS_SWEEP_SECONDS: '1',
      },
    });
    admin = (await signIn(t.api, 'admin')).api;
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  /** A signed-in student with a degree on their profile and, when given, saved preferences. */
  async function student(preferences?: Partial<UpdateJobAlertsRequest>, degree = 'master') {
    const session = await signIn(t.api, 'student');
    await session.api.patch('me/profile', { degree });
    if (preferences) {
      const response = await session.api.put<JobAlertsResponse>('me/job-alerts', {
        industries: [],
        keySectors: [],
        locations: [],
        keywords: [],
        frequency: 'instant',
        ...preferences,
      });
      if (response.status !== 200) throw new Error(`job-alerts: ${response.status} ${response.text}`);
    }
    return session;
  }

  // Students of earlier tests would match the postings of later ones; tests that count exact totals start
  // by turning everyone else's alerts off.
  const silenceEveryone = () => t.dataSource.query("UPDATE job_alert_settings SET frequency = 'off'");

  const alertsFor = async (api: ApiClient, jobId: string) =>
    (await api.get<NotificationListResponse>('me/notifications?limit=50')).body.items.filter(
      (item) => item.kind === 'job_alert' && item.payload?.jobId === jobId,
    );

  describe('preferences', () => {
    it('start from the profile and are not in force until saved', async () => {
      const { api } = await student(undefined, 'doctorate');
      const response = await api.get<JobAlertsResponse>('me/job-alerts');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        industries: [],
        keySectors: [],
        locations: [],
        keywords: [],
        degree: 'doctorate',
        frequency: 'daily',
        digestTime: '09:00',
        digestWeekday: 1,
        configured: false,
        nextDigestAt: null,
        updatedAt: null,
      } satisfies JobAlertsResponse);
    });

    it('are saved normalized, with the next digest time for daily and weekly', async () => {
      const { api } = await student();
      const response = await api.put<JobAlertsResponse>('me/job-alerts', {
        industries: ['energy', 'energy'],
        keySectors: ['energy'],
        locations: ['成都市', ' 西安 ', '全国'],
        keywords: ['ＳＣＡＤＡ', ' 调度 '],
        frequency: 'weekly',
        digestTime: '18:30',
        digestWeekday: 5,
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        industries: ['energy'],
        keySectors: ['energy'],
        locations: ['成都', '西安'],
        keywords: ['scada', '调度'],
        degree: 'master',
        frequency: 'weekly',
        digestTime: '18:30',
        digestWeekday: 5,
        configured: true,
      });
      const next = new Date(response.body.nextDigestAt ?? '');
      expect(next.getTime()).toBeGreaterThan(Date.now());
      // Friday 18:30 in Shanghai is Friday 10:30 UTC.
      expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([5, 10, 30]);
      expect((await api.get<JobAlertsResponse>('me/job-alerts')).body).toEqual(response.body);

      const off = await api.put<JobAlertsResponse>('me/job-alerts', { frequency: 'off', degree: null });
      expect(off.body).toMatchObject({
        frequency: 'off',
        industries: [],
        keywords: [],
        degree: null,
        nextDigestAt: null,
      });
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a frequency outside the list', { frequency: 'hourly' }, 'frequency'],
      ['a missing frequency', { frequency: undefined }, 'frequency'],
      ['an industry outside the taxonomy', { industries: ['rockets'] }, 'industries'],
      ['a key sector outside the taxonomy', { keySectors: ['space'] }, 'keySectors'],
      ['a keyword over 20 characters', { keywords: ['字'.repeat(21)] }, 'keywords'],
      ['too many locations', { locations: Array.from({ length: 21 }, (_, i) => `城市${i}`) }, 'locations'],
      ['a digest time that is not HH:MM', { digestTime: '9am' }, 'digestTime'],
      ['a weekday out of range', { digestWeekday: 8 }, 'digestWeekday'],
      ['a list sent as text', { locations: '北京' }, 'locations'],
      // Found by the fuzz suite: null passed @IsOptional() and the service read null.length (500).
      ['a null list of key sectors', { keySectors: null }, 'keySectors'],
      ['a null list of industries', { industries: null }, 'industries'],
    ])('reject %s with 400 naming the field', async (_, body, field) => {
      const { api } = await student();
      const response = await api.put<ErrorBody>('me/job-alerts', { frequency: 'instant', ...body });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(ErrorCode.ValidationFailed);
      expect(response.body.details?.map((detail) => detail.field)).toContain(field);
    });

    it('are for students only', async () => {
      expect((await t.api.get('me/job-alerts')).status).toBe(401);
      expect((await admin.put('me/job-alerts', { frequency: 'instant' })).status).toBe(403);
    });
  });

  describe('publishing', () => {
    it('alerts exactly the matching students, once each', async () => {
      const students = {
        sectorOnly: await student({ keySectors: ['aerospace'] }),
        otherIndustry: await student({ industries: ['energy'] }),
        beijingOnly: await student({ locations: ['北京'] }),
        xianOrBeijing: await student({ locations: ['北京', '西安市'] }),
        everything: await student({}),
        off: await student({ frequency: 'off' }),
        keyword: await student({ keywords: ['强度校核'] }),
        otherKeyword: await student({ keywords: ['芯片'] }),
        bachelor: await student({}, 'bachelor'),
        daily: await student({ frequency: 'daily' }),
        neverConfigured: await student(),
      };
      const counselor = await signIn(t.api, 'counselor');
      const expected = ['sectorOnly', 'xianOrBeijing', 'everything', 'keyword'];

      // Aerospace, key sector aerospace, in 西安, master's and above, "强度校核" in the description.
      const published = await jobFactory.createPublished(admin, { title: '结构强度工程师（推送）' });
      expect(published.alerts).toEqual({ matched: expected.length + 1, notified: expected.length });

      for (const [name, { api }] of Object.entries(students)) {
        const alerts = await alertsFor(api, published.id);
        expect([name, alerts.length]).toEqual([name, expected.includes(name) ? 1 : 0]);
      }
      expect(await alertsFor(counselor.api, published.id)).toEqual([]);
      const [alert] = await alertsFor(students.everything.api, published.id);
      expect(alert).toMatchObject({
        kind: 'job_alert',
        title: '新岗位：结构强度工程师（推送）',
        page: `subpackages/jobs/pages/detail/index?id=${published.id}&from=alert`,
        readAt: null,
      });
      expect(alert.body).toContain('某航天科技研究院');
      expect(alert.body).toContain('西安');

      // A posting with no locations is open anywhere: the 北京-only student hears of this one.
      const anywhere = await jobFactory.createPublished(admin, { title: '全国招聘的岗位', locations: [] });
      expect(await alertsFor(students.beijingOnly.api, anywhere.id)).toHaveLength(1);
      // Not aerospace: the key-sector student does not.
      const grid = await jobFactory.createPublished(admin, {
        title: '电网调度岗',
        industry: 'energy',
        keySectors: ['energy'],
        locations: [],
        degree: null,
        description: '电网调度',
      });
      expect(await alertsFor(students.sectorOnly.api, grid.id)).toEqual([]);
      expect(await alertsFor(students.otherIndustry.api, grid.id)).toHaveLength(1);
      expect(await alertsFor(students.bachelor.api, grid.id)).toHaveLength(1);
      expect(await alertsFor(students.off.api, grid.id)).toEqual([]);
    });

    it('never alerts twice: repeated and concurrent publishing alert each student once', async () => {
      const listeners = await Promise.all([
        student({}),
        student({ keySectors: ['aerospace'] }),
        student({ industries: ['aerospace'] }),
      ]);
      const draft = await jobFactory.create(admin, { title: '并发发布测试岗位' });
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => admin.post<PublishJobResponse>(`admin/jobs/${draft.id}/publish`)),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(6).fill(200));
      expect(responses.filter((response) => response.body.publishedNow)).toHaveLength(1);
      const winner = responses.find((response) => response.body.publishedNow);
      expect(winner?.body.alerts.notified).toBeGreaterThanOrEqual(listeners.length);
      expect(
        responses
          .filter((response) => !response.body.publishedNow)
          .every((response) => response.body.alerts.notified === 0),
      ).toBe(true);
      await jobFactory.publish(admin, draft.id);
      for (const { api } of listeners) expect(await alertsFor(api, draft.id)).toHaveLength(1);

      const stats = await admin.get<JobStatsResponse>(`admin/jobs/${draft.id}/stats`);
      expect(stats.body.matched).toBe(winner?.body.alerts.matched);
      expect(stats.body.notified).toBe(winner?.body.alerts.notified);
    });
  });

  describe('statistics and WeChat pushes', () => {
    it('counts matched, notified, pushes sent and failed, skipped without consent, opened, saved and applied', async () => {
      await silenceEveryone();
      const withConsent = [
        await student({ keywords: ['统计专用'] }),
        await student({ keywords: ['统计专用'] }),
      ];
      const withoutConsent = await student({ keywords: ['统计专用'] });
      const digest = await student({ keywords: ['统计专用'], frequency: 'daily' });
      for (const { api } of withConsent) {
        const subscriptions = await api.get<SubscriptionListResponse>('me/subscriptions');
        const template = subscriptions.body.items.find((item) => item.kind === 'job_alert');
        expect(template).toBeDefined();
        const granted = await api.post('me/subscriptions', {
          results: { [template?.templateId ?? '']: 'accept' },
        });
        expect(granted.status).toBe(200);
      }
      // One of the two consented pushes is refused for good by WeChat (43101: the user withdrew consent).
      wechat.failNext('/cgi-bin/message/subscribe/send', { kind: 'errcode', errcode: 43101 });

      const job = await jobFactory.createPublished(admin, {
        title: '统计专用岗位',
        description: '统计专用 描述',
      });
      expect(job.alerts).toEqual({ matched: 4, notified: 3 });

      const stats = await pollUntil(
        async () => (await admin.get<JobStatsResponse>(`admin/jobs/${job.id}/stats`)).body,
        (body) => body.wechatSent + body.wechatFailed === 2,
      );
      expect(stats).toEqual({
        jobId: job.id,
        matched: 4,
        notified: 3,
        awaitingDigest: 1,
        wechatSent: 1,
        wechatFailed: 1,
        wechatPending: 0,
        wechatSkippedNoConsent: 1,
        wechatFolded: 0,
        opened: 0,
        saved: 0,
        applied: 0,
      } satisfies JobStatsResponse);
      const pushed = wechat.sentMessages().filter((message) => message.page?.includes(job.id));
      expect(pushed).toHaveLength(1);
      expect(pushed[0].page).toBe(`subpackages/jobs/pages/detail/index?id=${job.id}&from=alert`);
      expect(JSON.stringify(pushed[0].data)).toContain('统计专用岗位');

      const opened = await withoutConsent.api.post<AlertOpenedResponse>(`jobs/${job.id}/alert-opened`);
      expect(opened.status).toBe(200);
      expect(opened.body).toEqual({ counted: true });
      expect(
        (await withoutConsent.api.post<AlertOpenedResponse>(`jobs/${job.id}/alert-opened`)).body,
      ).toEqual({ counted: false });
      // The digest subscriber has no alert in their inbox yet: nothing to open.
      expect((await digest.api.post<AlertOpenedResponse>(`jobs/${job.id}/alert-opened`)).body).toEqual({
        counted: false,
      });
      await withoutConsent.api.put(`jobs/${job.id}/save`);
      await withConsent[0].api.put(`jobs/${job.id}/save`);
      await withConsent[0].api.put(`jobs/${job.id}/applied`);

      const after = await admin.get<JobStatsResponse>(`admin/jobs/${job.id}/stats`);
      expect(after.body).toMatchObject({ opened: 1, saved: 2, applied: 1 });
    });
  });

  describe('digests', () => {
    it('deliver the matches at the chosen time: one entry per posting and one digest push', async () => {
      await silenceEveryone();
      const daily = await student({ keywords: ['日报专用'], frequency: 'daily', digestTime: '07:00' });
      const weekly = await student({ keywords: ['日报专用'], frequency: 'weekly' });
      const first = await jobFactory.createPublished(admin, { title: '日报岗位甲', description: '日报专用' });
      const second = await jobFactory.createPublished(admin, {
        title: '日报岗位乙',
        description: '日报专用',
      });
      const withdrawn = await jobFactory.createPublished(admin, {
        title: '日报岗位丙',
        description: '日报专用',
      });
      await admin.post(`admin/jobs/${withdrawn.id}/close`);
      expect(first.alerts).toEqual({ matched: 2, notified: 0 });
      expect(await alertsFor(daily.api, first.id)).toEqual([]);

      // The daily digest falls due (as if 07:00 had come); the weekly one has not.
      await t.dataSource.query('UPDATE job_alert_settings SET next_digest_at = ? WHERE user_id = ?', [
        t.database.kind === 'mysql'
          ? new Date(Date.now() - 60_000)
          : new Date(Date.now() - 60_000).toISOString().replace('T', ' ').replace('Z', ''),
        daily.user.id,
      ]);
      const inbox = await pollUntil(
        async () => (await daily.api.get<NotificationListResponse>('me/notifications?limit=50')).body.items,
        (items) => items.some((item) => item.kind === 'job_digest'),
      );
      const digests = inbox.filter((item) => item.kind === 'job_digest');
      expect(digests).toHaveLength(1);
      expect(digests[0]).toMatchObject({
        title: '2 个新岗位符合你的订阅',
        page: 'subpackages/jobs/pages/matches/index',
      });
      expect(digests[0].body).toContain('日报岗位甲');
      const alerts = inbox.filter((item) => item.kind === 'job_alert').map((item) => item.payload?.jobId);
      expect(alerts.sort()).toEqual([first.id, second.id].sort());
      expect(await alertsFor(weekly.api, first.id)).toEqual([]);

      const settings = await daily.api.get<JobAlertsResponse>('me/job-alerts');
      expect(new Date(settings.body.nextDigestAt ?? '').getTime()).toBeGreaterThan(Date.now());
      const stats = await admin.get<JobStatsResponse>(`admin/jobs/${first.id}/stats`);
      expect(stats.body).toMatchObject({ matched: 2, notified: 1, awaitingDigest: 1 });

      const matches = await daily.api.get<JobMatchListResponse>('me/job-matches');
      expect(matches.body.items.map((item) => item.id).sort()).toEqual([first.id, second.id].sort());
      expect(matches.body.items[0]).toMatchObject({ matchedAt: expect.any(String), openedAt: null });

      // Another run delivers nothing twice.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const again = (await daily.api.get<NotificationListResponse>('me/notifications?limit=50')).body.items;
      expect(again.filter((item) => item.kind === 'job_digest')).toHaveLength(1);
      expect(again.filter((item) => item.kind === 'job_alert')).toHaveLength(2);
    });

    it('switching to instant delivers what was waiting for a digest', async () => {
      const waiting = await student({ keywords: ['切换专用'], frequency: 'weekly' });
      const job = await jobFactory.createPublished(admin, { title: '切换岗位', description: '切换专用' });
      expect(await alertsFor(waiting.api, job.id)).toEqual([]);
      await waiting.api.put('me/job-alerts', { keywords: ['切换专用'], frequency: 'instant' });
      expect(await alertsFor(waiting.api, job.id)).toHaveLength(1);
    });
  });
});
