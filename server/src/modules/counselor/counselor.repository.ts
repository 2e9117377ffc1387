import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AdvisingTopic,
  type AppointmentMode,
  AppointmentStatus,
  AvailabilityExceptionKind,
  type Degree,
  Role,
} from '@careerside/shared';
import { affectedRows } from '../../database/transactions';
import { AppointmentEntity } from '../appointments/appointment.entity';
import { UserEntity } from '../users/user.entity';
import {
  CounselorCalendarFeedEntity,
  CounselorInviteEntity,
  CounselorSupervisorEntity,
} from './counselor-access.entity';
import { CounselorNoteEntity, CounselorNoteReadEntity } from './counselor-note.entity';

/** One appointment of the day view, with its student, slot and advisor facts flattened. */
export interface ScheduleRow {
  id: string;
  advisorId: string;
  studentId: string;
  slotId: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  checkedInAt: Date | null;
  topic: AdvisingTopic;
  note: string | null;
  mode: AppointmentMode;
  location: string | null;
  meetingUrl: string | null;
  title: string | null;
  student: {
    id: string;
    name: string | null;
    college: string | null;
    major: string | null;
    degree: Degree | null;
    graduationYear: number | null;
  };
  earlierSessions: number;
}

export interface ScheduleDay {
  closureReason: string | null;
  onLeave: boolean;
  rows: ScheduleRow[];
}

export interface AgendaRow {
  userId: string;
  advisorId: string;
  count: number;
  firstStartsAt: Date;
}

export interface StatsRow {
  advisorId: string;
  advisorName: string;
  offeredSeats: number;
  bookedSeats: number;
  attended: number;
  noShows: number;
  ratingSum: number;
  ratings: number;
}

type RawRow = Record<string, unknown>;

/** mysql2 answers DATETIME as Date; better-sqlite3 as `YYYY-MM-DD HH:MM:SS.SSS` in UTC. */
function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(' ', 'T')}Z`);
}
const toDateOrNull = (value: unknown): Date | null =>
  value === null || value === undefined ? null : toDate(value);
function str(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  throw new Error(`Unexpected SQL value of type ${typeof value}`);
}

// A session "counts" once it was attended, or the student checked in and it was never marked otherwise.
const HELD = `(p.status = 'attended' OR (p.status = 'booked' AND p.checked_in_at IS NOT NULL))`;

/** The counselor workspace's SQL: the day view, notes and their read log, invites, feeds, agenda and stats. */
@Injectable()
export class CounselorRepository {
  constructor(private readonly dataSource: DataSource) {}

  private async raw(
    sql: string,
    parameters: Record<string, unknown>,
    manager?: EntityManager,
  ): Promise<RawRow[]> {
    const runner = manager ?? this.dataSource.manager;
    const [query, values] = runner.connection.driver.escapeQueryWithParameters(sql, parameters);
    return runner.query<RawRow[]>(query, values);
  }

  /**
   * The whole day view in one statement: the day's holiday and leave facts (from a one-row anchor, so an
   * empty day still answers), and each appointment with its student, slot, advisor and the count of earlier
   * sessions of that student with this advisor.
   */
  async scheduleDay(advisorId: string, date: string, from: Date, to: Date): Promise<ScheduleDay> {
    const rows = await this.raw(
      `SELECT
        (SELECT c.reason FROM center_closures c WHERE c.date = :date) AS closure_reason,
        (SELECT COUNT(*) FROM advisor_exceptions e
          WHERE e.advisor_id = :advisorId AND e.date = :date AND e.kind = :leave AND e.start_time IS NULL) AS leave_count,
        a.id AS id, a.advisor_id AS advisor_id, a.student_id AS student_id, a.slot_id AS slot_id,
        a.starts_at AS starts_at, a.ends_at AS ends_at, a.status AS status, a.checked_in_at AS checked_in_at,
        a.topic AS topic, a.note AS note,
        s.mode AS slot_mode, s.location AS slot_location, s.title AS slot_title,
        adv.location AS advisor_location, adv.meeting_url AS meeting_url,
        u.name AS student_name, u.college AS college, u.major AS major, u.degree AS degree,
        u.graduation_year AS graduation_year,
        (SELECT COUNT(*) FROM appointments p
          WHERE p.student_id = a.student_id AND p.advisor_id = a.advisor_id AND p.starts_at < a.starts_at
            AND ${HELD}) AS earlier_sessions
      FROM (SELECT 1 AS anchor) day
      LEFT JOIN appointments a ON a.advisor_id = :advisorId AND a.starts_at >= :from AND a.starts_at < :to
      LEFT JOIN users u ON u.id = a.student_id
      LEFT JOIN slots s ON s.id = a.slot_id
      LEFT JOIN advisors adv ON adv.id = a.advisor_id
      ORDER BY a.starts_at, a.id`,
      { date, advisorId, from, to, leave: AvailabilityExceptionKind.Unavailable },
    );
    const first = rows[0] ?? {};
    return {
      closureReason: str(first.closure_reason),
      onLeave: Number(first.leave_count ?? 0) > 0,
      rows: rows.filter((row) => row.id !== null && row.id !== undefined).map(toScheduleRow),
    };
  }

  /** One appointment in the same shape as the day view. */
  async scheduleRow(appointmentId: string): Promise<ScheduleRow | null> {
    const rows = await this.raw(
      `SELECT a.id AS id, a.advisor_id AS advisor_id, a.student_id AS student_id, a.slot_id AS slot_id,
        a.starts_at AS starts_at, a.ends_at AS ends_at, a.status AS status, a.checked_in_at AS checked_in_at,
        a.topic AS topic, a.note AS note,
        s.mode AS slot_mode, s.location AS slot_location, s.title AS slot_title,
        adv.location AS advisor_location, adv.meeting_url AS meeting_url,
        u.name AS student_name, u.college AS college, u.major AS major, u.degree AS degree,
        u.graduation_year AS graduation_year,
        (SELECT COUNT(*) FROM appointments p
          WHERE p.student_id = a.student_id AND p.advisor_id = a.advisor_id AND p.starts_at < a.starts_at
            AND ${HELD}) AS earlier_sessions
      FROM appointments a
      JOIN users u ON u.id = a.student_id
      LEFT JOIN slots s ON s.id = a.slot_id
      LEFT JOIN advisors adv ON adv.id = a.advisor_id
      WHERE a.id = :appointmentId`,
      { appointmentId },
    );
    return rows[0] ? toScheduleRow(rows[0]) : null;
  }

  /** Earlier appointments of a student with an advisor, latest first. */
  history(studentId: string, advisorId: string, before: Date, limit = 20): Promise<AppointmentEntity[]> {
    return this.dataSource
      .getRepository(AppointmentEntity)
      .createQueryBuilder('appointment')
      .where('appointment.student_id = :studentId', { studentId })
      .andWhere('appointment.advisor_id = :advisorId', { advisorId })
      .andWhere('appointment.starts_at < :before', { before })
      .orderBy('appointment.starts_at', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** Start times of the advisor's appointments (not cancelled) in [from, to): the week overview. */
  async startsBetween(advisorId: string, from: Date, to: Date): Promise<Date[]> {
    const rows = await this.dataSource
      .getRepository(AppointmentEntity)
      .createQueryBuilder('appointment')
      .select('appointment.starts_at', 'starts_at')
      .where('appointment.advisor_id = :advisorId', { advisorId })
      .andWhere('appointment.starts_at >= :from AND appointment.starts_at < :to', { from, to })
      .andWhere('appointment.status <> :cancelled', { cancelled: AppointmentStatus.Cancelled })
      .getRawMany<RawRow>();
    return rows.map((row) => toDate(row.starts_at));
  }

  /** Center closures and the advisor's whole-day leave between two dates (inclusive). */
  async daysOff(
    advisorId: string,
    fromDate: string,
    toDate: string,
  ): Promise<{ closed: Set<string>; leave: Set<string> }> {
    const rows = await this.raw(
      `SELECT c.date AS date, 'closed' AS kind FROM center_closures c WHERE c.date >= :fromDate AND c.date <= :toDate
      UNION ALL
      SELECT e.date AS date, 'leave' AS kind FROM advisor_exceptions e
        WHERE e.advisor_id = :advisorId AND e.kind = :leave AND e.start_time IS NULL
          AND e.date >= :fromDate AND e.date <= :toDate`,
      { advisorId, fromDate, toDate, leave: AvailabilityExceptionKind.Unavailable },
    );
    const pick = (kind: string) =>
      new Set(rows.filter((row) => row.kind === kind).map((row) => String(row.date)));
    return { closed: pick('closed'), leave: pick('leave') };
  }

  /** Booked appointments of the advisor overlapping [from, to) after `after`: what leave cancels. */
  bookedBetween(
    manager: EntityManager,
    advisorId: string,
    from: Date,
    to: Date,
    after: Date,
  ): Promise<AppointmentEntity[]> {
    return manager
      .getRepository(AppointmentEntity)
      .createQueryBuilder('appointment')
      .where('appointment.advisor_id = :advisorId', { advisorId })
      .andWhere('appointment.status = :booked', { booked: AppointmentStatus.Booked })
      .andWhere('appointment.starts_at < :to AND appointment.ends_at > :from', { from, to })
      .andWhere('appointment.starts_at > :after', { after })
      .orderBy('appointment.starts_at', 'ASC')
      .getMany();
  }

  /** The counselor marks the student arrived (as the door-code check-in would). */
  async markArrived(appointmentId: string, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(AppointmentEntity)
      .createQueryBuilder()
      .update(AppointmentEntity)
      .set({ checkedInAt: at, updatedAt: at })
      .where('id = :appointmentId AND checked_in_at IS NULL AND status <> :cancelled', {
        appointmentId,
        cancelled: AppointmentStatus.Cancelled,
      })
      .execute();
    return affectedRows(result) === 1;
  }

  // Notes

  async insertNote(note: CounselorNoteEntity): Promise<void> {
    await this.dataSource.getRepository(CounselorNoteEntity).insert(note);
  }

  /** The author's latest note about each of these students (ties broken by id). */
  async latestNotesAbout(authorId: string, studentIds: string[]): Promise<CounselorNoteEntity[]> {
    if (studentIds.length === 0) return [];
    const rows = await this.raw(
      `SELECT n.id, n.appointment_id, n.advisor_id, n.student_id, n.author_id, n.ciphertext, n.created_at
      FROM counselor_notes n
      WHERE n.author_id = :authorId AND n.student_id IN (:...studentIds)
        AND n.created_at = (SELECT MAX(m.created_at) FROM counselor_notes m
          WHERE m.author_id = n.author_id AND m.student_id = n.student_id)`,
      { authorId, studentIds },
    );
    const latest = new Map<string, CounselorNoteEntity>();
    for (const row of rows) {
      const note = toNote(row);
      const current = latest.get(note.studentId);
      if (!current || current.id < note.id) latest.set(note.studentId, note);
    }
    return [...latest.values()];
  }

  notesOfAppointment(appointmentId: string, authorId: string): Promise<CounselorNoteEntity[]> {
    return this.dataSource.getRepository(CounselorNoteEntity).find({
      where: { appointmentId, authorId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  notesByAuthor(authorId: string, limit: number): Promise<CounselorNoteEntity[]> {
    return this.dataSource.getRepository(CounselorNoteEntity).find({
      where: { authorId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /** One multi-row INSERT for every note a response shows. */
  async logReads(reads: CounselorNoteReadEntity[]): Promise<void> {
    if (reads.length === 0) return;
    await this.dataSource.getRepository(CounselorNoteReadEntity).insert(reads);
  }

  /** Newest first; `before` is the id of the last entry of the previous page. */
  readLog(filter: { authorId?: string; before?: string }, limit: number): Promise<CounselorNoteReadEntity[]> {
    const query = this.dataSource
      .getRepository(CounselorNoteReadEntity)
      .createQueryBuilder('entry')
      .orderBy('entry.id', 'DESC')
      .limit(limit);
    if (filter.authorId) query.andWhere('entry.author_id = :authorId', { authorId: filter.authorId });
    if (filter.before) query.andWhere('entry.id < :before', { before: filter.before });
    return query.getMany();
  }

  // Supervisors

  isSupervisor(supervisorId: string, counselorId: string): Promise<boolean> {
    return this.dataSource.getRepository(CounselorSupervisorEntity).existsBy({ supervisorId, counselorId });
  }

  superviseesOf(supervisorId: string): Promise<CounselorSupervisorEntity[]> {
    return this.dataSource
      .getRepository(CounselorSupervisorEntity)
      .find({ where: { supervisorId }, order: { createdAt: 'ASC' } });
  }

  supervisors(): Promise<CounselorSupervisorEntity[]> {
    return this.dataSource.getRepository(CounselorSupervisorEntity).find({ order: { createdAt: 'DESC' } });
  }

  findSupervisor(id: string): Promise<CounselorSupervisorEntity | null> {
    return this.dataSource.getRepository(CounselorSupervisorEntity).findOneBy({ id });
  }

  async insertSupervisor(row: CounselorSupervisorEntity): Promise<void> {
    await this.dataSource.getRepository(CounselorSupervisorEntity).insert(row);
  }

  async deleteSupervisor(id: string): Promise<void> {
    await this.dataSource.getRepository(CounselorSupervisorEntity).delete({ id });
  }

  // Users

  usersByIds(ids: string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('user.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
  }

  counselorsOfAdvisors(advisorIds: string[]): Promise<UserEntity[]> {
    if (advisorIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('user.role = :role', { role: Role.Counselor })
      .andWhere('user.advisor_id IN (:...advisorIds)', { advisorIds })
      .getMany();
  }

  // Invites

  async insertInvite(invite: CounselorInviteEntity): Promise<void> {
    await this.dataSource.getRepository(CounselorInviteEntity).insert(invite);
  }

  findInviteByHash(manager: EntityManager, codeHash: string): Promise<CounselorInviteEntity | null> {
    return manager.getRepository(CounselorInviteEntity).findOneBy({ codeHash });
  }

  /** Once: false when someone else redeemed it first. */
  async redeemInvite(manager: EntityManager, id: string, userId: string, at: Date): Promise<boolean> {
    const result = await manager
      .getRepository(CounselorInviteEntity)
      .createQueryBuilder()
      .update(CounselorInviteEntity)
      .set({ usedBy: userId, usedAt: at, updatedAt: at })
      .where('id = :id AND used_at IS NULL AND expires_at > :at', { id, at })
      .execute();
    return affectedRows(result) === 1;
  }

  async bindCounselor(manager: EntityManager, userId: string, advisorId: string, at: Date): Promise<void> {
    await manager
      .getRepository(UserEntity)
      .update({ id: userId }, { role: Role.Counselor, advisorId, updatedAt: at });
  }

  // Calendar feeds

  findFeedOf(userId: string): Promise<CounselorCalendarFeedEntity | null> {
    return this.dataSource.getRepository(CounselorCalendarFeedEntity).findOneBy({ userId });
  }

  findFeedByHash(tokenHash: string): Promise<CounselorCalendarFeedEntity | null> {
    return this.dataSource.getRepository(CounselorCalendarFeedEntity).findOneBy({ tokenHash });
  }

  async saveFeed(feed: CounselorCalendarFeedEntity): Promise<void> {
    await this.dataSource.getRepository(CounselorCalendarFeedEntity).upsert(feed, ['userId']);
  }

  /** The advisor's appointments (cancelled included, so calendars drop them) starting in [from, to). */
  async feedAppointments(advisorId: string, from: Date, to: Date): Promise<ScheduleRow[]> {
    const rows = await this.raw(
      `SELECT a.id AS id, a.advisor_id AS advisor_id, a.student_id AS student_id, a.slot_id AS slot_id,
        a.starts_at AS starts_at, a.ends_at AS ends_at, a.status AS status, a.checked_in_at AS checked_in_at,
        a.topic AS topic, NULL AS note,
        s.mode AS slot_mode, s.location AS slot_location, s.title AS slot_title,
        adv.location AS advisor_location, adv.meeting_url AS meeting_url,
        u.name AS student_name, NULL AS college, NULL AS major, NULL AS degree, NULL AS graduation_year,
        0 AS earlier_sessions
      FROM appointments a
      JOIN users u ON u.id = a.student_id
      LEFT JOIN slots s ON s.id = a.slot_id
      LEFT JOIN advisors adv ON adv.id = a.advisor_id
      WHERE a.advisor_id = :advisorId AND a.starts_at >= :from AND a.starts_at < :to
      ORDER BY a.starts_at, a.id
      LIMIT 2000`,
      { advisorId, from, to },
    );
    return rows.map(toScheduleRow);
  }

  // Morning agenda and staff stats

  /** Per counselor bound to an advisor: booked appointments starting in [from, to) and the first start. */
  async agendas(from: Date, to: Date): Promise<AgendaRow[]> {
    const rows = await this.raw(
      `SELECT u.id AS user_id, a.advisor_id AS advisor_id, COUNT(*) AS appointments, MIN(a.starts_at) AS first_starts_at
      FROM appointments a
      JOIN users u ON u.advisor_id = a.advisor_id AND u.role = :counselor
      WHERE a.starts_at >= :from AND a.starts_at < :to AND a.status = :booked
      GROUP BY u.id, a.advisor_id`,
      { from, to, counselor: Role.Counselor, booked: AppointmentStatus.Booked },
    );
    return rows.map((row) => ({
      userId: String(row.user_id),
      advisorId: String(row.advisor_id),
      count: Number(row.appointments),
      firstStartsAt: toDate(row.first_starts_at),
    }));
  }

  /** Seats offered (slots not withdrawn) and what became of the appointments, per advisor, in [from, to). */
  async stats(from: Date, to: Date): Promise<StatsRow[]> {
    const rows = await this.raw(
      `SELECT adv.id AS advisor_id, adv.name AS advisor_name,
        COALESCE(offered.seats, 0) AS offered_seats,
        COALESCE(outcome.booked, 0) AS booked_seats,
        COALESCE(outcome.attended, 0) AS attended,
        COALESCE(outcome.no_shows, 0) AS no_shows,
        COALESCE(outcome.rating_sum, 0) AS rating_sum,
        COALESCE(outcome.ratings, 0) AS ratings
      FROM advisors adv
      LEFT JOIN (
        SELECT s.advisor_id AS advisor_id, SUM(s.capacity) AS seats FROM slots s
        WHERE s.starts_at >= :from AND s.starts_at < :to AND (s.withdrawn = :no OR s.booked > 0)
        GROUP BY s.advisor_id
      ) offered ON offered.advisor_id = adv.id
      LEFT JOIN (
        SELECT a.advisor_id AS advisor_id,
          SUM(CASE WHEN a.status <> :cancelled THEN 1 ELSE 0 END) AS booked,
          SUM(CASE WHEN a.status = :attended OR (a.status = :bookedStatus AND a.checked_in_at IS NOT NULL AND a.ends_at <= :now) THEN 1 ELSE 0 END) AS attended,
          SUM(CASE WHEN a.status = :noShow THEN 1 ELSE 0 END) AS no_shows,
          SUM(COALESCE(a.rating, 0)) AS rating_sum,
          SUM(CASE WHEN a.rating IS NULL THEN 0 ELSE 1 END) AS ratings
        FROM appointments a
        WHERE a.starts_at >= :from AND a.starts_at < :to
        GROUP BY a.advisor_id
      ) outcome ON outcome.advisor_id = adv.id
      ORDER BY adv.name, adv.id`,
      {
        from,
        to,
        no: false,
        now: new Date(),
        cancelled: AppointmentStatus.Cancelled,
        attended: AppointmentStatus.Attended,
        bookedStatus: AppointmentStatus.Booked,
        noShow: AppointmentStatus.NoShow,
      },
    );
    return rows.map((row) => ({
      advisorId: String(row.advisor_id),
      advisorName: String(row.advisor_name),
      offeredSeats: Number(row.offered_seats),
      bookedSeats: Number(row.booked_seats),
      attended: Number(row.attended),
      noShows: Number(row.no_shows),
      ratingSum: Number(row.rating_sum),
      ratings: Number(row.ratings),
    }));
  }
}

function toScheduleRow(row: RawRow): ScheduleRow {
  const mode = (str(row.slot_mode) ?? 'in_person') as AppointmentMode;
  return {
    id: String(row.id),
    advisorId: String(row.advisor_id),
    studentId: String(row.student_id),
    slotId: String(row.slot_id),
    startsAt: toDate(row.starts_at),
    endsAt: toDate(row.ends_at),
    status: row.status as AppointmentStatus,
    checkedInAt: toDateOrNull(row.checked_in_at),
    topic: row.topic as AdvisingTopic,
    note: str(row.note),
    mode,
    location: str(row.slot_location) ?? str(row.advisor_location),
    meetingUrl: mode === 'online' ? str(row.meeting_url) : null,
    title: str(row.slot_title),
    student: {
      id: String(row.student_id),
      name: str(row.student_name),
      college: str(row.college),
      major: str(row.major),
      degree: str(row.degree) as Degree | null,
      graduationYear:
        row.graduation_year === null || row.graduation_year === undefined
          ? null
          : Number(row.graduation_year),
    },
    earlierSessions: Number(row.earlier_sessions ?? 0),
  };
}

function toNote(row: RawRow): CounselorNoteEntity {
  return Object.assign(new CounselorNoteEntity(), {
    id: String(row.id),
    appointmentId: String(row.appointment_id),
    advisorId: String(row.advisor_id),
    studentId: String(row.student_id),
    authorId: String(row.author_id),
    ciphertext: String(row.ciphertext),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.created_at),
  });
}
