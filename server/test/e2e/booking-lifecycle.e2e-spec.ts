import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AppointmentDto,
  type BookingStatusResponse,
  ErrorCode,
  type ErrorBody,
  type WaitlistEntryDto,
} from '@careerside/shared';
import type { AdvisorEntity } from '../../src/modules/advisors/advisor.entity';
import { AppointmentEntity } from '../../src/modules/appointments/appointment.entity';
import { WaitlistEntryEntity } from '../../src/modules/appointments/waitlist-entry.entity';
import { WaitlistService } from '../../src/modules/appointments/waitlist.service';
import { IdempotencyService } from '../../src/modules/idempotency/idempotency.service';
import { advisorFactory, moveAppointment, slotFactory } from '../factories/booking.factory';
import type { ApiClient } from '../support/api-client';
import { signInStudent } from '../support/booking';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

type Answer = AppointmentDto & ErrorBody;
const HOUR = 3_600_000;

describe('booking lifecycle', () => {
  let t: TestApp;
  let advisor: AdvisorEntity;
  let count = 0;

  beforeAll(async () => {
    t = await startTestApp();
    advisor = await advisorFactory.create(t.dataSource);
  });
  afterAll(() => t.close());

  /**
   * A fresh slot of a fresh advisor, each an hour after the last (within the horizon), so a student's slots
   * never overlap or share an advisor's day unless a test means them to.
   */
  const slot = async (overrides: Parameters<typeof slotFactory.create>[3] = {}) => {
    count += 1;
    const owner = await advisorFactory.create(t.dataSource);
    return slotFactory.create(t.dataSource, owner.id, 3 + count, overrides);
  };
  const book = (api: ApiClient, slotId: string, key?: string, topic = 'resume') =>
    api.post<Answer>('appointments', { slotId, topic }, key ? { headers: { 'idempotency-key': key } } : {});

  describe('Idempotency-Key', () => {
    it('replays the first answer to a repeat, and books once', async () => {
      const { api } = await signInStudent(t.api);
      const target = await slot();
      const first = await book(api, target.id, 'key-replay-0001');
      const repeat = await book(api, target.id, 'key-replay-0001');
      expect(first.status).toBe(201);
      expect(repeat.status).toBe(201);
      expect(repeat.body).toEqual(first.body);
      expect(repeat.headers.get('idempotent-replayed')).toBe('true');
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(await t.dataSource.getRepository(AppointmentEntity).countBy({ slotId: target.id })).toBe(1);
    });

    it('replays a refusal too, and refuses the same key with another body (422)', async () => {
      const { api } = await signInStudent(t.api);
      const full = await slot({ booked: 1 });
      const refused = await book(api, full.id, 'key-refusal-0001');
      expect([refused.status, refused.body.code]).toEqual([409, ErrorCode.SlotFull]);
      const again = await book(api, full.id, 'key-refusal-0001');
      expect([again.status, again.body.code]).toEqual([409, ErrorCode.SlotFull]);
      expect(again.headers.get('idempotent-replayed')).toBe('true');

      const reused = await book(api, (await slot()).id, 'key-refusal-0001');
      expect([reused.status, reused.body.code]).toEqual([422, ErrorCode.IdempotencyKeyReused]);
    });

    it('keeps keys per student: another student with the same key books for themself', async () => {
      const one = await signInStudent(t.api);
      const two = await signInStudent(t.api);
      const workshop = await slot({ capacity: 3 });
      const a = await book(one.api, workshop.id, 'shared-key-0001');
      const b = await book(two.api, workshop.id, 'shared-key-0001');
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).not.toBe(b.body.id);
    });

    it('books once when the same request races itself', async () => {
      const { api } = await signInStudent(t.api);
      const target = await slot({ capacity: 5 });
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => book(api, target.id, 'key-race-00001')),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect((await slotFactory.reload(t.dataSource, target.id)).booked).toBe(1);
    });

    it('rejects a malformed key naming the header, and forgets answers after their time', async () => {
      const { api } = await signInStudent(t.api);
      const target = await slot();
      const bad = await book(api, target.id, 'short');
      expect([bad.status, bad.body.details?.[0]?.field]).toEqual([400, 'Idempotency-Key']);
      await book(api, target.id, 'key-expiry-00001');
      const idempotency = t.app.get(IdempotencyService);
      expect(await idempotency.deleteExpired(new Date(Date.now() + 23 * HOUR))).toBe(0);
      expect(await idempotency.deleteExpired(new Date(Date.now() + 25 * HOUR))).toBeGreaterThanOrEqual(1);
    });
  });

  describe('cancellation, strikes and suspension', () => {
    it('cancels before the cutoff without a strike and frees the seat', async () => {
      const { api } = await signInStudent(t.api);
      const target = await slot();
      const booked = await book(api, target.id);
      const cancelled = await api.post<Answer>(`appointments/${booked.body.id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({
        status: 'cancelled',
        lateCancellation: false,
        cancelledBy: 'student',
      });
      expect((await slotFactory.reload(t.dataSource, target.id)).booked).toBe(0);
      const again = await api.post<Answer>(`appointments/${booked.body.id}/cancel`);
      expect([again.status, again.body.code]).toEqual([409, ErrorCode.AppointmentNotActive]);
      // The seat can be booked again, by the same student too.
      expect((await book(api, target.id)).status).toBe(201);
      expect((await api.get<BookingStatusResponse>('me/booking-status')).body.strikes).toEqual([]);
    });

    it("answers 404 for another student's appointment", async () => {
      const owner = await signInStudent(t.api);
      const stranger = await signInStudent(t.api);
      const booked = await book(owner.api, (await slot()).id);
      expect((await stranger.api.post<ErrorBody>(`appointments/${booked.body.id}/cancel`)).status).toBe(404);
      expect((await stranger.api.get<ErrorBody>(`appointments/${booked.body.id}`)).status).toBe(404);
      expect((await owner.api.get<Answer>(`appointments/${booked.body.id}`)).body.status).toBe('booked');
    });

    it('counts a cancellation inside the cutoff as late, refuses one after the start, and suspends on the third strike', async () => {
      const { api } = await signInStudent(t.api);
      // Booked, then moved to 90 minutes before the start (inside the 2-hour cutoff), then cancelled.
      const lateCancel = async (i: number) => {
        const booked = await book(api, (await slot()).id);
        expect(booked.status).toBe(201);
        await moveAppointment(
          t.dataSource,
          booked.body.id,
          new Date(Date.now() + 1.5 * HOUR + i * 5 * 60_000),
        );
        return api.post<Answer>(`appointments/${booked.body.id}/cancel`);
      };
      const first = await lateCancel(0);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: 'cancelled', lateCancellation: true });
      const second = await lateCancel(1);
      expect(second.body).toMatchObject({ status: 'cancelled', lateCancellation: true });
      const status = await api.get<BookingStatusResponse>('me/booking-status');
      expect(status.body.strikes.map((strike) => strike.kind)).toEqual([
        'late_cancellation',
        'late_cancellation',
      ]);
      expect(status.body.suspension).toBeNull();

      await lateCancel(2);
      const suspended = await api.get<BookingStatusResponse>('me/booking-status');
      expect(suspended.body.suspension).toMatchObject({ reason: ['late_cancellation'] });
      const endsAt = new Date(suspended.body.suspension?.endsAt ?? 0).getTime();
      expect(Math.abs(endsAt - (Date.now() + 30 * 24 * HOUR))).toBeLessThan(60_000);

      const refused = await book(api, (await slot()).id);
      expect([refused.status, refused.body.code]).toEqual([403, ErrorCode.BookingSuspended]);
      expect(refused.body.message).toMatch(/暂停至 \d{4}-\d\d-\d\d/);
      expect(refused.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'suspendedUntil' }),
          { field: 'reason', message: '临时取消' },
        ]),
      );

      const started = await signInStudent(t.api);
      const running = await book(started.api, (await slot()).id);
      await moveAppointment(t.dataSource, running.body.id, new Date(Date.now() - 5 * 60_000));
      const tooLate = await started.api.post<Answer>(`appointments/${running.body.id}/cancel`);
      expect([tooLate.status, tooLate.body.code]).toEqual([409, ErrorCode.CancellationClosed]);
    });

    it('counts no-shows recorded by the counselor, takes a corrected one back, and suspends on the third', async () => {
      const { api, user } = await signInStudent(t.api);
      const counselor = await signIn(t.api, 'counselor', { advisorId: advisor.id });
      const strangerCounselor = await signIn(t.api, 'counselor', { advisorId: 'someone-else' });
      const ids: string[] = [];
      // The counselor's own advisor, one slot a day so the one-per-advisor-per-day rule is not in play.
      const ownSlot = (day: number) => slotFactory.create(t.dataSource, advisor.id, 3 + 24 * day);
      for (let i = 0; i < 4; i += 1) {
        const booked = await book(api, (await ownSlot(i)).id);
        expect(booked.status).toBe(201);
        await moveAppointment(t.dataSource, booked.body.id, new Date(Date.now() - (i + 1) * 24 * HOUR));
        ids.push(booked.body.id);
      }
      const early = await book(api, (await ownSlot(5)).id);
      const tooEarly = await counselor.api.post<ErrorBody>(
        `counselor/appointments/${early.body.id}/attendance`,
        { status: 'no_show' },
      );
      expect([tooEarly.status, tooEarly.body.code]).toEqual([409, ErrorCode.AttendanceTooEarly]);
      const forbidden = await strangerCounselor.api.post<ErrorBody>(
        `counselor/appointments/${ids[0]}/attendance`,
        { status: 'no_show' },
      );
      expect(forbidden.status).toBe(403);
      expect(
        (await api.post<ErrorBody>(`counselor/appointments/${ids[0]}/attendance`, { status: 'no_show' }))
          .status,
      ).toBe(403);

      const mark = (id: string, status: string) =>
        counselor.api.post<Answer>(`counselor/appointments/${id}/attendance`, { status });
      expect((await mark(ids[0], 'no_show')).body.status).toBe('no_show');
      await mark(ids[1], 'no_show');
      await mark(ids[1], 'attended');
      await mark(ids[2], 'no_show');
      expect((await api.get<BookingStatusResponse>('me/booking-status')).body.suspension).toBeNull();
      await mark(ids[3], 'no_show');
      const status = await api.get<BookingStatusResponse>('me/booking-status');
      expect(status.body.suspension?.reason).toEqual(['no_show']);
      expect(user.id).toBeTruthy();
    });
  });

  describe('rescheduling', () => {
    it('moves an appointment to another slot in one step and frees the old seat', async () => {
      const { api } = await signInStudent(t.api);
      const from = await slot();
      const to = await slot();
      const booked = await book(api, from.id);
      const moved = await api.post<Answer>(`appointments/${booked.body.id}/reschedule`, { slotId: to.id });
      expect(moved.status).toBe(201);
      expect(moved.body).toMatchObject({
        status: 'booked',
        slotId: to.id,
        rescheduledFromId: booked.body.id,
        topic: 'resume',
      });
      expect((await slotFactory.reload(t.dataSource, from.id)).booked).toBe(0);
      expect((await slotFactory.reload(t.dataSource, to.id)).booked).toBe(1);
      expect((await api.get<Answer>(`appointments/${booked.body.id}`)).body).toMatchObject({
        status: 'cancelled',
        rescheduledToId: moved.body.id,
      });
      const past = await api.get<{ items: AppointmentDto[] }>('me/appointments?scope=past');
      expect(past.body.items.map((item) => [item.id, item.rescheduledToId])).toEqual([
        [booked.body.id, moved.body.id],
      ]);
      expect(moved.body.rescheduledToId).toBeNull();
      // Moving to a full slot changes nothing.
      const full = await slot({ booked: 1 });
      const refused = await api.post<Answer>(`appointments/${moved.body.id}/reschedule`, { slotId: full.id });
      expect([refused.status, refused.body.code]).toEqual([409, ErrorCode.SlotFull]);
      expect((await api.get<Answer>(`appointments/${moved.body.id}`)).body.status).toBe('booked');
    });

    it('does not count the appointment being moved against the rules it would otherwise break', async () => {
      const { api } = await signInStudent(t.api);
      // Two active appointments (the limit); the first moves to a later time with the same advisor, two hours on.
      const owner = await advisorFactory.create(t.dataSource);
      count += 3;
      const early = await slotFactory.create(t.dataSource, owner.id, 3 + count - 2);
      const later = await slotFactory.create(t.dataSource, owner.id, 3 + count);
      const first = await book(api, early.id);
      expect((await book(api, (await slot()).id)).status).toBe(201);
      const moved = await api.post<Answer>(`appointments/${first.body.id}/reschedule`, { slotId: later.id });
      expect([moved.status, moved.body.code]).toEqual([201, undefined]);
      // A third booking is still refused: the move did not leave a seat or an appointment behind.
      const third = await book(api, (await slot()).id);
      expect([third.status, third.body.code]).toEqual([409, ErrorCode.TooManyActive]);
      expect((await slotFactory.reload(t.dataSource, early.id)).booked).toBe(0);
    });
  });

  describe('waitlist', () => {
    it('offers a freed seat to the first in line, who accepts it; the second waits on', async () => {
      const holder = await signInStudent(t.api);
      const first = await signInStudent(t.api);
      const second = await signInStudent(t.api);
      const target = await slot();
      const booked = await book(holder.api, target.id);

      const hasSeats = await first.api.post<ErrorBody>(`slots/${(await slot()).id}/waitlist`, {
        topic: 'resume',
      });
      expect([hasSeats.status, hasSeats.body.code]).toEqual([409, ErrorCode.SlotHasSeats]);
      const joined = await first.api.post<WaitlistEntryDto>(`slots/${target.id}/waitlist`, {
        topic: 'interview',
      });
      expect(joined.status).toBe(201);
      expect(joined.body).toMatchObject({
        status: 'waiting',
        position: 1,
        slot: { id: target.id, availability: 'full', waitlistLength: 1 },
      });
      const twice = await first.api.post<ErrorBody>(`slots/${target.id}/waitlist`, { topic: 'interview' });
      expect([twice.status, twice.body.code]).toEqual([409, ErrorCode.AlreadyOnWaitlist]);
      const holderJoins = await holder.api.post<ErrorBody>(`slots/${target.id}/waitlist`, {
        topic: 'resume',
      });
      expect([holderJoins.status, holderJoins.body.code]).toEqual([409, ErrorCode.AlreadyBooked]);
      expect(
        (await second.api.post<WaitlistEntryDto>(`slots/${target.id}/waitlist`, { topic: 'resume' })).body
          .position,
      ).toBe(2);

      await holder.api.post(`appointments/${booked.body.id}/cancel`);
      // The seat stays taken: it is held for the first in line, not open to anyone.
      expect((await slotFactory.reload(t.dataSource, target.id)).booked).toBe(1);
      const outsider = await signInStudent(t.api);
      expect((await book(outsider.api, target.id)).body.code).toBe(ErrorCode.SlotFull);

      const offers = await first.api.get<{ items: WaitlistEntryDto[] }>('me/waitlist');
      expect(offers.body.items[0]).toMatchObject({ status: 'offered', position: null });
      const holdEnds = new Date(offers.body.items[0].holdExpiresAt ?? 0).getTime();
      expect(Math.abs(holdEnds - (Date.now() + 30 * 60_000))).toBeLessThan(60_000);
      expect(
        (await second.api.get<{ items: WaitlistEntryDto[] }>('me/waitlist')).body.items[0],
      ).toMatchObject({ status: 'waiting', position: 1 });

      const notYours = await second.api.post<ErrorBody>(`waitlist/${joined.body.id}/accept`);
      expect(notYours.status).toBe(404);
      const secondEarly = await second.api.post<ErrorBody>(
        `waitlist/${(await second.api.get<{ items: WaitlistEntryDto[] }>('me/waitlist')).body.items[0].id}/accept`,
      );
      expect([secondEarly.status, secondEarly.body.code]).toEqual([409, ErrorCode.WaitlistNotOffered]);

      const accepted = await first.api.post<Answer>(`waitlist/${joined.body.id}/accept`);
      expect(accepted.status).toBe(201);
      expect(accepted.body).toMatchObject({ status: 'booked', slotId: target.id, topic: 'interview' });
      expect((await slotFactory.reload(t.dataSource, target.id)).booked).toBe(1);
      expect(
        (await t.dataSource.getRepository(WaitlistEntryEntity).findOneByOrFail({ id: joined.body.id }))
          .status,
      ).toBe('accepted');
    });

    it("lists a student's waitlist by the slots' times, with a held seat first", async () => {
      const student = await signInStudent(t.api);
      const earlier = await slot();
      const later = await slot();
      const holders = [];
      for (const target of [earlier, later]) {
        const holder = await signInStudent(t.api);
        holders.push({ holder, booked: await book(holder.api, target.id) });
      }
      // Joined the later time first: the list still reads in time order.
      for (const target of [later, earlier]) {
        expect((await student.api.post(`slots/${target.id}/waitlist`, { topic: 'resume' })).status).toBe(201);
      }
      const list = async () =>
        (await student.api.get<{ items: WaitlistEntryDto[] }>('me/waitlist')).body.items.map((entry) => [
          entry.slot.id,
          entry.status,
        ]);
      expect(await list()).toEqual([
        [earlier.id, 'waiting'],
        [later.id, 'waiting'],
      ]);

      const { holder, booked } = holders[1];
      await holder.api.post(`appointments/${booked.body.id}/cancel`);
      expect(await list()).toEqual([
        [later.id, 'offered'],
        [earlier.id, 'waiting'],
      ]);
      // Passed up, so no hold is left running for the expiry test below.
      const offered = (await student.api.get<{ items: WaitlistEntryDto[] }>('me/waitlist')).body.items[0];
      expect((await student.api.post(`waitlist/${offered.id}/decline`)).status).toBe(200);
    });

    it('passes an expired hold to the next in line, and releases the seat when nobody is left', async () => {
      const holder = await signInStudent(t.api);
      const first = await signInStudent(t.api);
      const second = await signInStudent(t.api);
      const target = await slot();
      const booked = await book(holder.api, target.id);
      const one = await first.api.post<WaitlistEntryDto>(`slots/${target.id}/waitlist`, { topic: 'resume' });
      const two = await second.api.post<WaitlistEntryDto>(`slots/${target.id}/waitlist`, { topic: 'resume' });
      await holder.api.post(`appointments/${booked.body.id}/cancel`);

      const waitlist = t.app.get(WaitlistService);
      expect(await waitlist.expireHolds(new Date(Date.now() + 29 * 60_000))).toEqual({
        expired: 0,
        closed: 0,
      });
      const afterHold = new Date(Date.now() + 31 * 60_000);
      expect((await waitlist.expireHolds(afterHold)).expired).toBe(1);
      const entries = t.dataSource.getRepository(WaitlistEntryEntity);
      expect((await entries.findOneByOrFail({ id: one.body.id })).status).toBe('expired');
      expect((await entries.findOneByOrFail({ id: two.body.id })).status).toBe('offered');
      const late = await first.api.post<ErrorBody>(`waitlist/${one.body.id}/accept`);
      expect([late.status, late.body.code]).toEqual([409, ErrorCode.WaitlistNotOffered]);

      // The second declines: nobody is left, so the seat opens to everyone.
      const declined = await second.api.post<WaitlistEntryDto>(`waitlist/${two.body.id}/decline`);
      expect(declined.body.status).toBe('declined');
      expect((await slotFactory.reload(t.dataSource, target.id)).booked).toBe(0);
      expect((await book(first.api, target.id)).status).toBe(201);
    });

    it('never holds a seat past the minimum notice before the start', async () => {
      const holder = await signInStudent(t.api);
      const waiting = await signInStudent(t.api);
      const target = await slotFactory.create(t.dataSource, advisor.id, 2.25);
      const booked = await book(holder.api, target.id);
      await t.dataSource.getRepository(AppointmentEntity).update({ id: booked.body.id }, {});
      const entry = await waiting.api.post<WaitlistEntryDto>(`slots/${target.id}/waitlist`, {
        topic: 'resume',
      });
      expect(entry.status).toBe(201);
      await holder.api.post(`appointments/${booked.body.id}/cancel`);
      const offered = await t.dataSource
        .getRepository(WaitlistEntryEntity)
        .findOneByOrFail({ id: entry.body.id });
      expect(offered.status).toBe('offered');
      expect(offered.holdExpiresAt?.getTime()).toBeLessThanOrEqual(
        target.startsAt.getTime() - 2 * HOUR + 1000,
      );
    });
  });
});
