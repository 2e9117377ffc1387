import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  ErrorCode,
  type ErrorBody,
  NotificationKind,
  type SubscriptionDto,
  type SubscriptionListResponse,
  type UpdateSubscriptionsRequest,
} from '@careerside/shared';
import type { ApiClient } from '../support/api-client';
import { grantOf, notify, pipelineEnv, settledDelivery } from '../support/notifications';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';
import { WechatStandin } from '../support/wechat-standin';

const BOOKED = 'DEMO-appointment-booked';
const REMINDER = 'LongTermReminderTpl';
const JOB_ALERT = 'DEMO-job-alert';
const SEND = '/cgi-bin/message/subscribe/send';

describe('the consent wallet: GET/POST /api/me/subscriptions and what it allows', () => {
  let wechat: WechatStandin;
  let t: TestApp;
  let sequence = 0;

  beforeAll(async () => {
    wechat = await WechatStandin.start();
    t = await startTestApp({
      env: pipelineEnv(wechat, {
        NOTIFY_TEMPLATES: JSON.stringify({
          appointment_reminder: { templateId: REMINDER, mode: 'long_term' },
        }),
      }),
    });
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });
  beforeEach(() => wechat.reset());

  async function student() {
    sequence += 1;
    const openid = `o-consent-${process.pid}-${sequence}`;
    const session = await signIn(t.api, 'student', { openid });
    return { ...session, openid };
  }

  const record = (api: ApiClient, results: UpdateSubscriptionsRequest['results'] | Record<string, unknown>) =>
    api.post<SubscriptionListResponse & ErrorBody>('me/subscriptions', { results });
  const entry = (wallet: SubscriptionListResponse, kind: string) =>
    wallet.items.find((item) => item.kind === kind) as SubscriptionDto;
  const sentTo = (openid: string) => wechat.sentMessages().filter((message) => message.touser === openid);

  it("lists the templates of the user's role with nothing granted yet", async () => {
    const { api } = await student();
    const response = await api.get<SubscriptionListResponse>('me/subscriptions');
    expect(response.status).toBe(200);
    expect(response.body.wechatPushEnabled).toBe(true);
    expect(response.body.items.map((item) => item.kind).sort()).toEqual(
      [
        'appointment_booked',
        'appointment_cancelled',
        'appointment_reminder',
        'digest',
        'job_alert',
        'job_digest',
        'museum_new_exhibit',
        'system',
        'waitlist_offer',
      ].sort(),
    );
    expect(entry(response.body, 'appointment_booked')).toEqual({
      kind: 'appointment_booked',
      templateId: BOOKED,
      mode: 'one_time',
      remaining: 0,
      granted: false,
      lastResult: null,
      updatedAt: null,
    });
    expect(entry(response.body, 'appointment_reminder')).toMatchObject({
      templateId: REMINDER,
      mode: 'long_term',
    });

    const counselor = await signIn(t.api, 'counselor');
    const theirs = await counselor.api.get<SubscriptionListResponse>('me/subscriptions');
    expect(theirs.body.items.map((item) => item.kind).sort()).toEqual(['counselor_agenda', 'system']);
  });

  it('counts one-time accepts and records every answer', async () => {
    const { api } = await student();
    const first = await record(api, { [BOOKED]: 'accept', [JOB_ALERT]: 'reject', [REMINDER]: 'accept' });
    expect(first.status).toBe(200);
    expect(entry(first.body, 'appointment_booked')).toMatchObject({
      remaining: 1,
      granted: true,
      lastResult: 'accept',
      updatedAt: expect.any(String),
    });
    expect(entry(first.body, 'job_alert')).toMatchObject({
      remaining: 0,
      granted: false,
      lastResult: 'reject',
    });
    expect(entry(first.body, 'appointment_reminder')).toMatchObject({ remaining: 1, granted: true });

    const second = await record(api, { [BOOKED]: 'accept', [REMINDER]: 'accept' });
    expect(entry(second.body, 'appointment_booked').remaining).toBe(2);
    expect(entry(second.body, 'appointment_reminder').remaining).toBe(1);

    const rejected = await record(api, { [BOOKED]: 'reject', [REMINDER]: 'reject' });
    expect(entry(rejected.body, 'appointment_booked')).toMatchObject({ remaining: 2, lastResult: 'reject' });
    expect(entry(rejected.body, 'appointment_reminder')).toMatchObject({ remaining: 0, granted: false });

    const banned = await record(api, { [BOOKED]: 'ban' });
    expect(entry(banned.body, 'appointment_booked')).toMatchObject({ remaining: 0, lastResult: 'ban' });
    expect((await api.get<SubscriptionListResponse>('me/subscriptions')).body).toEqual(banned.body);
  });

  it.each<[string, unknown, string]>([
    ['no results', {}, 'results'],
    ['more than 3 templates', { a: 'accept', b: 'accept', c: 'accept', d: 'accept' }, 'results'],
    ['an answer WeChat never gives', { [BOOKED]: 'yes' }, 'results'],
    [
      "wx.requestSubscribeMessage's errMsg left in",
      { [BOOKED]: 'accept', errMsg: 'requestSubscribeMessage:ok' },
      'results',
    ],
    ['a list instead of a map', ['accept'], 'results'],
    [
      'a template the app never asks about',
      { 'Some-Other-Template': 'accept' },
      'results.Some-Other-Template',
    ],
  ])('rejects %s with 400 naming the field', async (_, results, field) => {
    const { api } = await student();
    const response = await record(api, results as Record<string, unknown>);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(ErrorCode.ValidationFailed);
    expect(response.body.details?.map((detail) => detail.field)).toContain(field);
  });

  it("rejects a template that is not for the user's role", async () => {
    const counselor = await signIn(t.api, 'counselor');
    const response = await record(counselor.api, { [BOOKED]: 'accept' });
    expect(response.status).toBe(400);
    expect(response.body.details?.[0]?.field).toBe(`results.${BOOKED}`);
  });

  it('sends one message per one-time accept: a second message without a new grant is skipped, not sent', async () => {
    const { api, user, openid } = await student();
    await record(api, { [BOOKED]: 'accept' });
    const booked = (n: number) =>
      notify(t, {
        userId: user.id,
        kind: NotificationKind.AppointmentBooked,
        title: '预约成功',
        body: `第 ${n} 次预约`,
        page: 'subpackages/notifications/pages/inbox/index',
        dedupeKey: `consent-booked:${n}`,
        wechat: {
          topic: '简历修改',
          advisorName: '王老师',
          startsAt: new Date('2026-12-01T01:30:00Z'),
          location: '305',
        },
      });
    const first = await booked(1);
    expect((await settledDelivery(t.dataSource, first.notificationId, ['sent'])).attempts).toBe(1);
    const second = await booked(2);
    const skipped = await settledDelivery(t.dataSource, second.notificationId, [
      'skipped_no_consent',
      'sent',
    ]);
    expect(skipped.status).toBe('skipped_no_consent');
    expect(sentTo(openid)).toEqual([
      expect.objectContaining({
        templateId: BOOKED,
        page: 'subpackages/notifications/pages/inbox/index',
        data: {
          thing1: { value: '简历修改' },
          time2: { value: '2026年12月01日 09:30' },
          thing3: { value: '王老师' },
          thing4: { value: '305' },
        },
        miniprogramState: 'formal',
      }),
    ]);
    expect(await grantOf(t.dataSource, user.id, BOOKED)).toBe(0);
    // Both are in the inbox all the same.
    const inbox = await api.get<{ items: unknown[] }>('me/notifications');
    expect(inbox.body.items).toHaveLength(2);
  });

  it('does not count long-term grants', async () => {
    const { api, user, openid } = await student();
    await record(api, { [REMINDER]: 'accept' });
    for (let n = 1; n <= 3; n += 1) {
      const { notificationId } = await notify(t, {
        userId: user.id,
        kind: NotificationKind.AppointmentReminder,
        title: '咨询提醒',
        body: `提醒 ${n}`,
        dedupeKey: `consent-reminder:${n}`,
        wechat: { topic: '模拟面试', advisorName: '李老师', startsAt: new Date(), location: '线上' },
      });
      await settledDelivery(t.dataSource, notificationId, ['sent']);
    }
    expect(sentTo(openid)).toHaveLength(3);
    expect(
      entry((await api.get<SubscriptionListResponse>('me/subscriptions')).body, 'appointment_reminder'),
    ).toMatchObject({ remaining: 1, granted: true });
  });

  it('does not retry 43101 and sets that grant to zero', async () => {
    const { api, user, openid } = await student();
    await record(api, { [JOB_ALERT]: 'accept' });
    await record(api, { [JOB_ALERT]: 'accept' });
    await record(api, { [JOB_ALERT]: 'accept' });
    expect(await grantOf(t.dataSource, user.id, JOB_ALERT)).toBe(3);
    wechat.refuse(openid);
    const { notificationId } = await notify(t, {
      userId: user.id,
      kind: NotificationKind.JobAlert,
      title: '新岗位',
      body: '航天五院招聘',
      dedupeKey: 'consent-job:1',
      wechat: { jobTitle: '软件工程师', employer: '航天五院', location: '北京', deadline: '2026-12-31' },
    });
    const dead = await settledDelivery(t.dataSource, notificationId, ['dead', 'sent']);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1, last_error: expect.stringContaining('43101') });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(
      wechat.requests(SEND).filter((request) => (request.body as { touser: string }).touser === openid),
    ).toHaveLength(1);
    expect(await grantOf(t.dataSource, user.id, JOB_ALERT)).toBe(0);
  });
});
