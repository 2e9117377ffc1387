import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type AppointmentDto, CancelledBy, StrikeKind } from '@careerside/shared';
import { ResourceNotFoundException } from '../../common/errors/common.exceptions';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { isUniqueViolation } from '../../database/database-errors';
import { isSqlite, runInTransaction } from '../../database/transactions';
import type { AdvisorEntity } from '../advisors/advisor.entity';
import { AdvisorsRepository } from '../advisors/advisors.repository';
import { IdempotencyService, type IdempotentResult } from '../idempotency/idempotency.service';
import type { SlotEntity } from '../slots/slot.entity';
import { SlotsRepository } from '../slots/slots.repository';
import type { UserEntity } from '../users/user.entity';
import type { AppointmentEntity } from './appointment.entity';
import { toAppointmentDto } from './appointment.mapper';
import {
  AdvisorInactiveException,
  AlreadyBookedException,
  AppointmentNotActiveException,
  CancellationClosedException,
  SlotFullException,
} from './appointments.exception';
import { AppointmentsRepository } from './appointments.repository';
import { BookingNotifier } from './booking-notifier';
import { BookingRules } from './booking-rules';
import { BookingStandingService } from './booking-standing.service';
import type { BookAppointmentDto, RescheduleAppointmentDto } from './dto/appointment.dto';
import { WaitlistService } from './waitlist.service';

interface Booked {
  appointment: AppointmentEntity;
  slot: SlotEntity;
  advisor: AdvisorEntity;
}

/** Booking, cancelling and rescheduling: every seat change happens here, inside one transaction each. */
@Injectable()
export class BookingService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly appointments: AppointmentsRepository,
    private readonly slots: SlotsRepository,
    private readonly advisors: AdvisorsRepository,
    private readonly rules: BookingRules,
    private readonly standing: BookingStandingService,
    private readonly waitlist: WaitlistService,
    private readonly notifier: BookingNotifier,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * Books a seat. With an Idempotency-Key, the first answer (success or refusal) is stored in the same
   * transaction as the booking and replayed to every repeat of the same request.
   */
  async book(
    user: UserEntity,
    request: BookAppointmentDto,
    idempotencyKey: string | undefined,
    now = new Date(),
  ): Promise<IdempotentResult<AppointmentDto>> {
    return this.idempotency.run(user.id, 'book', idempotencyKey, request, async (recordWithin) => {
      this.rules.assertProfile(user);
      // MySQL/MariaDB: refuse a full slot from a plain read of committed rows, before opening a transaction.
      // (SQLite shares one connection with any open transaction, so there it is only checked inside one.)
      if (!isSqlite(this.dataSource))
        await this.refuseIfFull(this.dataSource.manager, user, request.slotId, now);
      const booked = await runInTransaction(this.dataSource, async (manager) => {
        const result = await this.bookWithin(manager, user, request, now);
        await recordWithin(manager, 201, this.toDto(result, now));
        return result;
      });
      return this.toDto(booked, now);
    });
  }

  async reschedule(
    user: UserEntity,
    appointmentId: string,
    request: RescheduleAppointmentDto,
    idempotencyKey: string | undefined,
    now = new Date(),
  ): Promise<IdempotentResult<AppointmentDto>> {
    return this.idempotency.run(
      user.id,
      'reschedule',
      idempotencyKey,
      { appointmentId, ...request },
      async (recordWithin) => {
        this.rules.assertProfile(user);
        const booked = await runInTransaction(this.dataSource, async (manager) => {
          await this.appointments.lockStudent(manager, user.id);
          const old = await this.owned(manager, user, appointmentId);
          if (old.status !== 'booked' || old.endsAt <= now) throw new AppointmentNotActiveException();
          const cutoff = this.config.booking.cancellationCutoffMinutes;
          if (old.startsAt.getTime() - cutoff * 60_000 <= now.getTime()) {
            throw new CancellationClosedException('reschedule_cutoff', cutoff);
          }
          const result = await this.bookWithin(
            manager,
            user,
            {
              slotId: request.slotId,
              topic: request.topic ?? old.topic,
              note: request.note ?? old.note ?? undefined,
            },
            now,
            old.id,
          );
          if (
            !(await this.appointments.cancel(manager, old.id, {
              at: now,
              by: CancelledBy.Student,
              late: false,
            }))
          ) {
            throw new AppointmentNotActiveException();
          }
          await this.notifier.rescheduledAway(manager, old);
          await this.waitlist.passSeatOn(manager, old.slotId, now);
          await recordWithin(manager, 201, this.toDto(result, now));
          return result;
        });
        return this.toDto(booked, now);
      },
    );
  }

  /**
   * Cancels a booked appointment until it starts. Within the cutoff it still goes through but counts as a
   * late cancellation (a strike). The freed seat goes to the waitlist first.
   */
  async cancel(user: UserEntity, appointmentId: string, now = new Date()): Promise<AppointmentDto> {
    const result = await runInTransaction(this.dataSource, async (manager) => {
      await this.appointments.lockStudent(manager, user.id);
      const appointment = await this.owned(manager, user, appointmentId);
      if (appointment.status !== 'booked') throw new AppointmentNotActiveException();
      const cutoff = this.config.booking.cancellationCutoffMinutes;
      if (appointment.startsAt <= now) throw new CancellationClosedException('started', cutoff);
      const late = appointment.startsAt.getTime() - cutoff * 60_000 < now.getTime();
      if (
        !(await this.appointments.cancel(manager, appointment.id, { at: now, by: CancelledBy.Student, late }))
      ) {
        throw new AppointmentNotActiveException();
      }
      if (late) {
        const suspension = await this.standing.addStrike(
          manager,
          {
            studentId: user.id,
            appointmentId: appointment.id,
            kind: StrikeKind.LateCancellation,
            occurredAt: now,
          },
          now,
        );
        if (suspension) await this.notifier.suspended(manager, user.id, suspension);
      }
      const advisor = await this.requireAdvisor(manager, appointment.advisorId);
      const cancelled = (await this.appointments.findById(appointment.id, manager)) as AppointmentEntity;
      await this.notifier.cancelled(manager, cancelled, advisor);
      await this.waitlist.passSeatOn(manager, appointment.slotId, now);
      const slot = await this.slots.findById(appointment.slotId, manager);
      return { appointment: cancelled, advisor, slot };
    });
    return toAppointmentDto(result.appointment, this.context(result.advisor, result.slot, now));
  }

  private async bookWithin(
    manager: EntityManager,
    user: UserEntity,
    request: { slotId: string; topic: BookAppointmentDto['topic']; note?: string },
    now: Date,
    replacing?: string,
  ): Promise<Booked> {
    const slot = await this.refuseIfFull(manager, user, request.slotId, now);
    await this.appointments.lockStudent(manager, user.id);
    await this.standing.assertCanBook(user.id, now, manager);
    const advisor = await this.requireAdvisor(manager, slot.advisorId);
    if (!advisor.active) throw new AdvisorInactiveException();
    await this.rules.assertStudentRules(manager, user.id, slot, now, replacing);
    // The seat: a conditional UPDATE that only one request can win when one seat is left.
    if (!(await this.slots.takeSeat(manager, slot.id))) {
      const current = await this.slots.findById(slot.id, manager);
      if (!current || current.withdrawn) throw new ResourceNotFoundException('Slot');
      throw new SlotFullException();
    }
    const appointment = this.rules.newAppointment(user.id, slot, request, now, replacing ?? null);
    try {
      await this.appointments.insert(manager, appointment);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AlreadyBookedException();
      throw error;
    }
    await this.notifier.booked(manager, appointment, advisor, slot);
    return { appointment, slot: { ...slot, booked: slot.booked + 1 }, advisor };
  }

  /**
   * A slot already full cannot be booked whatever else is true: answered before any lock or rule query, so a
   * rush on one popular slot costs the losers a read or two.
   */
  private async refuseIfFull(
    manager: EntityManager,
    user: UserEntity,
    slotId: string,
    now: Date,
  ): Promise<SlotEntity> {
    const slot = await this.slots.findById(slotId, manager);
    if (!slot) throw new ResourceNotFoundException('Slot');
    this.rules.assertSlotTiming(slot, now);
    if (slot.booked >= slot.capacity) {
      if (await this.appointments.hasActiveInSlot(manager, user.id, slot.id))
        throw new AlreadyBookedException();
      throw new SlotFullException();
    }
    return slot;
  }

  private async owned(
    manager: EntityManager,
    user: UserEntity,
    appointmentId: string,
  ): Promise<AppointmentEntity> {
    const appointment = await this.appointments.findById(appointmentId, manager);
    // Another student's appointment answers like a missing one.
    if (!appointment || appointment.studentId !== user.id) throw new ResourceNotFoundException('Appointment');
    return appointment;
  }

  private async requireAdvisor(manager: EntityManager, advisorId: string): Promise<AdvisorEntity> {
    const advisor = await this.advisors.findById(advisorId, manager);
    if (!advisor) throw new ResourceNotFoundException('Advisor');
    return advisor;
  }

  private toDto(booked: Booked, now: Date): AppointmentDto {
    return toAppointmentDto(booked.appointment, this.context(booked.advisor, booked.slot, now));
  }

  private context(advisor: AdvisorEntity, slot: SlotEntity | null, now: Date) {
    return {
      advisor,
      slot,
      timeZone: this.config.center.timezone,
      cancellationCutoffMinutes: this.config.booking.cancellationCutoffMinutes,
      now,
    };
  }
}
