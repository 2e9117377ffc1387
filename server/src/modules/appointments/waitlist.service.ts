import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  SlotAvailability,
  type WaitlistEntryDto,
  type WaitlistListResponse,
  WaitlistStatus,
} from '@careerside/shared';
import { ResourceNotFoundException } from '../../common/errors/common.exceptions';
import { DomainException } from '../../common/errors/domain.exception';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { isUniqueViolation } from '../../database/database-errors';
import { runInTransaction } from '../../database/transactions';
import { AdvisorsRepository } from '../advisors/advisors.repository';
import { slotAvailability } from '../slots/slot.mapper';
import type { SlotEntity } from '../slots/slot.entity';
import { SlotsRepository } from '../slots/slots.repository';
import { SlotsService } from '../slots/slots.service';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { toAppointmentDto, toWaitlistEntryDto } from './appointment.mapper';
import {
  AlreadyBookedException,
  AlreadyOnWaitlistException,
  SlotHasSeatsException,
  SlotNotAvailableException,
  WaitlistLimitReachedException,
  WaitlistNotOfferedException,
  WaitlistOfferExpiredException,
} from './appointments.exception';
import { AppointmentsRepository } from './appointments.repository';
import { BookingNotifier } from './booking-notifier';
import { BookingRules } from './booking-rules';
import { BookingStandingService } from './booking-standing.service';
import type { JoinWaitlistDto } from './dto/waitlist.dto';
import { WaitlistEntryEntity } from './waitlist-entry.entity';
import { WaitlistRepository } from './waitlist.repository';

/**
 * A full slot's line. When a seat frees up, it stays counted as taken and is held for the first student
 * waiting, until `WAITLIST_HOLD_MINUTES` later (never past the minimum notice before the start). Accepting
 * turns the hold into an appointment; a hold that runs out or is declined passes to the next student; with
 * nobody left, the seat is released.
 */
@Injectable()
export class WaitlistService {
  private readonly logger = new Logger('Waitlist');

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly waitlist: WaitlistRepository,
    private readonly slots: SlotsRepository,
    private readonly slotsService: SlotsService,
    private readonly advisors: AdvisorsRepository,
    private readonly appointments: AppointmentsRepository,
    private readonly standing: BookingStandingService,
    private readonly rules: BookingRules,
    private readonly notifier: BookingNotifier,
    private readonly users: UsersRepository,
  ) {}

  async join(
    user: UserEntity,
    slotId: string,
    request: JoinWaitlistDto,
    now = new Date(),
  ): Promise<WaitlistEntryDto> {
    const entry = await runInTransaction(this.dataSource, async (manager) => {
      await this.appointments.lockStudent(manager, user.id);
      await this.standing.assertCanBook(user.id, now, manager);
      const slot = await this.slots.findById(slotId, manager);
      if (!slot) throw new ResourceNotFoundException('Slot');
      this.rules.assertSlotTiming(slot, now);
      const availability = slotAvailability(slot, this.slotsService.bookableFrom(now));
      if (availability === SlotAvailability.Closed) throw new SlotNotAvailableException();
      if (availability === SlotAvailability.Available) throw new SlotHasSeatsException();
      if (await this.appointments.hasActiveInSlot(manager, user.id, slot.id))
        throw new AlreadyBookedException();
      // Counted under the student's lock, so parallel joins cannot slip past the cap together.
      const lines = await this.waitlist.activeSlotIdsForStudent(manager, user.id, now);
      if (lines.includes(slot.id)) throw new AlreadyOnWaitlistException();
      const max = this.config.booking.maxWaitlistEntries;
      if (lines.length >= max) throw new WaitlistLimitReachedException(max);
      const created = Object.assign(new WaitlistEntryEntity(), {
        id: randomUUID(),
        slotId: slot.id,
        studentId: user.id,
        topic: request.topic,
        note: request.note ?? null,
        status: WaitlistStatus.Waiting,
        activeKey: slot.id,
        offeredAt: null,
        holdExpiresAt: null,
        appointmentId: null,
        createdAt: now,
        updatedAt: now,
      } satisfies WaitlistEntryEntity);
      try {
        await this.waitlist.insert(manager, created);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AlreadyOnWaitlistException();
        throw error;
      }
      return created;
    });
    return this.toDto(entry, now);
  }

  async mine(user: UserEntity, now = new Date()): Promise<WaitlistListResponse> {
    const entries = await this.waitlist.forStudent(user.id);
    const items = await Promise.all(entries.map((entry) => this.toDto(entry, now)));
    // A held seat first (it runs out), then by the time of the slot, as a student reads a list of times.
    return {
      items: items.sort(
        (a, b) =>
          Number(b.status === WaitlistStatus.Offered) - Number(a.status === WaitlistStatus.Offered) ||
          Date.parse(a.slot.startsAt) - Date.parse(b.slot.startsAt),
      ),
    };
  }

  /** Turns the held seat into an appointment; every booking rule still applies to the student. */
  async accept(user: UserEntity, entryId: string, now = new Date()) {
    const appointment = await runInTransaction(this.dataSource, async (manager) => {
      await this.appointments.lockStudent(manager, user.id);
      const entry = await this.owned(user, entryId, manager);
      if (entry.status !== WaitlistStatus.Offered) throw new WaitlistNotOfferedException();
      if (!entry.holdExpiresAt || entry.holdExpiresAt <= now) throw new WaitlistOfferExpiredException();
      const slot = await this.slots.findById(entry.slotId, manager);
      if (!slot || slot.withdrawn) throw new SlotNotAvailableException();
      await this.standing.assertCanBook(user.id, now, manager);
      await this.rules.assertStudentRules(manager, user.id, slot, now);
      const created = this.rules.newAppointment(user.id, slot, { topic: entry.topic, note: entry.note }, now);
      await this.appointments.insert(manager, created);
      if (
        !(await this.waitlist.finish(
          manager,
          entry.id,
          [WaitlistStatus.Offered],
          WaitlistStatus.Accepted,
          now,
          { appointmentId: created.id },
        ))
      ) {
        throw new WaitlistNotOfferedException();
      }
      const advisor = await this.advisors.findById(slot.advisorId, manager);
      if (advisor) await this.notifier.booked(manager, created, advisor, slot);
      return { created, slot, advisor };
    });
    if (!appointment.advisor) throw new ResourceNotFoundException('Advisor');
    return toAppointmentDto(appointment.created, {
      advisor: appointment.advisor,
      slot: appointment.slot,
      timeZone: this.config.center.timezone,
      cancellationCutoffMinutes: this.config.booking.cancellationCutoffMinutes,
      now,
    });
  }

  /** Declining an offer passes the seat on; leaving the line while waiting simply leaves it. */
  async leave(user: UserEntity, entryId: string, now = new Date()): Promise<WaitlistEntryDto> {
    const entry = await runInTransaction(this.dataSource, async (manager) => {
      const current = await this.owned(user, entryId, manager);
      if (current.status === WaitlistStatus.Offered) {
        if (
          await this.waitlist.finish(
            manager,
            current.id,
            [WaitlistStatus.Offered],
            WaitlistStatus.Declined,
            now,
          )
        ) {
          await this.passSeatOn(manager, current.slotId, now);
        }
      } else if (current.status === WaitlistStatus.Waiting) {
        await this.waitlist.finish(manager, current.id, [WaitlistStatus.Waiting], WaitlistStatus.Left, now);
      }
      return (await this.waitlist.findById(current.id, manager)) ?? current;
    });
    return this.toDto(entry, now);
  }

  /**
   * A seat in this slot was just given up (still counted in `booked`): hold it for the next student in line
   * who could take it now, or release it when nobody can or it is too late to offer it. A student who could
   * not (suspended, at the limit of active appointments, another booking rule, no complete profile) is passed
   * over for this seat but keeps their place in line for the next one.
   */
  async passSeatOn(manager: EntityManager, slotId: string, now: Date): Promise<WaitlistEntryEntity | null> {
    const slot = await this.slots.findById(slotId, manager);
    if (!slot) return null;
    const latestHold = new Date(slot.startsAt.getTime() - this.config.booking.minNoticeMinutes * 60_000);
    const holdUntil = new Date(
      Math.min(now.getTime() + this.config.booking.waitlistHoldMinutes * 60_000, latestHold.getTime()),
    );
    if (holdUntil > now && !slot.withdrawn) {
      const tried: string[] = [];
      for (;;) {
        const next = await this.waitlist.nextWaiting(manager, slotId, tried);
        if (!next) break;
        tried.push(next.id);
        if (!(await this.canTakeSeat(manager, next, slot, now))) continue;
        if (await this.waitlist.offer(manager, next.id, holdUntil, now)) {
          const offered = Object.assign(next, {
            status: WaitlistStatus.Offered,
            offeredAt: now,
            holdExpiresAt: holdUntil,
          });
          const advisor = await this.advisors.findById(slot.advisorId, manager);
          if (advisor) await this.notifier.waitlistOffer(manager, offered, slot, advisor);
          return offered;
        }
      }
    }
    await this.slots.releaseSeat(manager, slotId);
    return null;
  }

  /** The periodic job: expired holds pass on, one transaction each; lines of slots now too close are closed. */
  async expireHolds(now = new Date()): Promise<{ expired: number; closed: number }> {
    let expired = 0;
    for (const entry of await this.waitlist.expiredOffers(now)) {
      const passed = await runInTransaction(this.dataSource, async (manager) => {
        if (
          !(await this.waitlist.finish(
            manager,
            entry.id,
            [WaitlistStatus.Offered],
            WaitlistStatus.Expired,
            now,
            { onlyExpiredBy: now },
          ))
        ) {
          return false;
        }
        await this.passSeatOn(manager, entry.slotId, now);
        return true;
      });
      if (passed) expired += 1;
    }
    const closed = await runInTransaction(this.dataSource, (manager) =>
      this.waitlist.closeLinesStartingBefore(manager, this.slotsService.bookableFrom(now), now),
    );
    if (expired > 0 || closed > 0)
      this.logger.log({ expired, closed }, 'Waitlist holds expired and lines closed');
    return { expired, closed };
  }

  /**
   * Whether the student in line could accept the seat now: the checks of `accept`, read without locking the
   * student (a lock here could deadlock with their own cancellation); `accept` checks again under the lock.
   */
  private async canTakeSeat(
    manager: EntityManager,
    entry: WaitlistEntryEntity,
    slot: SlotEntity,
    now: Date,
  ): Promise<boolean> {
    const student = await this.users.findById(entry.studentId, manager);
    if (!student) return false;
    try {
      this.rules.assertProfile(student);
      await this.standing.assertCanBook(student.id, now, manager);
      await this.rules.assertStudentRules(manager, student.id, slot, now);
      return true;
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      this.logger.log(
        { slotId: slot.id, entryId: entry.id, reason: error.code },
        'Freed seat passed over a student who could not take it',
      );
      return false;
    }
  }

  private async owned(
    user: UserEntity,
    entryId: string,
    manager: EntityManager,
  ): Promise<WaitlistEntryEntity> {
    const entry = await this.waitlist.findById(entryId, manager);
    if (!entry || entry.studentId !== user.id) throw new ResourceNotFoundException('Waitlist entry');
    return entry;
  }

  private async toDto(entry: WaitlistEntryEntity, now: Date): Promise<WaitlistEntryDto> {
    const slot = (await this.slots.findById(entry.slotId)) as SlotEntity;
    const advisor = await this.advisors.findById(slot.advisorId);
    if (!advisor) throw new ResourceNotFoundException('Advisor');
    const [slotDto] = await this.slotsService.toDtos([slot], now);
    return toWaitlistEntryDto(entry, {
      advisor,
      slot: slotDto,
      position: await this.waitlist.position(entry),
      timeZone: this.config.center.timezone,
    });
  }
}
