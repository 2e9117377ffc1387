import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  type DeliveryDto,
  type DeliveryListResponse,
  type DeliveryStatsResponse,
  ErrorCode,
  type ErrorBody,
  NotificationKind,
  type NotificationListResponse,
  type RetryDeliveriesResponse,
} from '@careerside/shared';
import { pad, wallTime } from '../../src/common/time/zoned-time';
import { runInTransaction } from '../../src/database/transactions';
import { NotificationsService } from '../../src/modules/notifications/notifications.service';
import { WechatAccessTokenService } from '../../src/modules/wechat/wechat-access-token.service';
import type { ApiClient } from '../support/api-client';
import { deliveryOf, grantOf, notify, pipelineEnv, settledDelivery } from '../support/notifications';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';
import { WechatStandin } from '../support/wechat-standin';

const SEND = '/cgi-bin/message/subscribe/send';
const TOKEN = '/cgi-bin/stable_token';
const SYSTEM = 'DEMO-system';
const JOB_ALERT = 'DEMO-job-alert';

describe('WeChat delivery against the stand-in', () => {
  let wechat: WechatStandin;
  let t: TestApp;
  let admin: ApiClient;
  let sequence = 0;

  beforeAll(async () => {
    wechat = await WechatStandin.start();
    t = await startTestApp({ env: pipelineEnv(wechat, { NOTIFY_DAILY_PUSH_CAP: '2' }) });
    admin = (await signIn(t.api, 'admin')).api;
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });
  beforeEach(() => wechat.reset());

  /** A student who accepted the system template `grants` times. */
  async function subscriber(grants = 5, template = SYSTEM) {
    sequence += 1;
    const openid = `o-delivery-${process.pid}-${sequence}`;
    const session = await signIn(t.api, 'student', { openid });
    for (let i = 0; i < grants; i += 1)
      await session.api.post('me/subscriptions', { results: { [template]: 'accept' } });
    return { ...session, openid };
  }

  const announce = (userId: string, title: string, extra: { urgent?: boolean } = {}) =>
    notify(t, {
      userId,
      kind: NotificationKind.System,
      title,
      body: `${title} 的正文`,
      dedupeKey: `delivery-test:${title}`,
      wechat: {},
      ...extra,
    });
  const sendsTo = (openid: string) =>
    wechat.requests(SEND).filter((request) => (request.body as { touser?: string }).touser === openid);

  it('writes the inbox entry and its delivery in the caller transaction: a rollback leaves neither', async () => {
    const { user, openid } = await subscriber(1);
    const service = t.app.get(NotificationsService);
    const failed = runInTransaction(t.dataSource, async (manager) => {
      await service.notify(manager, {
        userId: user.id,
        kind: NotificationKind.System,
        title: '回滚的消息',
        body: '正文',
        dedupeKey: 'delivery-test:rollback',
        urgent: true,
        wechat: {},
      });
      const inside: unknown[] = await manager.query(
        'SELECT d.notification_id FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.user_id = ?',
        [user.id],
      );
      expect(inside).toHaveLength(1);
      throw new Error('the change that caused it failed');
    });
    await expect(failed).rejects.toThrow('the change that caused it failed');
    const [left]: { count: number | string }[] = await t.dataSource.query(
      'SELECT COUNT(*) AS count FROM notifications WHERE user_id = ?',
      [user.id],
    );
    expect(Number(left.count)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sendsTo(openid)).toEqual([]);
    // The same key can be used once the change succeeds.
    const { notificationId, created } = await announce(user.id, 'rollback', { urgent: true });
    expect(created).toBe(true);
    await settledDelivery(t.dataSource, notificationId, ['sent']);
  });

  it('caches the access token and shares it: many sends, one stable_token call', async () => {
    const { user, openid } = await subscriber(5);
    const sent = [];
    for (let i = 1; i <= 4; i += 1) sent.push(await announce(user.id, `令牌 ${i}`, { urgent: true }));
    for (const { notificationId } of sent) await settledDelivery(t.dataSource, notificationId, ['sent']);
    expect(sendsTo(openid)).toHaveLength(4);
    expect(wechat.requests(TOKEN).length).toBeLessThanOrEqual(1);
    const tokens = new Set(sendsTo(openid).map((request) => request.query.access_token));
    expect(tokens.size).toBe(1);

    // A second server process on the same database takes the token from there instead of asking WeChat.
    const second = await startTestApp({
      database: t.database,
      env: pipelineEnv(wechat, { NOTIFY_WORKER: 'false' }),
    });
    try {
      const before = wechat.requests(TOKEN).length;
      expect(await second.app.get(WechatAccessTokenService).get()).toBe([...tokens][0]);
      expect(wechat.requests(TOKEN)).toHaveLength(before);
    } finally {
      await second.close();
    }
  });

  it.each([
    ['42001 (expired)', () => wechat.expireAccessTokens()],
    ['40001 (invalid)', () => wechat.invalidateAccessTokens()],
  ])('refreshes the token once after %s and retries the send at once', async (_, ageTokens) => {
    const { user, openid } = await subscriber(2);
    await settledDelivery(
      t.dataSource,
      (await announce(user.id, `预热 ${openid}`, { urgent: true })).notificationId,
      ['sent'],
    );
    ageTokens();
    const tokenCalls = wechat.requests(TOKEN).length;
    const { notificationId } = await announce(user.id, `过期 ${openid}`, { urgent: true });
    const sent = await settledDelivery(t.dataSource, notificationId, ['sent', 'failed', 'dead']);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(wechat.requests(TOKEN)).toHaveLength(tokenCalls + 1);
    const [rejected, accepted] = sendsTo(openid).slice(-2);
    expect(rejected?.query.access_token).not.toBe(accepted?.query.access_token);
    expect(wechat.sentMessages().filter((message) => message.touser === openid)).toHaveLength(2);
  });

  it('retries -1, 45009, 5xx and timeouts with backoff, and sends once they clear', async () => {
    const { user, openid } = await subscriber(1);
    wechat.failNext(SEND, { kind: 'errcode', errcode: -1 });
    wechat.failNext(SEND, { kind: 'errcode', errcode: 45009 });
    wechat.failNext(SEND, { kind: 'http', status: 502 });
    const { notificationId } = await announce(user.id, '重试后成功', { urgent: true });
    const sent = await settledDelivery(t.dataSource, notificationId, ['sent', 'dead']);
    expect(sent).toMatchObject({ status: 'sent', attempts: 4, last_error: null });
    const times = sendsTo(openid).map((request) => request.at.getTime());
    expect(times).toHaveLength(4);
    expect(wechat.sentMessages().filter((message) => message.touser === openid)).toHaveLength(1);
    // The one grant paid for the message once, across all attempts.
    expect(await grantOf(t.dataSource, user.id, SYSTEM)).toBe(0);
  });

  it('gives up after the last attempt and keeps the reason; the grant is given back', async () => {
    const { user, openid } = await subscriber(1);
    const rule = wechat.addRule({
      path: SEND,
      fault: { kind: 'hang' },
      when: (request) => (request.body as { touser?: string }).touser === openid,
    });
    const { notificationId } = await announce(user.id, '一直超时', { urgent: true });
    const failed = await settledDelivery(t.dataSource, notificationId, ['failed']);
    expect(failed.last_error).toMatch(/timed out/);
    const dead = await settledDelivery(t.dataSource, notificationId, ['dead'], 15_000);
    expect(dead).toMatchObject({
      attempts: 4,
      last_error: expect.stringMatching(/^gave up after 4 attempts: .*timed out/),
    });
    expect(sendsTo(openid)).toHaveLength(4);
    expect(wechat.sentMessages().filter((message) => message.touser === openid)).toEqual([]);
    expect(await grantOf(t.dataSource, user.id, SYSTEM)).toBe(1);

    // Staff see it, and retrying the dead letter sends it once WeChat answers again.
    const list = await admin.get<DeliveryListResponse>('admin/notifications/deliveries?status=dead');
    expect(list.body.items).toContainEqual(
      expect.objectContaining({
        notificationId,
        status: 'dead',
        attempts: 4,
        title: '一直超时',
        kind: 'system',
      }),
    );
    wechat.removeRule(rule);
    const retried = await admin.post<DeliveryDto>(`admin/notifications/deliveries/${notificationId}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ notificationId, status: 'queued', attempts: 0 });
    expect(await settledDelivery(t.dataSource, notificationId, ['sent', 'dead'])).toMatchObject({
      status: 'sent',
    });
    expect(wechat.sentMessages().filter((message) => message.touser === openid)).toHaveLength(1);
    const again = await admin.post<ErrorBody>(`admin/notifications/deliveries/${notificationId}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe(ErrorCode.DeliveryNotRetryable);
    expect((await admin.post<ErrorBody>('admin/notifications/deliveries/nope/retry')).status).toBe(404);
  });

  it('does not retry 47003 (bad data): dead at once, grant given back', async () => {
    const { user, openid } = await subscriber(1);
    wechat.failNext(SEND, { kind: 'errcode', errcode: 47003 });
    const { notificationId } = await announce(user.id, '数据不对', { urgent: true });
    const dead = await settledDelivery(t.dataSource, notificationId, ['dead', 'sent']);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1, last_error: expect.stringContaining('47003') });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sendsTo(openid)).toHaveLength(1);
    expect(await grantOf(t.dataSource, user.id, SYSTEM)).toBe(1);
  });

  it('fits oversized values so WeChat accepts them', async () => {
    const { user, openid } = await subscriber(1, JOB_ALERT);
    const { notificationId } = await notify(t, {
      userId: user.id,
      kind: NotificationKind.JobAlert,
      title: '新岗位',
      body: '符合条件的新岗位',
      dedupeKey: 'delivery-test:fit',
      urgent: true,
      wechat: {
        jobTitle: '嵌入式软件开发工程师（卫星姿轨控方向）🚀 2027 届校园招聘',
        employer: '中国空间技术研究院（航天五院）北京空间飞行器总体设计部',
        location: '北京\n海淀',
        deadline: new Date('2026-12-31T15:59:00Z'),
      },
    });
    await settledDelivery(t.dataSource, notificationId, ['sent']);
    const [message] = wechat.sentMessages().filter((sent) => sent.touser === openid);
    expect(message?.data).toEqual({
      thing1: { value: '嵌入式软件开发工程师（卫星姿轨控方向）…' },
      thing2: { value: '中国空间技术研究院（航天五院）北京空间…' },
      thing3: { value: '北京 海淀' },
      date4: { value: '2026年12月31日' },
    });
  });

  it('delays the push in quiet hours, never the inbox entry', async () => {
    const now = wallTime(new Date(), 'Asia/Shanghai');
    const hhmm = (hour: number, minute: number) => `${pad(((hour % 24) + 24) % 24)}:${pad(minute)}`;
    const window = `${hhmm(now.hour - 1, now.minute)}-${hhmm(now.hour + 1, now.minute)}`;
    const quiet = await startTestApp({
      database: t.database,
      env: pipelineEnv(wechat, { QUIET_HOURS: window }),
    });
    try {
      const session = await signIn(quiet.api, 'student', { openid: `o-quiet-${process.pid}` });
      await session.api.post('me/subscriptions', { results: { [SYSTEM]: 'accept' } });
      await session.api.post('me/subscriptions', { results: { [SYSTEM]: 'accept' } });
      const before = Date.now();
      const calm = await notify(quiet, {
        userId: session.user.id,
        kind: NotificationKind.System,
        title: '夜间通知',
        body: '明早再推送',
        dedupeKey: 'quiet:1',
        wechat: {},
      });
      const inbox = await session.api.get<NotificationListResponse>('me/notifications');
      expect(inbox.body.items.map((item) => item.title)).toEqual(['夜间通知']);
      const row = await deliveryOf(quiet.dataSource, calm.notificationId);
      const dueAt = new Date(
        row?.due_at instanceof Date ? row.due_at : `${String(row?.due_at).replace(' ', 'T')}Z`,
      );
      expect(row?.status).toBe('queued');
      // The end of the window: an hour from now, give or take the minute.
      expect(dueAt.getTime() - before).toBeGreaterThan(58 * 60_000);
      expect(dueAt.getTime() - before).toBeLessThan(61 * 60_000);

      const urgent = await notify(quiet, {
        userId: session.user.id,
        kind: NotificationKind.System,
        title: '候补名额',
        body: '30 分钟内确认',
        dedupeKey: 'quiet:2',
        urgent: true,
        wechat: {},
      });
      await settledDelivery(quiet.dataSource, urgent.notificationId, ['sent']);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await deliveryOf(quiet.dataSource, calm.notificationId))?.status).toBe('queued');
    } finally {
      await quiet.close();
    }
  });

  it('folds pushes over the daily cap into one digest for the next morning', async () => {
    const { user, openid, api } = await subscriber(5, JOB_ALERT);
    const ids = [];
    for (let i = 1; i <= 4; i += 1) {
      const { notificationId } = await notify(t, {
        userId: user.id,
        kind: NotificationKind.JobAlert,
        title: `岗位 ${i}`,
        body: '新岗位',
        dedupeKey: `cap:${i}`,
        wechat: { jobTitle: `岗位 ${i}`, employer: '单位', location: '北京', deadline: '2026-12-31' },
      });
      ids.push(notificationId);
      await settledDelivery(t.dataSource, notificationId, ['sent', 'folded']);
    }
    const rows = await Promise.all(ids.map((id) => deliveryOf(t.dataSource, id)));
    expect(rows.map((row) => row?.status)).toEqual(['sent', 'sent', 'folded', 'folded']);
    expect(new Set(rows.slice(2).map((row) => row?.folded_into)).size).toBe(1);
    expect(wechat.sentMessages().filter((message) => message.touser === openid)).toHaveLength(2);
    // Folded pushes did not spend grants.
    expect(await grantOf(t.dataSource, user.id, JOB_ALERT)).toBe(3);

    const digestId = rows[2]?.folded_into ?? '';
    const digest = await deliveryOf(t.dataSource, digestId);
    expect(digest).toMatchObject({ kind: 'digest', status: 'queued' });
    const [text]: { title: string; body: string; page: string }[] = await t.dataSource.query(
      'SELECT title, body, page FROM notifications WHERE id = ?',
      [digestId],
    );
    expect(text).toMatchObject({
      title: '你有 2 条消息未推送',
      page: 'subpackages/notifications/pages/inbox/index',
    });
    // Every alert is in the inbox now; the digest joins it when it goes out tomorrow morning.
    const inbox = await api.get<NotificationListResponse>('me/notifications');
    expect(inbox.body.items.map((item) => item.title)).toEqual(['岗位 4', '岗位 3', '岗位 2', '岗位 1']);
  });

  it('counts deliveries per kind and status for staff', async () => {
    const response = await admin.get<DeliveryStatsResponse>('admin/notifications/stats');
    expect(response.status).toBe(200);
    const rows: { kind: string; status: string; count: number | string }[] = await t.dataSource.query(
      'SELECT kind, status, COUNT(*) AS count FROM notification_deliveries GROUP BY kind, status',
    );
    for (const row of rows) {
      const item = response.body.items.find((entry) => entry.kind === row.kind);
      expect(item?.counts[row.status as keyof typeof item.counts]).toBe(Number(row.count));
    }
    const system = response.body.items.find((item) => item.kind === 'system');
    expect(system?.counts.sent).toBeGreaterThan(0);
    expect(response.body.items.find((item) => item.kind === 'job_alert')?.counts.folded).toBe(2);
    expect(response.body.totals.total).toBe(rows.reduce((sum, row) => sum + Number(row.count), 0));
    expect(Object.keys(response.body.totals.counts).sort()).toEqual(
      [
        'dead',
        'failed',
        'folded',
        'queued',
        'sending',
        'sent',
        'skipped_no_consent',
        'unconfirmed',
        'withdrawn',
      ].sort(),
    );
    const future = await admin.get<DeliveryStatsResponse>(
      `admin/notifications/stats?since=${new Date(Date.now() + 60_000).toISOString()}`,
    );
    expect(future.body.totals.total).toBe(0);
    expect((await admin.get<ErrorBody>('admin/notifications/stats?since=yesterday')).status).toBe(400);
  });

  it('requeues dead letters in bulk', async () => {
    const { user } = await subscriber(1);
    wechat.failNext(SEND, { kind: 'errcode', errcode: 40037 });
    const { notificationId } = await announce(user.id, '批量重试', { urgent: true });
    await settledDelivery(t.dataSource, notificationId, ['dead']);
    const response = await admin.post<RetryDeliveriesResponse>('admin/notifications/deliveries/retry', {
      kind: 'system',
    });
    expect(response.status).toBe(200);
    expect(response.body.retried).toBeGreaterThanOrEqual(1);
    expect(await settledDelivery(t.dataSource, notificationId, ['sent'])).toMatchObject({ attempts: 1 });
  });

  it('keeps staff endpoints from students and counselors', async () => {
    for (const role of ['student', 'counselor'] as const) {
      const { api } = await signIn(t.api, role);
      for (const [method, path] of [
        ['GET', 'admin/notifications/stats'],
        ['GET', 'admin/notifications/deliveries'],
        ['POST', 'admin/notifications/deliveries/retry'],
        ['POST', 'admin/notifications/announcements'],
      ] as const) {
        const response = await api.request<ErrorBody>(method, path, method === 'POST' ? { body: {} } : {});
        expect({ role, path, status: response.status, code: response.body.code }).toEqual({
          role,
          path,
          status: 403,
          code: ErrorCode.Forbidden,
        });
      }
    }
  });

  it('sends a center announcement to every student', async () => {
    const { openid, api } = await subscriber(1);
    const response = await admin.post<{ notified: number }>('admin/notifications/announcements', {
      title: '春季双选会',
      body: '3 月 15 日体育馆',
      roles: ['student'],
      page: 'subpackages/notifications/pages/inbox/index',
    });
    expect(response.status).toBe(201);
    const students: { count: number | string }[] = await t.dataSource.query(
      "SELECT COUNT(*) AS count FROM users WHERE role = 'student'",
    );
    expect(response.body.notified).toBe(Number(students[0]?.count));
    const inbox = await api.get<NotificationListResponse>('me/notifications');
    expect(inbox.body.items[0]).toMatchObject({ title: '春季双选会', kind: 'system' });
    await eventuallySent(openid);
    const invalid = await admin.post<ErrorBody>('admin/notifications/announcements', {
      title: '',
      body: 'x',
      roles: ['alien'],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details?.map((detail) => detail.field).sort()).toEqual(['roles', 'title']);
  });

  async function eventuallySent(openid: string): Promise<void> {
    const deadline = Date.now() + 5000;
    while (!wechat.sentMessages().some((message) => message.touser === openid)) {
      if (Date.now() > deadline) throw new Error(`nothing was sent to ${openid}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
});
