import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeliveryStatus, NotificationKind } from '@careerside/shared';
import { readTime } from '../../src/modules/notifications/sql-support';
import { deliveryOf, notify, pipelineEnv, settledDelivery } from '../support/notifications';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';
import { WechatStandin } from '../support/wechat-standin';

const SEND = '/cgi-bin/message/subscribe/send';
const BASE_MS = 40_000;
const CAP_MS = 60_000;

// Long waits, so the schedule the dispatcher writes can be read before anything is retried.
describe('the retry schedule the dispatcher writes', () => {
  let wechat: WechatStandin;
  let t: TestApp;

  beforeAll(async () => {
    wechat = await WechatStandin.start();
    t = await startTestApp({
      env: pipelineEnv(wechat, {
        NOTIFY_RETRY_BASE_MS: String(BASE_MS),
        NOTIFY_RETRY_MAX_MS: String(CAP_MS),
        NOTIFY_MAX_ATTEMPTS: '8',
      }),
    });
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  /** Waits for a failed attempt and answers how far ahead its retry was put, with the reason kept. */
  async function failedOnce(notificationId: string): Promise<{ delayMs: number; reason: string | null }> {
    const row = await settledDelivery(t.dataSource, notificationId, [DeliveryStatus.Failed]);
    const [stamps]: { updated_at: Date | string }[] = await t.dataSource.query(
      'SELECT updated_at FROM notification_deliveries WHERE notification_id = ?',
      [notificationId],
    );
    const due = readTime(row.due_at) ?? new Date(0);
    const failedAt = readTime(stamps.updated_at) ?? new Date(0);
    return { delayMs: due.getTime() - failedAt.getTime(), reason: row.last_error };
  }

  it('puts each retry a random wait ahead, within base * 2^(attempt-1), and never beyond the cap', async () => {
    const { user, api } = await signIn(t.api, 'student', { openid: `o-retry-${process.pid}` });
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      await api.post('me/subscriptions', { results: { 'DEMO-system': 'accept' } });
    }
    wechat.failNext(SEND, { kind: 'errcode', errcode: -1 }, 8);
    for (let i = 0; i < 8; i += 1) {
      const { notificationId } = await notify(t, {
        userId: user.id,
        kind: NotificationKind.System,
        title: `重试 ${i}`,
        body: '正文',
        dedupeKey: `retry-schedule:${i}`,
        urgent: true,
        wechat: {},
      });
      ids.push(notificationId);
    }
    const first = await Promise.all(ids.map((id) => failedOnce(id)));
    for (const { delayMs, reason } of first) {
      expect(delayMs).toBeGreaterThanOrEqual(0);
      expect(delayMs).toBeLessThanOrEqual(BASE_MS);
      expect(reason).toMatch(/errcode -1/);
    }
    // Full jitter: eight waits drawn from [0, 40 s] are not all the same.
    expect(new Set(first.map(({ delayMs }) => Math.round(delayMs / 100))).size).toBeGreaterThan(1);

    // The fourth attempt's ceiling would be 320 s; the cap holds it at 60 s. Due now, failing again:
    const id = ids[0];
    await t.dataSource.query(
      'UPDATE notification_deliveries SET attempts = 3, due_at = created_at WHERE notification_id = ?',
      [id],
    );
    wechat.failNext(SEND, { kind: 'http', status: 503 });
    const capped = await (async () => {
      for (;;) {
        const row = await deliveryOf(t.dataSource, id);
        if (row?.attempts === 4 && row.status === DeliveryStatus.Failed) return failedOnce(id);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    expect(capped.reason).toMatch(/HTTP 503/);
    expect(capped.delayMs).toBeGreaterThanOrEqual(0);
    expect(capped.delayMs).toBeLessThanOrEqual(CAP_MS);
  });
});
