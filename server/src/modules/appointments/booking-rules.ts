import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppointmentStatus, type AdvisingTopic } from '@careerside/shared';
import { addDays, startOfZonedDay, zonedDate } from '../../common/time/zoned-time';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import type { SlotEntity } from '../slots/slot.entity';
import type { UserEntity } from '../users/user.entity';
import { AppointmentEntity } from './appointment.entity';
import {
  AlreadyBookedException,
  BookingTooFarException,
  BookingTooSoonException,
  OnePerAdvisorPerDayException,
  OverlappingAppointmentException,
  ProfileIncompleteException,
  SlotNotAvailableException,
  TooManyActiveException,
} from './appointments.exception';
import { AppointmentsRepository } from './appointments.repository';

/** The booking rules, each refusal its own exception. Called inside the booking transaction. */
@Injectable()
export class BookingRules {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly appointments: AppointmentsRepository,
  ) {}

  assertProfile(user: UserEntity): void {
    if (!this.config.booking.requireCompleteProfile) return;
    const missing = (['name', 'college', 'degree', 'graduationYear'] as const).filter(
      (field) => !user[field],
    );
    if (missing.length > 0) throw new ProfileIncompleteException(missing);
  }

  /** Minimum notice, horizon, and a slot that is still offered. */
  assertSlotTiming(slot: SlotEntity, now: Date): void {
    const { minNoticeMinutes, horizonDays } = this.config.booking;
    const timeZone = this.config.center.timezone;
    if (slot.withdrawn || slot.startsAt <= now) throw new SlotNotAvailableException();
    if (slot.startsAt.getTime() < now.getTime() + minNoticeMinutes * 60_000) {
      throw new BookingTooSoonException(minNoticeMinutes);
    }
    if (zonedDate(slot.startsAt, timeZone) > addDays(zonedDate(now, timeZone), horizonDays)) {
      throw new BookingTooFarException(horizonDays);
    }
  }

  /**
   * No seat already held in the slot, no overlap with another of the student's appointments, one per advisor
   * per center day, and at most the configured number of upcoming ones. `excludeId`: the appointment a
   * reschedule is about to replace.
   */
  async assertStudentRules(
    manager: EntityManager,
    studentId: string,
    slot: SlotEntity,
    now: Date,
    excludeId?: string,
  ): Promise<void> {
    const timeZone = this.config.center.timezone;
    const day = zonedDate(slot.startsAt, timeZone);
    const conflicts = await this.appointments.conflicts(
      manager,
      studentId,
      {
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        advisorId: slot.advisorId,
        dayStart: startOfZonedDay(day, timeZone),
        dayEnd: startOfZonedDay(addDays(day, 1), timeZone),
      },
      excludeId,
    );
    if (
      conflicts.some(
        (appointment) => appointment.slotId === slot.id && appointment.status === AppointmentStatus.Booked,
      )
    ) {
      throw new AlreadyBookedException();
    }
    if (
      conflicts.some(
        (appointment) => appointment.startsAt < slot.endsAt && appointment.endsAt > slot.startsAt,
      )
    ) {
      throw new OverlappingAppointmentException();
    }
    if (conflicts.some((appointment) => appointment.advisorId === slot.advisorId))
      throw new OnePerAdvisorPerDayException();
    const max = this.config.booking.maxActiveAppointments;
    if ((await this.appointments.countActive(manager, studentId, now, excludeId)) >= max) {
      throw new TooManyActiveException(max);
    }
  }

  newAppointment(
    studentId: string,
    slot: SlotEntity,
    request: { topic: AdvisingTopic; note?: string | null },
    now: Date,
    rescheduledFromId: string | null = null,
  ): AppointmentEntity {
    return Object.assign(new AppointmentEntity(), {
      id: randomUUID(),
      slotId: slot.id,
      advisorId: slot.advisorId,
      studentId,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      topic: request.topic,
      note: request.note ?? null,
      status: AppointmentStatus.Booked,
      activeKey: slot.id,
      checkedInAt: null,
      cancelledAt: null,
      cancelledBy: null,
      lateCancellation: false,
      attendanceMarkedAt: null,
      rating: null,
      feedback: null,
      ratedAt: null,
      rescheduledFromId,
      createdAt: now,
      updatedAt: now,
    } satisfies AppointmentEntity);
  }
}
