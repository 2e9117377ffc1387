import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AppointmentDto, WaitlistEntryDto } from '@careerside/shared';
import type { AdvisorEntity } from '../../src/modules/advisors/advisor.entity';
import { advisorFactory, slotFactory } from '../factories/booking.factory';
import type { ApiClient } from '../support/api-client';
import { signInStudent } from '../support/booking';
import { startTestApp, type TestApp } from '../support/test-app';
import { WechatStandin } from '../support/wechat-standin';
import { pollUntil } from '../support/poll';

interface Inbox {
  items: { kind: string; title: string; body: string; page?: string | null }[];
  unreadCount: number;
}
interface Subscriptions {
  items: { kind: string; templateId: string; mode: string; remaining: number }[];
}

describe('booking notifications', () => {
  let t: TestApp;
  let wechat: WechatStandin;
  let advisor: AdvisorEntity;

  beforeAll(async () => {
    wechat = await WechatStandin.start();
    t = await startTestApp({
      env: {
        WECHAT_API_BASE: wechat.url,
        WECHAT_APPID: wechat.appId,
        WECHAT_SECRET: wechat.secret,
        QUIET_HOURS: 'off',
      },
    });
    advisor = await advisorFactory.create(t.dataSource, { name: '王老师', location: '学生活动中心 305' });
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  const inbox = (api: ApiClient) => api.get<Inbox>('me/notifications').then((response) => response.body);

  it('puts appointment_booked in the inbox and pushes the subscribe message the student consented to', async () => {
    const session = await signInStudent(t.api);
    const { api } = session;
    const subscriptions = await api.get<Subscriptions>('me/subscriptions');
    const booked = subscriptions.body.items.find((item) => item.kind === 'appointment_booked');
    expect(booked).toBeDefined();
    const granted = await api.post<Subscriptions>('me/subscriptions', {
      results: { [booked?.templateId ?? '']: 'accept' },
    });
    expect(granted.body.items.find((item) => item.kind === 'appointment_booked')?.remaining).toBe(1);

    const slot = await slotFactory.create(t.dataSource, advisor.id, 30);
    const appointment = await api.post<AppointmentDto>('appointments', { slotId: slot.id, topic: 'resume' });
    expect(appointment.status).toBe(201);

    const entries = await inbox(api);
    expect(entries.items.map((item) => item.kind)).toEqual(['appointment_booked']);
    expect(entries.items[0]).toMatchObject({
      title: '预约成功',
      page: `subpackages/booking/pages/confirmation/index?id=${appointment.body.id}`,
    });
    expect(entries.items[0].body).toContain('王老师');

    const sent = await pollUntil(
      () =>
        Promise.resolve(wechat.sentMessages().filter((message) => message.templateId === booked?.templateId)),
      (messages) => messages.length > 0,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0].page).toBe(`subpackages/booking/pages/confirmation/index?id=${appointment.body.id}`);
  });

  it('schedules reminders that are not in the inbox yet, and tells of a cancellation', async () => {
    const { api } = await signInStudent(t.api);
    const slot = await slotFactory.create(t.dataSource, advisor.id, 54);
    const appointment = await api.post<AppointmentDto>('appointments', {
      slotId: slot.id,
      topic: 'interview',
    });
    const reminders = await t.dataSource.query<{ dedupe_key: string }[]>(
      'SELECT dedupe_key FROM notifications WHERE dedupe_key LIKE ? ORDER BY dedupe_key',
      [`appointment:${appointment.body.id}:reminder:%`],
    );
    expect(reminders.map((reminder) => reminder.dedupe_key.split(':').pop())).toEqual(['day', 'hour']);
    expect((await inbox(api)).items.map((item) => item.kind)).toEqual(['appointment_booked']);

    await api.post(`appointments/${appointment.body.id}/cancel`);
    const kinds = (await inbox(api)).items.map((item) => item.kind);
    expect(kinds).toEqual(expect.arrayContaining(['appointment_cancelled', 'appointment_booked']));
  });

  it('tells the first in line that a seat is held for them', async () => {
    const holder = await signInStudent(t.api);
    const waiting = await signInStudent(t.api);
    const slot = await slotFactory.create(t.dataSource, advisor.id, 80);
    const booked = await holder.api.post<AppointmentDto>('appointments', {
      slotId: slot.id,
      topic: 'resume',
    });
    await waiting.api.post<WaitlistEntryDto>(`slots/${slot.id}/waitlist`, { topic: 'resume' });
    await holder.api.post(`appointments/${booked.body.id}/cancel`);
    const offer = (await inbox(waiting.api)).items.find((item) => item.kind === 'waitlist_offer');
    expect(offer).toMatchObject({ title: '候补名额已为你保留' });
    expect(offer?.body).toMatch(/请在 \d\d:\d\d 前确认/);
  });
});
