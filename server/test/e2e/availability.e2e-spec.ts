import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AdvisorDto,
  type AppointmentDto,
  type ClosureDto,
  type Collection,
  type CreateAdvisorRequest,
  ErrorCode,
  type ErrorBody,
  type SlotListResponse,
  type WeeklyRuleInput,
} from '@careerside/shared';
import { addDays, zonedDate } from '../../src/common/time/zoned-time';
import { AvailabilityService } from '../../src/modules/advisors/availability.service';
import { SlotEntity } from '../../src/modules/slots/slot.entity';
import type { ApiClient } from '../support/api-client';
import { signInStudent } from '../support/booking';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const everyDay = (overrides: Partial<WeeklyRuleInput> = {}): WeeklyRuleInput[] =>
  ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({
    weekday,
    startTime: '09:00',
    endTime: '10:00',
    slotMinutes: 30,
    bufferMinutes: 0,
    capacity: 1,
    mode: 'in_person',
    location: null,
    title: null,
    ...overrides,
  }));

describe('advisors and availability', () => {
  let t: TestApp;
  let admin: ApiClient;
  let student: ApiClient;
  let advisor: AdvisorDto;
  let counselor: ApiClient;
  const today = () => zonedDate(new Date(), 'Asia/Shanghai');

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL: 'https://careers.example.edu.cn' } });
    admin = (await signIn(t.api, 'admin')).api;
    student = (await signInStudent(t.api)).api;
    const created = await admin.post<AdvisorDto>('advisors', {
      id: 'advisor-avail',
      name: '陈老师',
      title: '生涯规划师',
      topics: ['career_planning', 'interview'],
      location: '学生活动中心 305',
      modes: ['in_person', 'online'],
      meetingUrl: 'https://meeting.example.com/chen',
    } satisfies CreateAdvisorRequest);
    expect(created.status).toBe(201);
    advisor = created.body;
    counselor = (await signIn(t.api, 'counselor', { advisorId: advisor.id })).api;
  });
  afterAll(() => t.close());

  const slots = (query = '') => student.get<SlotListResponse>(`advisors/${advisor.id}/slots${query}`);

  it('creates advisors with a short code and a booking link under PUBLIC_URL, and lists them by topic', async () => {
    expect(advisor).toMatchObject({ id: 'advisor-avail', active: true, nextAvailableAt: null });
    expect(advisor.shortCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(advisor.bookingUrl).toBe(
      'https://careers.example.edu.cn/subpackages/booking/pages/advisor/index?id=advisor-avail',
    );
    const byTopic = await student.get<Collection<AdvisorDto>>('advisors?topic=interview');
    expect(byTopic.body.items.map((item) => item.id)).toContain('advisor-avail');
    expect(
      (await student.get<Collection<AdvisorDto>>('advisors?topic=study_abroad')).body.items.map(
        (item) => item.id,
      ),
    ).not.toContain('advisor-avail');
    expect((await student.get<AdvisorDto>(`advisors/${advisor.shortCode}`)).body.id).toBe('advisor-avail');
    const duplicate = await admin.post<ErrorBody>('advisors', {
      id: 'advisor-avail',
      name: '另一位',
      title: '老师',
      topics: ['resume'],
      location: 'B',
      modes: ['phone'],
    });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, ErrorCode.AdvisorExists]);
  });

  it('lets only admins create advisors and only their own counselor or an admin change availability', async () => {
    const attempt = { name: '王', title: 'x', topics: ['resume'], location: 'A', modes: ['in_person'] };
    expect((await student.post('advisors', attempt)).status).toBe(403);
    expect((await counselor.post('advisors', attempt)).status).toBe(403);
    expect((await student.put('advisors/advisor-avail/rules', { rules: [] })).status).toBe(403);
    const otherCounselor = (await signIn(t.api, 'counselor', { advisorId: 'someone-else' })).api;
    expect((await otherCounselor.put('advisors/advisor-avail/rules', { rules: [] })).status).toBe(403);
    expect((await otherCounselor.get('advisors/advisor-avail/rules')).status).toBe(403);
    expect((await student.post('closures', { date: '2030-01-01', reason: 'x' })).status).toBe(403);
    expect((await counselor.post('closures', { date: '2030-01-01', reason: 'x' })).status).toBe(403);
  });

  it('turns weekly rules into slots over the horizon, at the center’s wall-clock times', async () => {
    const saved = await counselor.put<Collection<{ id: string }>>('advisors/advisor-avail/rules', {
      rules: everyDay(),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.items).toHaveLength(7);
    const listed = await slots();
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ from: today(), to: addDays(today(), 14), timezone: 'Asia/Shanghai' });
    const future = listed.body.items.filter((slot) => slot.startsAt.slice(0, 10) > today());
    expect(future).toHaveLength(28);
    expect(new Set(listed.body.items.map((slot) => slot.startsAt.slice(10)))).toEqual(
      new Set(['T09:00:00+08:00', 'T09:30:00+08:00']),
    );
    expect(future[0]).toMatchObject({
      capacity: 1,
      remaining: 1,
      availability: 'available',
      waitlistLength: 0,
      mode: 'in_person',
    });
    // The margin beyond the horizon exists in the table but is not offered.
    expect(await t.dataSource.getRepository(SlotEntity).countBy({ advisorId: advisor.id })).toBeGreaterThan(
      listed.body.items.length,
    );
    const one = await slots(`?from=${addDays(today(), 3)}&to=${addDays(today(), 3)}`);
    expect(one.body.items.map((slot) => slot.startsAt.slice(0, 10))).toEqual([
      addDays(today(), 3),
      addDays(today(), 3),
    ]);
    expect((await student.get<AdvisorDto>('advisors/advisor-avail')).body.nextAvailableAt).not.toBeNull();
  });

  it('keeps slot ids when rules change settings, removes unbooked times, and withdraws a booked one instead', async () => {
    const before = (await slots()).body.items.filter((slot) => slot.startsAt.slice(0, 10) > today());
    const booked = await student.post<AppointmentDto>('appointments', {
      slotId: before[2].id,
      topic: 'interview',
    });
    expect(booked.status).toBe(201);

    await counselor.put('advisors/advisor-avail/rules', {
      rules: everyDay({ capacity: 3, location: '305 室' }),
    });
    const after = (await slots()).body.items.filter((slot) => slot.startsAt.slice(0, 10) > today());
    expect(after.map((slot) => slot.id)).toEqual(before.map((slot) => slot.id));
    expect(after[2]).toMatchObject({ capacity: 3, remaining: 2, location: '305 室' });

    await counselor.put('advisors/advisor-avail/rules', {
      rules: everyDay({ startTime: '14:00', endTime: '14:30' }),
    });
    const moved = (await slots()).body.items.filter((slot) => slot.startsAt.slice(0, 10) > today());
    expect(moved.every((slot) => slot.startsAt.includes('T14:00:00') || slot.id === before[2].id)).toBe(true);
    const withdrawn = moved.find((slot) => slot.id === before[2].id);
    expect(withdrawn).toMatchObject({ availability: 'closed' });
    expect((await student.get<AppointmentDto>(`appointments/${booked.body.id}`)).body.status).toBe('booked');
    expect(await t.dataSource.getRepository(SlotEntity).countBy({ id: before[0].id })).toBe(0);
  });

  it('refuses rules that do not add up, naming the rule', async () => {
    const overlapping = await counselor.put<ErrorBody>('advisors/advisor-avail/rules', {
      rules: [...everyDay().slice(0, 1), { ...everyDay()[0], startTime: '09:30', endTime: '11:00' }],
    });
    expect([overlapping.status, overlapping.body.code]).toEqual([422, ErrorCode.RulesInvalid]);
    expect(overlapping.body.details?.[0]?.field).toBe('rules.1.startTime');
    const backwards = await counselor.put<ErrorBody>('advisors/advisor-avail/rules', {
      rules: [{ ...everyDay()[0], startTime: '11:00', endTime: '10:00' }],
    });
    expect(backwards.body.details?.[0]?.field).toBe('rules.0.endTime');
    const malformed = await counselor.put<ErrorBody>('advisors/advisor-avail/rules', {
      rules: [{ ...everyDay()[0], startTime: '9am', weekday: 8, capacity: 0 }],
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details?.map((detail) => detail.field)).toEqual(
      expect.arrayContaining(['rules.0.startTime', 'rules.0.weekday', 'rules.0.capacity']),
    );
  });

  it('applies leave, extra hours and center closures to the slots', async () => {
    await counselor.put('advisors/advisor-avail/rules', { rules: everyDay() });
    const leaveDay = addDays(today(), 4);
    const extraDay = addDays(today(), 5);
    const closedDay = addDays(today(), 6);
    const onDay = async (day: string) => (await slots(`?from=${day}&to=${day}`)).body.items;
    expect(await onDay(leaveDay)).toHaveLength(2);

    const leave = await counselor.post<{ id: string }>('advisors/advisor-avail/exceptions', {
      date: leaveDay,
      kind: 'unavailable',
      startTime: null,
      endTime: null,
      slotMinutes: null,
      capacity: null,
      mode: null,
      location: null,
      title: null,
      note: '年假',
    });
    expect(leave.status).toBe(201);
    expect(await onDay(leaveDay)).toHaveLength(0);

    const workshop = await counselor.post('advisors/advisor-avail/exceptions', {
      date: extraDay,
      kind: 'extra',
      startTime: '15:00',
      endTime: '17:00',
      slotMinutes: 120,
      capacity: 30,
      mode: 'in_person',
      location: '报告厅',
      title: '求职简历工作坊',
      note: null,
    });
    expect(workshop.status).toBe(201);
    expect((await onDay(extraDay)).find((slot) => slot.title === '求职简历工作坊')).toMatchObject({
      capacity: 30,
      remaining: 30,
      startsAt: `${extraDay}T15:00:00+08:00`,
      endsAt: `${extraDay}T17:00:00+08:00`,
    });

    const closure = await admin.post<ClosureDto>('closures', { date: closedDay, reason: '校庆' });
    expect(closure.status).toBe(201);
    expect(await onDay(closedDay)).toHaveLength(0);
    const again = await admin.post<ErrorBody>('closures', { date: closedDay, reason: '校庆' });
    expect([again.status, again.body.code]).toEqual([409, ErrorCode.ClosureExists]);
    expect(
      (await counselor.get<Collection<ClosureDto>>('closures')).body.items.map((item) => item.date),
    ).toContain(closedDay);

    expect((await admin.delete(`closures/${closure.body.id}`)).status).toBe(204);
    expect(await onDay(closedDay)).toHaveLength(2);
    expect((await counselor.delete(`advisors/advisor-avail/exceptions/${leave.body.id}`)).status).toBe(204);
    expect(await onDay(leaveDay)).toHaveLength(2);
  });

  it('extends the horizon day by day and validates the date range', async () => {
    const service = t.app.get(AvailabilityService);
    const summary = await service.extendHorizon(new Date(Date.now() + 86_400_000));
    expect(summary.created).toBeGreaterThanOrEqual(2);
    const bad = await slots('?from=2026-13-01&to=tomorrow');
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as ErrorBody).details?.map((detail) => detail.field)).toEqual(['from', 'to']);
    expect((await student.get<ErrorBody>('advisors/nobody/slots')).status).toBe(404);
  });

  it('hides inactive advisors from students but not from staff', async () => {
    // A listing read just before (and so cached) must not outlive the advisor's deactivation.
    expect((await slots()).status).toBe(200);
    expect((await student.get(`advisors/${advisor.shortCode}/slots`)).status).toBe(200);
    await admin.patch('advisors/advisor-avail', { active: false });
    expect((await student.get('advisors/advisor-avail')).status).toBe(404);
    expect((await slots()).status).toBe(404);
    expect((await student.get(`advisors/${advisor.shortCode}/slots`)).status).toBe(404);
    expect((await admin.get(`advisors/${advisor.id}/slots`)).status).toBe(200);
    expect(
      (await student.get<Collection<AdvisorDto>>('advisors')).body.items.map((item) => item.id),
    ).not.toContain('advisor-avail');
    expect(
      (await admin.get<Collection<AdvisorDto>>('advisors?includeInactive=true')).body.items.map(
        (item) => item.id,
      ),
    ).toContain('advisor-avail');
    await counselor.patch('advisors/advisor-avail', { active: true, bio: '十年生涯咨询经验' });
    expect((await student.get<AdvisorDto>('advisors/advisor-avail')).body.bio).toBe('十年生涯咨询经验');
  });
});
