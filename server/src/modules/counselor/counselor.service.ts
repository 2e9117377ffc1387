import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ADVISING_TOPICS,
  type AvailabilityExceptionDto,
  AppointmentStatus,
  AvailabilityExceptionKind,
  CancelledBy,
  type CounselorAppointmentDetailResponse,
  type CounselorExtraHoursRequest,
  type CounselorNoteDto,
  type CounselorScheduleItemDto,
  type CounselorScheduleResponse,
  type CounselorTimeOffRequest,
  type CounselorTimeOffResponse,
  type CounselorWeekResponse,
  NotificationKind,
  NoteReadVia,
  type ReflectionDto,
} from '@careerside/shared';
import { RequestValidationException, ResourceNotFoundException } from '../../common/errors/common.exceptions';
import { calendarDateMessage, isCalendarDate } from '../../common/time/calendar-date';
import { addDays, startOfZonedDay, wallTime, zonedDate } from '../../common/time/zoned-time';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { runInTransaction } from '../../database/transactions';
import { countQueries } from '../../database/typeorm-logger';
import { NotYourAdvisorException } from '../advisors/advisor-access';
import { AdvisorsRepository } from '../advisors/advisors.repository';
import { AvailabilityService } from '../advisors/availability.service';
import { AppointmentsRepository } from '../appointments/appointments.repository';
import { BookingNotifier } from '../appointments/booking-notifier';
import { WaitlistService } from '../appointments/waitlist.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ReflectionService } from '../reflection/reflection.service';
import { instantAt, isoInZone, isoWeekday, minutesOfDay } from '../slots/slot-time';
import type { UserEntity } from '../users/user.entity';
import { COUNSELOR_PAGES } from './counselor-pages';
import { CounselorNotesService } from './counselor-notes.service';
import { NotBoundToAdvisorException } from './counselor.exception';
import { toScheduleItemDto } from './counselor.mapper';
import { CounselorRepository, type ScheduleRow } from './counselor.repository';

/**
 * A counselor's day: the schedule of their advisor profile, arrival and notes, and time off. Every method
 * works on the signed-in counselor's own advisor profile; another advisor's appointment is 403.
 */
@Injectable()
export class CounselorService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly repository: CounselorRepository,
    private readonly notes: CounselorNotesService,
    private readonly advisors: AdvisorsRepository,
    private readonly availability: AvailabilityService,
    private readonly appointments: AppointmentsRepository,
    private readonly waitlist: WaitlistService,
    private readonly bookingNotifier: BookingNotifier,
    private readonly notifications: NotificationsService,
    private readonly reflections: ReflectionService,
  ) {}

  private get timeZone(): string {
    return this.config.center.timezone;
  }

  advisorOf(user: UserEntity): string {
    if (!user.advisorId) throw new NotBoundToAdvisorException();
    return user.advisorId;
  }

  /** The day view and how many SQL statements it took (at most 3: the day, the latest notes, the read log). */
  async scheduleMeasured(
    user: UserEntity,
    date: string | undefined,
    now = new Date(),
  ): Promise<{ result: CounselorScheduleResponse; queries: number }> {
    return countQueries(() => this.schedule(user, date, now));
  }

  async schedule(
    user: UserEntity,
    date: string | undefined,
    now = new Date(),
  ): Promise<CounselorScheduleResponse> {
    const advisorId = this.advisorOf(user);
    const day = date === undefined ? zonedDate(now, this.timeZone) : validDate(date, 'date');
    const scheduled = await this.repository.scheduleDay(
      advisorId,
      day,
      startOfZonedDay(day, this.timeZone),
      startOfZonedDay(addDays(day, 1), this.timeZone),
    );
    const lastNotes = await this.lastNotes(user, scheduled.rows, NoteReadVia.Schedule, now);
    return {
      date: day,
      closure: scheduled.closureReason === null ? null : { reason: scheduled.closureReason },
      onLeave: scheduled.onLeave,
      items: scheduled.rows.map((row) =>
        toScheduleItemDto(row, lastNotes.get(row.studentId) ?? null, this.timeZone),
      ),
    };
  }

  /** Monday to Sunday around `date`: appointments per day, closures and whole-day leave. */
  async week(user: UserEntity, date: string | undefined, now = new Date()): Promise<CounselorWeekResponse> {
    const advisorId = this.advisorOf(user);
    const day = date === undefined ? zonedDate(now, this.timeZone) : validDate(date, 'date');
    const monday = addDays(day, 1 - isoWeekday(day));
    const sunday = addDays(monday, 6);
    const [starts, off] = await Promise.all([
      this.repository.startsBetween(
        advisorId,
        startOfZonedDay(monday, this.timeZone),
        startOfZonedDay(addDays(sunday, 1), this.timeZone),
      ),
      this.repository.daysOff(advisorId, monday, sunday),
    ]);
    const counts = new Map<string, number>();
    for (const start of starts) {
      const key = zonedDate(start, this.timeZone);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return {
      from: monday,
      to: sunday,
      days: Array.from({ length: 7 }, (_, index) => {
        const date = addDays(monday, index);
        return {
          date,
          booked: counts.get(date) ?? 0,
          closed: off.closed.has(date),
          onLeave: off.leave.has(date),
        };
      }),
    };
  }

  async detail(
    user: UserEntity,
    appointmentId: string,
    now = new Date(),
  ): Promise<CounselorAppointmentDetailResponse> {
    const row = await this.ownAppointment(user, appointmentId);
    const [lastNotes, notes, history, sharedReflections] = await Promise.all([
      this.lastNotes(user, [row], NoteReadVia.Appointment, now),
      this.notes.ofAppointment(user, row.id),
      this.repository.history(row.studentId, row.advisorId, row.startsAt),
      this.sharedReflections(user, row.studentId),
    ]);
    return {
      appointment: toScheduleItemDto(row, lastNotes.get(row.studentId) ?? null, this.timeZone),
      notes,
      history: history.map((past) => ({
        appointmentId: past.id,
        startsAt: isoInZone(past.startsAt, this.timeZone),
        status: past.status,
        topic: past.topic,
      })),
      sharedReflections,
    };
  }

  /** The student is here (for those who did not scan the door code). Idempotent. */
  async markArrived(
    user: UserEntity,
    appointmentId: string,
    now = new Date(),
  ): Promise<CounselorScheduleItemDto> {
    const row = await this.ownAppointment(user, appointmentId);
    if (row.status === AppointmentStatus.Cancelled) {
      throw new RequestValidationException([{ field: 'id', message: 'The appointment was cancelled' }]);
    }
    if (row.checkedInAt === null) await this.repository.markArrived(row.id, now);
    const fresh = (await this.repository.scheduleRow(row.id)) as ScheduleRow;
    return toScheduleItemDto(fresh, null, this.timeZone);
  }

  async addNote(user: UserEntity, appointmentId: string, text: string): Promise<CounselorNoteDto> {
    const row = await this.ownAppointment(user, appointmentId);
    return this.notes.add(user, { id: row.id, advisorId: row.advisorId, studentId: row.studentId }, text);
  }

  async listNotes(user: UserEntity, appointmentId: string): Promise<{ items: CounselorNoteDto[] }> {
    const row = await this.ownAppointment(user, appointmentId);
    return { items: await this.notes.ofAppointment(user, row.id) };
  }

  /**
   * Leave on a date (the whole day or between two times): the exception goes in, the slots follow, and every
   * booked appointment it overlaps is cancelled by staff (no strike) with a notice offering to rebook. One
   * transaction, so either all of it happens or none.
   */
  async timeOff(
    user: UserEntity,
    request: CounselorTimeOffRequest,
    now = new Date(),
  ): Promise<CounselorTimeOffResponse> {
    const advisorId = this.advisorOf(user);
    const date = validDate(request.date, 'date');
    if (date < zonedDate(now, this.timeZone)) {
      throw new RequestValidationException([{ field: 'date', message: 'date must be today or later' }]);
    }
    const window = this.window(date, request.startTime, request.endTime);
    const advisor = await this.advisors.findById(advisorId);
    if (!advisor) throw new ResourceNotFoundException('Advisor');
    return runInTransaction(this.dataSource, async (manager) => {
      const exception = await this.availability.addExceptionWithin(
        manager,
        advisorId,
        {
          date,
          kind: AvailabilityExceptionKind.Unavailable,
          startTime: request.startTime,
          endTime: request.endTime,
          slotMinutes: null,
          capacity: null,
          mode: null,
          location: null,
          title: null,
          note: request.note ?? null,
        },
        now,
      );
      const affected = await this.repository.bookedBetween(manager, advisorId, window.from, window.to, now);
      const students = new Map(
        (await this.repository.usersByIds(affected.map((a) => a.studentId))).map((u) => [u.id, u]),
      );
      const cancelled: CounselorTimeOffResponse['cancelled'] = [];
      for (const appointment of affected) {
        if (
          !(await this.appointments.cancel(manager, appointment.id, {
            at: now,
            by: CancelledBy.Staff,
            late: false,
          }))
        ) {
          continue;
        }
        const when = this.when(appointment.startsAt);
        const topic =
          ADVISING_TOPICS.find((entry) => entry.code === appointment.topic)?.label['zh-CN'] ??
          appointment.topic;
        await this.notifications.notify(manager, {
          userId: appointment.studentId,
          kind: NotificationKind.AppointmentCancelled,
          title: '预约已取消：老师请假',
          body: `${when} · ${advisor.name} 因请假无法接待，本次预约已取消，不计入爽约。点此改约其他时间。`,
          page: COUNSELOR_PAGES.rebook(advisorId),
          dedupeKey: `appointment:${appointment.id}:cancelled`,
          payload: { appointmentId: appointment.id, rebookAdvisorId: advisorId },
          wechat: {
            topic,
            advisorName: advisor.name,
            startsAt: appointment.startsAt,
            reason: '老师请假，欢迎改约',
          },
        });
        await this.bookingNotifier.withdrawReminders(manager, appointment);
        await this.waitlist.passSeatOn(manager, appointment.slotId, now);
        cancelled.push({
          appointmentId: appointment.id,
          startsAt: isoInZone(appointment.startsAt, this.timeZone),
          studentName: students.get(appointment.studentId)?.name ?? null,
        });
      }
      return { exceptionId: exception.id, cancelled };
    });
  }

  /** Extra hours on a date: new slots appear at once (the availability rules apply). */
  extraHours(
    user: UserEntity,
    request: CounselorExtraHoursRequest,
    now = new Date(),
  ): Promise<AvailabilityExceptionDto> {
    const advisorId = this.advisorOf(user);
    const date = validDate(request.date, 'date');
    if (date < zonedDate(now, this.timeZone)) {
      throw new RequestValidationException([{ field: 'date', message: 'date must be today or later' }]);
    }
    return this.availability.addException(
      user,
      advisorId,
      {
        date,
        kind: AvailabilityExceptionKind.Extra,
        startTime: request.startTime,
        endTime: request.endTime,
        slotMinutes: request.slotMinutes,
        capacity: request.capacity ?? 1,
        mode: request.mode,
        location: request.location ?? null,
        title: null,
        note: null,
      },
      now,
    );
  }

  /** An appointment of the counselor's own advisor profile: 404 when missing, 403 when someone else's. */
  private async ownAppointment(user: UserEntity, appointmentId: string): Promise<ScheduleRow> {
    const advisorId = this.advisorOf(user);
    const row = await this.repository.scheduleRow(appointmentId);
    if (!row) throw new ResourceNotFoundException('Appointment');
    if (row.advisorId !== advisorId) throw new NotYourAdvisorException();
    return row;
  }

  /** The counselor's latest note per student of these rows, decrypted, with the reads logged in one INSERT. */
  private async lastNotes(
    user: UserEntity,
    rows: ScheduleRow[],
    via: NoteReadVia,
    now: Date,
  ): Promise<Map<string, CounselorNoteDto>> {
    const studentIds = [...new Set(rows.map((row) => row.studentId))];
    if (studentIds.length === 0) return new Map();
    const latest = await this.repository.latestNotesAbout(user.id, studentIds);
    if (latest.length === 0) return new Map();
    const { dtos, reads } = this.notes.open(latest, user, via, new Map([[user.id, user.name]]), now);
    await this.repository.logReads(reads);
    return new Map(latest.map((note) => [note.studentId, dtos.get(note.id) as CounselorNoteDto]));
  }

  private async sharedReflections(user: UserEntity, studentId: string): Promise<ReflectionDto[]> {
    try {
      return (await this.reflections.sharedByStudent(user, studentId)).items;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return [];
      throw error;
    }
  }

  private window(date: string, startTime: string | null, endTime: string | null): { from: Date; to: Date } {
    if ((startTime === null) !== (endTime === null)) {
      throw new RequestValidationException([
        { field: 'endTime', message: 'startTime and endTime go together, or both stay null (the whole day)' },
      ]);
    }
    if (startTime === null || endTime === null) {
      return {
        from: startOfZonedDay(date, this.timeZone),
        to: startOfZonedDay(addDays(date, 1), this.timeZone),
      };
    }
    const from = instantAt(date, minutesOfDay(startTime), this.timeZone);
    const to = instantAt(date, minutesOfDay(endTime), this.timeZone);
    if (!from || !to || to <= from) {
      throw new RequestValidationException([
        { field: 'endTime', message: 'endTime must be after startTime' },
      ]);
    }
    return { from, to };
  }

  private when(at: Date): string {
    const wall = wallTime(at, this.timeZone);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${wall.month}月${wall.day}日 ${pad(wall.hour)}:${pad(wall.minute)}`;
  }
}

/** A real calendar date (2026-02-30 is refused) in the accepted years, named by its field. */
export function validDate(value: string, field: string): string {
  if (!isCalendarDate(value)) {
    throw new RequestValidationException([
      { field, constraint: 'isCalendarDate', message: calendarDateMessage(field) },
    ]);
  }
  return value;
}
