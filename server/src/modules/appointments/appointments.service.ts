import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type AppointmentDto,
  type AppointmentListResponse,
  AppointmentStatus,
  type AttendanceStatus,
  type BookingStatusResponse,
  type CheckInResponse,
  Role,
  StrikeKind,
} from '@careerside/shared';
import { ResourceNotFoundException } from '../../common/errors/common.exceptions';
import { addDays, startOfZonedDay, zonedDate } from '../../common/time/zoned-time';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { runInTransaction } from '../../database/transactions';
import type { AdvisorEntity } from '../advisors/advisor.entity';
import { assertCanManageAdvisor } from '../advisors/advisor-access';
import { AdvisorsRepository } from '../advisors/advisors.repository';
import { SlotsRepository } from '../slots/slots.repository';
import { isoInZone } from '../slots/slot-time';
import type { UserEntity } from '../users/user.entity';
import type { AppointmentEntity } from './appointment.entity';
import { isCompleted, toAppointmentDto } from './appointment.mapper';
import {
  AppointmentNotActiveException,
  AttendanceTooEarlyException,
  CheckInTooEarlyException,
  CheckInTooLateException,
  FeedbackAlreadyGivenException,
  FeedbackNotAllowedException,
  NoAppointmentToCheckInException,
} from './appointments.exception';
import { AppointmentsRepository } from './appointments.repository';
import { BookingNotifier } from './booking-notifier';
import { BookingStandingService } from './booking-standing.service';

/** Reading appointments, check-in at the door, feedback after the session, and attendance by counselors. */
@Injectable()
export class AppointmentsService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly appointments: AppointmentsRepository,
    private readonly advisors: AdvisorsRepository,
    private readonly slots: SlotsRepository,
    private readonly standing: BookingStandingService,
    private readonly notifier: BookingNotifier,
  ) {}

  async mine(
    user: UserEntity,
    scope: 'upcoming' | 'past' = 'upcoming',
    now = new Date(),
  ): Promise<AppointmentListResponse> {
    return { items: await this.toDtos(await this.appointments.listForStudent(user.id, scope, now), now) };
  }

  async get(user: UserEntity, id: string, now = new Date()): Promise<AppointmentDto> {
    const appointment = await this.appointments.findById(id);
    if (!appointment || !this.canSee(user, appointment)) throw new ResourceNotFoundException('Appointment');
    const [dto] = await this.toDtos([appointment], now);
    return dto;
  }

  async bookingStatus(user: UserEntity, now = new Date()): Promise<BookingStatusResponse> {
    const active = await this.appointments.countActive(this.dataSource.manager, user.id, now);
    const booking = this.config.booking;
    return {
      ...(await this.standing.status(user.id, active, now)),
      rules: {
        minNoticeMinutes: booking.minNoticeMinutes,
        horizonDays: booking.horizonDays,
        maxActiveAppointments: booking.maxActiveAppointments,
        cancellationCutoffMinutes: booking.cancellationCutoffMinutes,
        strikeLimit: booking.strikeLimit,
        strikeWindowDays: booking.strikeWindowDays,
        suspensionDays: booking.suspensionDays,
        waitlistHoldMinutes: booking.waitlistHoldMinutes,
        maxWaitlistEntries: booking.maxWaitlistEntries,
        checkInOpensMinutesBefore: booking.checkInOpensMinutesBefore,
        checkInClosesMinutesAfter: booking.checkInClosesMinutesAfter,
        timezone: this.config.center.timezone,
      },
    };
  }

  /**
   * The student scanned the advisor's code: their booked appointment with that advisor whose check-in window
   * (from CHECK_IN_OPENS_MINUTES_BEFORE the start to CHECK_IN_CLOSES_MINUTES_AFTER it) contains now is marked
   * arrived. Outside the window the answer says when it opens or that it closed.
   */
  async checkIn(user: UserEntity, advisorRef: string, now = new Date()): Promise<CheckInResponse> {
    const advisor = await this.advisors.findByIdOrCode(advisorRef);
    if (!advisor) throw new ResourceNotFoundException('Advisor');
    const { checkInOpensMinutesBefore: before, checkInClosesMinutesAfter: after } = this.config.booking;
    const timeZone = this.config.center.timezone;
    const today = zonedDate(now, timeZone);
    const todays = await this.appointments.bookedWithAdvisor(
      user.id,
      advisor.id,
      startOfZonedDay(today, timeZone),
      startOfZonedDay(addDays(today, 1), timeZone),
    );
    const opens = (appointment: AppointmentEntity) => appointment.startsAt.getTime() - before * 60_000;
    const closes = (appointment: AppointmentEntity) => appointment.startsAt.getTime() + after * 60_000;
    const current = todays.find(
      (appointment) => opens(appointment) <= now.getTime() && now.getTime() <= closes(appointment),
    );
    if (current) {
      const first = await this.appointments.checkIn(current.id, now);
      const fresh = (await this.appointments.findById(current.id)) as AppointmentEntity;
      const [dto] = await this.toDtos([fresh], now);
      return { appointment: dto, firstCheckIn: first };
    }
    const upcoming = todays.find((appointment) => opens(appointment) > now.getTime());
    if (upcoming) throw new CheckInTooEarlyException(isoInZone(new Date(opens(upcoming)), timeZone), before);
    const missed = todays.at(-1);
    if (missed) throw new CheckInTooLateException(isoInZone(new Date(closes(missed)), timeZone), after);
    throw new NoAppointmentToCheckInException();
  }

  async rate(
    user: UserEntity,
    id: string,
    rating: number,
    comment: string | undefined,
    now = new Date(),
  ): Promise<AppointmentDto> {
    const appointment = await this.appointments.findById(id);
    if (!appointment || appointment.studentId !== user.id) throw new ResourceNotFoundException('Appointment');
    if (appointment.rating !== null) throw new FeedbackAlreadyGivenException();
    if (!isCompleted(appointment, now)) throw new FeedbackNotAllowedException();
    const rated = await runInTransaction(this.dataSource, () =>
      this.appointments.rate(appointment.id, rating, comment?.trim() || null, now),
    );
    if (!rated) throw new FeedbackAlreadyGivenException();
    return this.get(user, id, now);
  }

  /** Counselor of the advisor (or an admin), once the appointment has started. A no-show is a strike. */
  async recordAttendance(
    user: UserEntity,
    id: string,
    status: AttendanceStatus,
    now = new Date(),
  ): Promise<AppointmentDto> {
    const appointment = await this.appointments.findById(id);
    if (!appointment) throw new ResourceNotFoundException('Appointment');
    assertCanManageAdvisor(user, appointment.advisorId);
    if (appointment.status === AppointmentStatus.Cancelled) throw new AppointmentNotActiveException();
    if (appointment.startsAt > now) throw new AttendanceTooEarlyException();
    await runInTransaction(this.dataSource, async (manager) => {
      if (!(await this.appointments.markAttendance(manager, appointment.id, status, now))) {
        throw new AppointmentNotActiveException();
      }
      if (status === AppointmentStatus.NoShow) {
        const suspension = await this.standing.addStrike(
          manager,
          {
            studentId: appointment.studentId,
            appointmentId: appointment.id,
            kind: StrikeKind.NoShow,
            occurredAt: appointment.startsAt,
          },
          now,
        );
        if (suspension) await this.notifier.suspended(manager, appointment.studentId, suspension);
      } else {
        await this.standing.removeStrike(manager, appointment.id);
      }
    });
    const fresh = (await this.appointments.findById(appointment.id)) as AppointmentEntity;
    const [dto] = await this.toDtos([fresh], now);
    return dto;
  }

  private canSee(user: UserEntity, appointment: AppointmentEntity): boolean {
    if (appointment.studentId === user.id || user.role === Role.Admin) return true;
    return user.role === Role.Counselor && user.advisorId === appointment.advisorId;
  }

  private async toDtos(appointments: AppointmentEntity[], now: Date): Promise<AppointmentDto[]> {
    const advisors = new Map<string, AdvisorEntity>(
      (await this.advisors.findByIds([...new Set(appointments.map((a) => a.advisorId))])).map((advisor) => [
        advisor.id,
        advisor,
      ]),
    );
    const slots = new Map(
      (await this.slots.findByIds([...new Set(appointments.map((a) => a.slotId))])).map((slot) => [
        slot.id,
        slot,
      ]),
    );
    const successors = await this.appointments.successorsOf(appointments);
    return appointments.flatMap((appointment) => {
      const advisor = advisors.get(appointment.advisorId);
      if (!advisor) return [];
      return [
        toAppointmentDto(appointment, {
          advisor,
          slot: slots.get(appointment.slotId) ?? null,
          timeZone: this.config.center.timezone,
          cancellationCutoffMinutes: this.config.booking.cancellationCutoffMinutes,
          now,
          rescheduledToId: successors.get(appointment.id) ?? null,
        }),
      ];
    });
  }
}
