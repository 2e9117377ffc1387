import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  JobStatsResponse,
  NotificationListResponse,
  SubscriptionListResponse,
  UpdateJobAlertsRequest,
} from '@careerside/shared';
import { jobFactory } from '../factories/job.factory';
import type { ApiClient } from '../support/api-client';
import { eventually, pipelineEnv } from '../support/notifications';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';
import { WechatStandin } from '../support/wechat-standin';

/** HH:MM in Shanghai (the center's default time zone), `minutes` from now. */
function shanghaiClock(minutes: number): string {
  const at = new Date(Date.now() + (minutes + 480) * 60_000);
  return at.toISOString().slice(11, 16);
}

// Job alerts take the notifications pipeline's rules (issue 3) like every other push: quiet hours move the
// push but never the inbox entry, and pushes over the daily cap fold into the next morning's digest.
describe('job alert pushes follow the notification rules', () => {
  let wechat: WechatStandin;

  beforeAll(async () => {
    wechat = await WechatStandin.start();
  });
  afterAll(() => wechat.close());

  /** A student with instant alerts on a keyword who accepted the job alert template `grants` times. */
  async function subscriber(t: TestApp, keyword: string, grants: number) {
    const session = await signIn(t.api, 'student');
    const saved = await session.api.put('me/job-alerts', {
      industries: [],
      keySectors: [],
      locations: [],
      keywords: [keyword],
      frequency: 'instant',
    } satisfies UpdateJobAlertsRequest);
    expect(saved.status).toBe(200);
    const wallet = await session.api.get<SubscriptionListResponse>('me/subscriptions');
    const templateId = wallet.body.items.find((item) => item.kind === 'job_alert')?.templateId ?? '';
    for (let i = 0; i < grants; i += 1) {
      expect(
        (await session.api.post('me/subscriptions', { results: { [templateId]: 'accept' } })).status,
      ).toBe(200);
    }
    return session;
  }

  const alertsOf = async (api: ApiClient, jobId: string) =>
    (await api.get<NotificationListResponse>('me/notifications?limit=50')).body.items.filter(
      (item) => item.kind === 'job_alert' && item.payload?.jobId === jobId,
    );

  it('in quiet hours the alert is in the inbox at once and its push waits for the end of them', async () => {
    // Quiet hours that began an hour ago and end in two hours.
    const t = await startTestApp({
      env: pipelineEnv(wechat, { QUIET_HOURS: `${shanghaiClock(-60)}-${shanghaiClock(120)}` }),
    });
    try {
      const admin = (await signIn(t.api, 'admin')).api;
      const student = await subscriber(t, '静默时段专用', 1);
      const job = await jobFactory.createPublished(admin, {
        title: '静默时段岗位',
        description: '静默时段专用',
      });
      expect(job.alerts).toEqual({ matched: 1, notified: 1 });
      expect(await alertsOf(student.api, job.id)).toHaveLength(1);

      // Several dispatcher polls later, nothing has gone to WeChat.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(wechat.sentMessages().filter((message) => message.page?.includes(job.id))).toEqual([]);
      const stats = await admin.get<JobStatsResponse>(`admin/jobs/${job.id}/stats`);
      expect(stats.body).toMatchObject({ notified: 1, wechatPending: 1, wechatSent: 0 });
      const [delivery]: { due_at: Date | string }[] = await t.dataSource.query(
        `SELECT d.due_at FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
         WHERE n.dedupe_key = ?`,
        [`job_alert:${job.id}`],
      );
      const dueAt = new Date(
        delivery.due_at instanceof Date ? delivery.due_at : `${delivery.due_at.replace(' ', 'T')}Z`,
      );
      expect(dueAt.getTime()).toBeGreaterThan(Date.now() + 100 * 60_000);
      expect(dueAt.getTime()).toBeLessThanOrEqual(Date.now() + 121 * 60_000);
    } finally {
      await t.close();
    }
  });

  it('pushes over the daily cap fold into a digest, and the posting counts them as folded', async () => {
    const t = await startTestApp({ env: pipelineEnv(wechat, { NOTIFY_DAILY_PUSH_CAP: '1' }) });
    try {
      const admin = (await signIn(t.api, 'admin')).api;
      const student = await subscriber(t, '每日上限专用', 3);
      const first = await jobFactory.createPublished(admin, {
        title: '上限岗位一',
        description: '每日上限专用',
      });
      await eventually(async () =>
        (await admin.get<JobStatsResponse>(`admin/jobs/${first.id}/stats`)).body.wechatSent === 1
          ? true
          : undefined,
      );
      const second = await jobFactory.createPublished(admin, {
        title: '上限岗位二',
        description: '每日上限专用',
      });
      const stats = await eventually(async () => {
        const body = (await admin.get<JobStatsResponse>(`admin/jobs/${second.id}/stats`)).body;
        return body.wechatFolded === 1 ? body : undefined;
      });
      expect(stats).toMatchObject({ notified: 1, wechatSent: 0, wechatFolded: 1 });
      // Both alerts are in the inbox; WeChat got one push.
      expect(await alertsOf(student.api, first.id)).toHaveLength(1);
      expect(await alertsOf(student.api, second.id)).toHaveLength(1);
      expect(
        wechat
          .sentMessages()
          .filter((message) => [first.id, second.id].some((id) => message.page?.includes(id))),
      ).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
