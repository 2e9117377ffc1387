import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type AppointmentDto, type CheckInResponse, ErrorCode, type ErrorBody } from '@careerside/shared';
import type { AdvisorEntity } from '../../src/modules/advisors/advisor.entity';
import { advisorFactory, moveAppointment, slotFactory } from '../factories/booking.factory';
import type { ApiClient } from '../support/api-client';
import { signInStudent } from '../support/booking';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const MINUTE = 60_000;

describe('check-in at the door and feedback after the session', () => {
  let t: TestApp;
  let advisor: AdvisorEntity;
  let hours = 3;

  beforeAll(async () => {
    t = await startTestApp();
    advisor = await advisorFactory.create(t.dataSource);
  });
  afterAll(() => t.close());

  /** A booked appointment with the advisor, then moved to start `minutesFromNow` from now. */
  async function appointmentStarting(api: ApiClient, minutesFromNow: number): Promise<AppointmentDto> {
    hours += 24;
    const slot = await slotFactory.create(t.dataSource, advisor.id, hours);
    const booked = await api.post<AppointmentDto>('appointments', {
      slotId: slot.id,
      topic: 'career_planning',
    });
    expect(booked.status).toBe(201);
    await moveAppointment(t.dataSource, booked.body.id, new Date(Date.now() + minutesFromNow * MINUTE));
    return booked.body;
  }

  const checkIn = (api: ApiClient, ref: string) =>
    api.post<CheckInResponse & ErrorBody>('check-ins', { advisor: ref });

  it('marks the student arrived within 30 minutes before to 15 minutes after the start, once', async () => {
    const { api } = await signInStudent(t.api);
    const appointment = await appointmentStarting(api, 20);
    const first = await checkIn(api, advisor.shortCode);
    expect(first.status).toBe(200);
    expect(first.body.firstCheckIn).toBe(true);
    expect(first.body.appointment).toMatchObject({ id: appointment.id, status: 'booked' });
    expect(first.body.appointment.checkedInAt).not.toBeNull();
    const again = await checkIn(api, advisor.id);
    expect(again.body).toMatchObject({
      firstCheckIn: false,
      appointment: { checkedInAt: first.body.appointment.checkedInAt },
    });
  });

  it('says when check-in opens, that it has closed, or that there is no appointment today', async () => {
    const early = await signInStudent(t.api);
    await appointmentStarting(early.api, 45);
    const tooEarly = await checkIn(early.api, advisor.id);
    expect([tooEarly.status, tooEarly.body.code]).toEqual([409, ErrorCode.CheckInTooEarly]);
    expect(tooEarly.body.message).toMatch(/\d\d:\d\d 起可签到/);

    const late = await signInStudent(t.api);
    await appointmentStarting(late.api, -16);
    const tooLate = await checkIn(late.api, advisor.id);
    expect([tooLate.status, tooLate.body.code]).toEqual([409, ErrorCode.CheckInTooLate]);

    const none = await signInStudent(t.api);
    const nothing = await checkIn(none.api, advisor.id);
    expect([nothing.status, nothing.body.code]).toEqual([404, ErrorCode.NoAppointmentToCheckIn]);
    expect((await checkIn(none.api, 'no-such-advisor')).status).toBe(404);
  });

  it('lets only the owner rate, only a completed session, only once', async () => {
    const { api } = await signInStudent(t.api);
    const stranger = await signInStudent(t.api);
    const appointment = await appointmentStarting(api, 10);
    const early = await api.post<ErrorBody>(`appointments/${appointment.id}/feedback`, { rating: 5 });
    expect([early.status, early.body.code]).toEqual([409, ErrorCode.FeedbackNotAllowed]);

    await checkIn(api, advisor.id);
    await moveAppointment(t.dataSource, appointment.id, new Date(Date.now() - 40 * MINUTE));
    expect((await api.get<AppointmentDto>(`appointments/${appointment.id}`)).body.canRate).toBe(true);
    expect(
      (await stranger.api.post<ErrorBody>(`appointments/${appointment.id}/feedback`, { rating: 5 })).status,
    ).toBe(404);
    const invalid = await api.post<ErrorBody>(`appointments/${appointment.id}/feedback`, { rating: 6 });
    expect(invalid.status).toBe(400);
    const rated = await api.post<AppointmentDto>(`appointments/${appointment.id}/feedback`, {
      rating: 5,
      comment: '很有帮助',
    });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ rating: 5, feedback: '很有帮助', canRate: false });
    const twice = await api.post<ErrorBody>(`appointments/${appointment.id}/feedback`, { rating: 4 });
    expect([twice.status, twice.body.code]).toEqual([409, ErrorCode.FeedbackAlreadyGiven]);
    const past = await api.get<{ items: AppointmentDto[] }>('me/appointments?scope=past');
    expect(past.body.items.map((item) => item.id)).toContain(appointment.id);
  });

  it('counts a session marked attended by the counselor as completed, and never a no-show', async () => {
    const { api } = await signInStudent(t.api);
    const counselor = await signIn(t.api, 'counselor', { advisorId: advisor.id });
    const attended = await appointmentStarting(api, -60);
    await counselor.api.post(`counselor/appointments/${attended.id}/attendance`, { status: 'attended' });
    expect((await api.post(`appointments/${attended.id}/feedback`, { rating: 4 })).status).toBe(200);

    const missed = await appointmentStarting(api, -60 * 25);
    await counselor.api.post(`counselor/appointments/${missed.id}/attendance`, { status: 'no_show' });
    const refused = await api.post<ErrorBody>(`appointments/${missed.id}/feedback`, { rating: 1 });
    expect([refused.status, refused.body.code]).toEqual([409, ErrorCode.FeedbackNotAllowed]);
    expect((await counselor.api.get<AppointmentDto>(`appointments/${missed.id}`)).body.status).toBe(
      'no_show',
    );
  });
});
