import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AppointmentDto,
  type BookAppointmentRequest,
  type BookingStatusResponse,
  ErrorCode,
  type ErrorBody,
  type SlotListResponse,
} from '@careerside/shared';
import type { AdvisorEntity } from '../../src/modules/advisors/advisor.entity';
import { AppointmentEntity } from '../../src/modules/appointments/appointment.entity';
import { advisorFactory, slotFactory } from '../factories/booking.factory';
import type { ApiClient } from '../support/api-client';
import { signInStudent } from '../support/booking';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const HOUR = 3_600_000;

describe('booking rules: POST /api/appointments', () => {
  let t: TestApp;
  let advisor: AdvisorEntity;
  let other: AdvisorEntity;

  beforeAll(async () => {
    t = await startTestApp();
    advisor = await advisorFactory.create(t.dataSource);
    other = await advisorFactory.create(t.dataSource);
  });
  afterAll(() => t.close());

  const book = (api: ApiClient, body: BookAppointmentRequest, headers?: Record<string, string>) =>
    api.post<AppointmentDto & ErrorBody>('appointments', body, { headers });

  it('books a seat and answers 201 with the appointment in the center time zone', async () => {
    const { api, user } = await signInStudent(t.api);
    const slot = await slotFactory.create(t.dataSource, advisor.id, 26);
    const listed = async () =>
      (await api.get<SlotListResponse>(`advisors/${advisor.id}/slots`)).body.items.find(
        (item) => item.id === slot.id,
      );
    expect(await listed()).toMatchObject({ remaining: 1, availability: 'available' });
    const response = await book(api, { slotId: slot.id, topic: 'resume', note: '想改一下简历' });
    expect(response.status).toBe(201);
    // The listing read a moment ago is cached; the booking shows in the next one all the same.
    expect(await listed()).toMatchObject({ remaining: 0, availability: 'full' });
    expect(response.body).toMatchObject({
      status: 'booked',
      slotId: slot.id,
      topic: 'resume',
      note: '想改一下简历',
      advisor: { id: advisor.id, name: advisor.name },
      canRate: false,
    });
    expect(response.body.startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+08:00$/);
    expect(new Date(response.body.startsAt).getTime()).toBe(slot.startsAt.getTime());
    expect((await slotFactory.reload(t.dataSource, slot.id)).booked).toBe(1);
    const stored = await t.dataSource
      .getRepository(AppointmentEntity)
      .findOneByOrFail({ id: response.body.id });
    expect(stored).toMatchObject({ studentId: user.id, activeKey: slot.id });

    const mine = await api.get<{ items: AppointmentDto[] }>('me/appointments');
    expect(mine.body.items.map((item) => item.id)).toEqual([response.body.id]);
  });

  it.each<[string, (api: ApiClient) => Promise<{ status: number; body: ErrorBody }>, number, string]>([
    [
      'a full slot',
      async (api) => {
        const slot = await slotFactory.create(t.dataSource, advisor.id, 30, { booked: 1 });
        return await book(api, { slotId: slot.id, topic: 'resume' });
      },
      409,
      ErrorCode.SlotFull,
    ],
    [
      'a slot inside the two-hour notice',
      async (api) => {
        const slot = await slotFactory.create(t.dataSource, advisor.id, 1.5);
        return await book(api, { slotId: slot.id, topic: 'resume' });
      },
      422,
      ErrorCode.BookingTooSoon,
    ],
    [
      'a slot beyond the 14-day horizon',
      async (api) => {
        const slot = await slotFactory.create(t.dataSource, advisor.id, 24 * 16);
        return await book(api, { slotId: slot.id, topic: 'resume' });
      },
      422,
      ErrorCode.BookingTooFar,
    ],
    [
      'a withdrawn slot',
      async (api) => {
        const slot = await slotFactory.create(t.dataSource, advisor.id, 32, { withdrawn: true });
        return await book(api, { slotId: slot.id, topic: 'resume' });
      },
      409,
      ErrorCode.SlotNotAvailable,
    ],
    [
      'a slot that does not exist',
      (api) => book(api, { slotId: 'no-such-slot', topic: 'resume' }),
      404,
      ErrorCode.NotFound,
    ],
    [
      'an inactive advisor',
      async (api) => {
        const inactive = await advisorFactory.create(t.dataSource, { active: false });
        const slot = await slotFactory.create(t.dataSource, inactive.id, 34);
        return await book(api, { slotId: slot.id, topic: 'resume' });
      },
      409,
      ErrorCode.AdvisorInactive,
    ],
  ])('refuses %s', async (_, attempt, status, code) => {
    const { api } = await signInStudent(t.api);
    const response = await attempt(api);
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses the same slot twice, an overlapping time, a second one with the advisor that day, and a third active one', async () => {
    const { api } = await signInStudent(t.api);
    // 10:00 in the center (Asia/Shanghai, UTC+8) the day after tomorrow, so that "later that day" is the same
    // center day whatever the time of the run (50 and 51 hours from now straddled midnight after 21:00).
    const tenAm = new Date(Date.now() + 8 * HOUR);
    tenAm.setUTCDate(tenAm.getUTCDate() + 2);
    tenAm.setUTCHours(10 - 8, 0, 0, 0);
    const at = (hoursAfterTen: number) => (tenAm.getTime() - Date.now()) / HOUR + hoursAfterTen;

    const first = await slotFactory.create(t.dataSource, advisor.id, at(0));
    expect((await book(api, { slotId: first.id, topic: 'resume' })).status).toBe(201);

    const again = await book(api, { slotId: first.id, topic: 'resume' });
    expect([again.status, again.body.code]).toEqual([409, ErrorCode.AlreadyBooked]);

    const overlapping = await slotFactory.create(t.dataSource, other.id, at(0.25));
    const overlap = await book(api, { slotId: overlapping.id, topic: 'resume' });
    expect([overlap.status, overlap.body.code]).toEqual([409, ErrorCode.OverlappingAppointment]);

    const sameDay = await slotFactory.create(t.dataSource, advisor.id, at(4));
    const perDay = await book(api, { slotId: sameDay.id, topic: 'resume' });
    expect([perDay.status, perDay.body.code]).toEqual([409, ErrorCode.OnePerAdvisorPerDay]);

    const second = await slotFactory.create(t.dataSource, other.id, at(24));
    expect((await book(api, { slotId: second.id, topic: 'interview' })).status).toBe(201);
    const third = await slotFactory.create(t.dataSource, other.id, at(48));
    const tooMany = await book(api, { slotId: third.id, topic: 'interview' });
    expect([tooMany.status, tooMany.body.code]).toEqual([409, ErrorCode.TooManyActive]);
    expect(tooMany.body.message).toContain('2');

    const status = await api.get<BookingStatusResponse>('me/booking-status');
    expect(status.body).toMatchObject({ activeAppointments: 2, maxActiveAppointments: 2, suspension: null });
    // Nothing the refusals touched holds a seat.
    for (const slot of [overlapping, sameDay, third])
      expect((await slotFactory.reload(t.dataSource, slot.id)).booked).toBe(0);
  });

  it('refuses a student whose profile is incomplete, naming the missing fields', async () => {
    const { api } = await signIn(t.api, 'student', { name: '新同学' });
    const slot = await slotFactory.create(t.dataSource, advisor.id, 60);
    const response = await book(api, { slotId: slot.id, topic: 'resume' });
    expect([response.status, response.body.code]).toEqual([422, ErrorCode.ProfileIncomplete]);
    expect(response.body.details?.map((detail) => detail.field)).toEqual(
      expect.arrayContaining(['profile.college', 'profile.degree', 'profile.graduationYear']),
    );
  });

  it('rejects bad input naming the field, and lets only students book', async () => {
    const { api } = await signInStudent(t.api);
    const bad = await api.post<ErrorBody>('appointments', { slotId: 'x', topic: 'astrology', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.map((detail) => detail.field)).toEqual(
      expect.arrayContaining(['topic', 'extra']),
    );
    const counselor = await signIn(t.api, 'counselor');
    const slot = await slotFactory.create(t.dataSource, advisor.id, 62);
    const forbidden = await counselor.api.post<ErrorBody>('appointments', {
      slotId: slot.id,
      topic: 'resume',
    });
    expect([forbidden.status, forbidden.body.code]).toEqual([403, ErrorCode.Forbidden]);
  });

  it('gives one seat to exactly one of many students booking it at once', async () => {
    const slot = await slotFactory.create(t.dataSource, advisor.id, 80);
    const students = await Promise.all(Array.from({ length: 30 }, () => signInStudent(t.api)));
    const responses = await Promise.all(
      students.map(({ api }) => book(api, { slotId: slot.id, topic: 'resume' })),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(29);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === ErrorCode.SlotFull)).toBe(
      true,
    );
    expect((await slotFactory.reload(t.dataSource, slot.id)).booked).toBe(1);
    expect(await t.dataSource.getRepository(AppointmentEntity).countBy({ slotId: slot.id })).toBe(1);
  });

  it('fills a workshop to its capacity and no further under concurrency', async () => {
    const workshop = await slotFactory.create(t.dataSource, other.id, 125, {
      capacity: 5,
      title: '简历工作坊',
    });
    const students = await Promise.all(Array.from({ length: 12 }, () => signInStudent(t.api)));
    const responses = await Promise.all(
      students.map(({ api }) => book(api, { slotId: workshop.id, topic: 'resume' })),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(5);
    expect((await slotFactory.reload(t.dataSource, workshop.id)).booked).toBe(5);
  });

  it('keeps the per-student rules when one student fires several bookings at once', async () => {
    const { api } = await signInStudent(t.api);
    const advisors = await Promise.all([1, 2, 3, 4].map(() => advisorFactory.create(t.dataSource)));
    // Four different advisors at the same time: at most one may succeed (overlap), whatever the interleaving.
    const slots = await Promise.all(advisors.map((a) => slotFactory.create(t.dataSource, a.id, 140)));
    const responses = await Promise.all(slots.map((slot) => book(api, { slotId: slot.id, topic: 'resume' })));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 409).map((r) => r.body.code)).toEqual(
      Array(3).fill(ErrorCode.OverlappingAppointment),
    );
    // Four non-overlapping times: the active limit (2) holds.
    const later = await Promise.all(
      advisors.map((a, index) => slotFactory.create(t.dataSource, a.id, 170 + index * 24)),
    );
    const more = await Promise.all(later.map((slot) => book(api, { slotId: slot.id, topic: 'resume' })));
    expect(more.filter((response) => response.status === 201)).toHaveLength(1);
  });
});
