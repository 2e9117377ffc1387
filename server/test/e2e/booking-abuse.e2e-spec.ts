import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AppointmentDto,
  type BookingStatusResponse,
  ErrorCode,
  type ErrorBody,
  type WaitlistEntryDto,
} from '@careerside/shared';
import { BookingSuspensionEntity } from '../../src/modules/appointments/booking-suspension.entity';
import { WaitlistEntryEntity } from '../../src/modules/appointments/waitlist-entry.entity';
import { SlotEntity } from '../../src/modules/slots/slot.entity';
import { UserEntity } from '../../src/modules/users/user.entity';
import { advisorFactory, slotFactory } from '../factories/booking.factory';
import type { ApiClient } from '../support/api-client';
import { signInStudent } from '../support/booking';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

type Answer = AppointmentDto & ErrorBody;
type Student = Awaited<ReturnType<typeof signInStudent>>;

/** Slots of fresh advisors, each an hour after the last, so no two overlap unless a test means them to. */
function slotMaker(t: () => TestApp) {
  let hours = 3;
  return async (at?: number): Promise<SlotEntity> => {
    const owner = await advisorFactory.create(t().dataSource);
    if (at === undefined) hours += 1;
    return slotFactory.create(t().dataSource, owner.id, at ?? hours);
  };
}

const book = (api: ApiClient, slotId: string) =>
  api.post<Answer>('appointments', { slotId, topic: 'resume' });
const join = (api: ApiClient, slotId: string, headers: Record<string, string> = {}) =>
  api.post<WaitlistEntryDto & ErrorBody>(`slots/${slotId}/waitlist`, { topic: 'resume' }, { headers });

describe('one student cannot hoard waitlists or freed seats', () => {
  let t: TestApp;
  const slot = slotMaker(() => t);

  beforeAll(async () => {
    t = await startTestApp({ env: { WAITLIST_MAX_ACTIVE: '3' } });
  });
  afterAll(() => t.close());

  /** A slot whose only seat another student holds: full, so it can be waited for. */
  const fullSlot = async (at?: number) => {
    const target = await slot(at);
    const holder = await signInStudent(t.api);
    const booked = await book(holder.api, target.id);
    expect(booked.status).toBe(201);
    return { target, holder, appointmentId: booked.body.id };
  };

  describe('the waitlist cap (WAITLIST_MAX_ACTIVE)', () => {
    it('refuses a fourth line with 409 WAITLIST_LIMIT_REACHED in both languages, until one is left', async () => {
      const student = await signInStudent(t.api);
      const full = [];
      for (let i = 0; i < 4; i += 1) full.push(await fullSlot());
      const entries = [];
      for (const { target } of full.slice(0, 3)) {
        const joined = await join(student.api, target.id);
        expect(joined.status).toBe(201);
        entries.push(joined.body);
      }

      const zh = await join(student.api, full[3].target.id, { 'accept-language': 'zh-CN' });
      expect([zh.status, zh.body.code]).toEqual([409, ErrorCode.WaitlistLimitReached]);
      expect(zh.body.message).toBe('你已在 3 个时段的候补名单中，请先退出一个再加入');
      const en = await join(student.api, full[3].target.id, { 'accept-language': 'en-US' });
      expect([en.status, en.body.code]).toEqual([409, ErrorCode.WaitlistLimitReached]);
      expect(en.body.message).toBe('You are already on 3 waitlists; leave one before joining another');
      // Joining a line the student is already in still says so, rather than naming the cap.
      const again = await join(student.api, full[0].target.id);
      expect(again.body.code).toBe(ErrorCode.AlreadyOnWaitlist);

      const rules = await student.api.get<BookingStatusResponse>('me/booking-status');
      expect(rules.body.rules.maxWaitlistEntries).toBe(3);

      expect((await student.api.post(`waitlist/${entries[0].id}/leave`)).status).toBe(200);
      expect((await join(student.api, full[3].target.id)).status).toBe(201);
    });

    it('counts a held seat as a line, and not a line whose slot has already started', async () => {
      const student = await signInStudent(t.api);
      const full = [];
      for (let i = 0; i < 4; i += 1) full.push(await fullSlot());
      for (const { target } of full.slice(0, 3))
        expect((await join(student.api, target.id)).status).toBe(201);
      // The first line's seat frees up and is held for the student: still one of their three.
      await full[0].holder.api.post(`appointments/${full[0].appointmentId}/cancel`);
      const mine = await student.api.get<{ items: WaitlistEntryDto[] }>('me/waitlist');
      expect(mine.body.items.map((entry) => entry.status).sort()).toEqual(['offered', 'waiting', 'waiting']);
      expect((await join(student.api, full[3].target.id)).body.code).toBe(ErrorCode.WaitlistLimitReached);

      // A slot that has started (its line not yet closed by the periodic sweep) no longer counts.
      const started = new Date(Date.now() - 60_000);
      await t.dataSource
        .getRepository(SlotEntity)
        .update(
          { id: full[1].target.id },
          { startsAt: started, endsAt: new Date(started.getTime() + 1_800_000) },
        );
      expect((await join(student.api, full[3].target.id)).status).toBe(201);
    });

    it('lets only one of two simultaneous joins past the cap', async () => {
      const student = await signInStudent(t.api);
      const full = [];
      for (let i = 0; i < 4; i += 1) full.push(await fullSlot());
      for (const { target } of full.slice(0, 2))
        expect((await join(student.api, target.id)).status).toBe(201);
      const answers = await Promise.all(full.slice(2).map(({ target }) => join(student.api, target.id)));
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expect(answers.find((answer) => answer.status === 409)?.body.code).toBe(ErrorCode.WaitlistLimitReached);
      expect(
        await t.dataSource
          .getRepository(WaitlistEntryEntity)
          .countBy({ studentId: student.user.id, status: 'waiting' }),
      ).toBe(3);
    });
  });

  describe('a freed seat', () => {
    const statusOf = async (entryId: string) =>
      (await t.dataSource.getRepository(WaitlistEntryEntity).findOneByOrFail({ id: entryId })).status;

    it('passes over everyone in line who could not take it now, who keep their place for the next', async () => {
      const hours = 200;
      const { target, holder, appointmentId } = await fullSlot(hours);
      const atLimit = await signInStudent(t.api);
      const suspended = await signInStudent(t.api);
      const overlapping = await signInStudent(t.api);
      const noProfile = await signInStudent(t.api);
      const eligible = await signInStudent(t.api);
      const line: Record<string, WaitlistEntryDto> = {};
      for (const [name, student] of Object.entries({
        atLimit,
        suspended,
        overlapping,
        noProfile,
        eligible,
      })) {
        const joined = await join(student.api, target.id);
        expect(joined.status).toBe(201);
        line[name] = joined.body;
      }

      // After joining, each of the first four comes to fail a booking rule.
      for (let i = 0; i < 2; i += 1) expect((await book(atLimit.api, (await slot()).id)).status).toBe(201);
      await t.dataSource.getRepository(BookingSuspensionEntity).insert({
        id: randomUUID(),
        studentId: suspended.user.id,
        startsAt: new Date(Date.now() - 60_000),
        endsAt: new Date(Date.now() + 7 * 86_400_000),
        reason: 'no_show',
        strikeCount: 3,
      });
      expect((await book(overlapping.api, (await slot(hours)).id)).status).toBe(201);
      await t.dataSource.getRepository(UserEntity).update({ id: noProfile.user.id }, { college: null });

      expect((await holder.api.post(`appointments/${appointmentId}/cancel`)).status).toBe(200);
      expect(await statusOf(line.eligible.id)).toBe('offered');
      for (const name of ['atLimit', 'suspended', 'overlapping', 'noProfile'])
        expect([name, await statusOf(line[name].id)]).toEqual([name, 'waiting']);
      const first = await atLimit.api.get<{ items: WaitlistEntryDto[] }>('me/waitlist');
      expect(first.body.items[0]).toMatchObject({ status: 'waiting', position: 1 });

      const accepted = await eligible.api.post<Answer>(`waitlist/${line.eligible.id}/accept`);
      expect([accepted.status, accepted.body.slotId]).toEqual([201, target.id]);
    });

    it('is released to everyone when nobody in line could take it', async () => {
      const { target, holder, appointmentId } = await fullSlot();
      const atLimit = await signInStudent(t.api);
      const entry = await join(atLimit.api, target.id);
      for (let i = 0; i < 2; i += 1) expect((await book(atLimit.api, (await slot()).id)).status).toBe(201);

      await holder.api.post(`appointments/${appointmentId}/cancel`);
      expect(await statusOf(entry.body.id)).toBe('waiting');
      expect((await slotFactory.reload(t.dataSource, target.id)).booked).toBe(0);
      const outsider: Student = await signInStudent(t.api);
      expect((await book(outsider.api, target.id)).status).toBe(201);
    });
  });
});

describe('booking writes are rate-limited per student (BOOKING_WRITE_RATE_LIMIT)', () => {
  let t: TestApp;
  const slot = slotMaker(() => t);

  beforeAll(async () => {
    t = await startTestApp({
      env: { BOOKING_WRITE_RATE_LIMIT: '3', BOOKING_WRITE_RATE_WINDOW_MINUTES: '10' },
    });
  });
  afterAll(() => t.close());

  it('counts book, reschedule and waitlist writes in one budget, then answers 429 with Retry-After, and never refuses a cancel', async () => {
    const churner = await signInStudent(t.api);
    const holder = await signInStudent(t.api);
    const full = await slot();
    expect((await book(holder.api, full.id)).status).toBe(201);

    const joined = await join(churner.api, full.id);
    expect(joined.status).toBe(201);
    expect((await churner.api.post(`waitlist/${joined.body.id}/leave`)).status).toBe(200);
    const booked = await book(churner.api, (await slot()).id);
    expect(booked.status).toBe(201);
    const moved = await churner.api.post<Answer>(`appointments/${booked.body.id}/reschedule`, {
      slotId: (await slot()).id,
    });
    expect(moved.status).toBe(201);
    expect((await churner.api.post(`appointments/${moved.body.id}/cancel`)).status).toBe(200);

    const limited = await churner.api.post<ErrorBody>(
      'appointments',
      { slotId: (await slot()).id, topic: 'resume' },
      { headers: { 'accept-language': 'zh-CN' } },
    );
    expect([limited.status, limited.body.code]).toEqual([429, ErrorCode.RateLimited]);
    expect(limited.body.message).toBe('操作太频繁，请稍后再试');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    const refusedJoin = await join(churner.api, full.id);
    expect([refusedJoin.status, refusedJoin.body.code]).toEqual([429, ErrorCode.RateLimited]);
    // Reading is not a booking write, and nothing was booked by the refused request.
    const mine = await churner.api.get<{ items: AppointmentDto[] }>('me/appointments');
    expect([mine.status, mine.body.items]).toEqual([200, []]);
    // Giving a seat back is never refused: a limited student can still cancel what they hold.
    const limitedHolder = await signInStudent(t.api);
    const kept = await book(limitedHolder.api, (await slot()).id);
    expect(kept.status).toBe(201);
    // Refused or not (TOO_MANY_ACTIVE past the second), each attempt counts against the budget of 3.
    for (let i = 0; i < 2; i += 1) await book(limitedHolder.api, (await slot()).id);
    const over = await book(limitedHolder.api, (await slot()).id);
    expect(over.status).toBe(429);
    expect((await limitedHolder.api.post(`appointments/${kept.body.id}/cancel`)).status).toBe(200);

    // Another student (same address) has their own budget.
    const classmate = await signInStudent(t.api);
    expect((await book(classmate.api, (await slot()).id)).status).toBe(201);
  });
});

describe('the booking-write budget across server processes', () => {
  // The project's machines run Redis here; TEST_REDIS_URL points elsewhere.
  const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  let database: TestDatabase;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const prefix = `careerside-test-${randomUUID()}`;
    for (let i = 0; i < 2; i += 1) {
      apps.push(
        await startTestApp({
          database,
          env: { REDIS_URL, REDIS_PREFIX: prefix, BOOKING_WRITE_RATE_LIMIT: '2' },
        }),
      );
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database.drop();
  });

  it("counts one student's writes on every process sharing a Redis", async () => {
    const [first, second] = apps;
    const slot = slotMaker(() => first);
    const student = await signInStudent(first.api);
    const on = (app: TestApp) => app.api.as(student.token);
    const booked = await book(on(first), (await slot()).id);
    expect(booked.status).toBe(201);
    // A cancel gives a seat back: never refused, not counted.
    expect((await on(second).post(`appointments/${booked.body.id}/cancel`)).status).toBe(200);
    expect((await book(on(second), (await slot()).id)).status).toBe(201);
    const limited = await book(on(first), (await slot()).id);
    expect([limited.status, limited.body.code]).toEqual([429, ErrorCode.RateLimited]);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
