import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { AppointmentStatus, type CancelledBy } from '@careerside/shared';
import { affectedRows } from '../../database/transactions';
import { UserEntity } from '../users/user.entity';
import { AppointmentEntity } from './appointment.entity';

@Injectable()
export class AppointmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(AppointmentEntity);
  }

  /**
   * Serialises one student's bookings on MySQL/MariaDB (SELECT ... FOR UPDATE on their user row), so two
   * requests from the same student cannot both pass the per-student rules. SQLite runs one writer at a time.
   */
  async lockStudent(manager: EntityManager, studentId: string): Promise<void> {
    const type = manager.connection.options.type;
    if (type !== 'mysql' && type !== 'mariadb') return;
    await manager
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .select('user.id')
      .setLock('pessimistic_write')
      .where('user.id = :studentId', { studentId })
      .getOne();
  }

  findById(id: string, manager?: EntityManager): Promise<AppointmentEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  async insert(manager: EntityManager, appointment: AppointmentEntity): Promise<void> {
    await this.repo(manager).insert(appointment);
  }

  async hasActiveInSlot(manager: EntityManager, studentId: string, slotId: string): Promise<boolean> {
    return (await this.repo(manager).countBy({ studentId, activeKey: slotId })) > 0;
  }

  /** Booked appointments that have not ended yet: what "active" means for the per-student limit. */
  countActive(manager: EntityManager, studentId: string, now: Date, excludeId?: string): Promise<number> {
    const query = this.repo(manager)
      .createQueryBuilder('appointment')
      .where('appointment.student_id = :studentId', { studentId })
      .andWhere('appointment.status = :status', { status: AppointmentStatus.Booked })
      .andWhere('appointment.ends_at > :now', { now });
    if (excludeId) query.andWhere('appointment.id <> :excludeId', { excludeId });
    return query.getCount();
  }

  /** The student's appointments (not cancelled) that overlap [startsAt, endsAt), or start in [dayStart, dayEnd) with the advisor. */
  conflicts(
    manager: EntityManager,
    studentId: string,
    window: { startsAt: Date; endsAt: Date; advisorId: string; dayStart: Date; dayEnd: Date },
    excludeId?: string,
  ): Promise<AppointmentEntity[]> {
    const query = this.repo(manager)
      .createQueryBuilder('appointment')
      .where('appointment.student_id = :studentId', { studentId })
      .andWhere('appointment.status <> :cancelled', { cancelled: AppointmentStatus.Cancelled })
      .andWhere(
        new Brackets((either) => {
          either
            .where('appointment.starts_at < :endsAt AND appointment.ends_at > :startsAt', window)
            .orWhere(
              'appointment.advisor_id = :advisorId AND appointment.starts_at >= :dayStart AND appointment.starts_at < :dayEnd',
              window,
            );
        }),
      );
    if (excludeId) query.andWhere('appointment.id <> :excludeId', { excludeId });
    return query.getMany();
  }

  /** For cancelled appointments that a reschedule replaced: old id -> the id of the appointment it moved to. */
  async successorsOf(appointments: AppointmentEntity[]): Promise<Map<string, string>> {
    const moved = appointments.filter((appointment) => appointment.status === AppointmentStatus.Cancelled);
    if (moved.length === 0) return new Map();
    const rows = await this.repo()
      .createQueryBuilder('appointment')
      .select('appointment.id', 'id')
      .addSelect('appointment.rescheduled_from_id', 'fromId')
      .where('appointment.student_id IN (:...studentIds)', {
        studentIds: [...new Set(moved.map((appointment) => appointment.studentId))],
      })
      .andWhere('appointment.rescheduled_from_id IN (:...ids)', {
        ids: moved.map((appointment) => appointment.id),
      })
      .getRawMany<{ id: string; fromId: string }>();
    return new Map(rows.map((row) => [row.fromId, row.id]));
  }

  listForStudent(studentId: string, scope: 'upcoming' | 'past', now: Date): Promise<AppointmentEntity[]> {
    const query = this.repo()
      .createQueryBuilder('appointment')
      .where('appointment.student_id = :studentId', { studentId });
    if (scope === 'upcoming') {
      return query
        .andWhere('appointment.status = :status', { status: AppointmentStatus.Booked })
        .andWhere('appointment.ends_at > :now', { now })
        .orderBy('appointment.starts_at', 'ASC')
        .getMany();
    }
    return query
      .andWhere(
        new Brackets((either) => {
          either
            .where('appointment.status <> :status', { status: AppointmentStatus.Booked })
            .orWhere('appointment.ends_at <= :now', { now });
        }),
      )
      .orderBy('appointment.starts_at', 'DESC')
      .limit(100)
      .getMany();
  }

  /** Whether the student has (or had) an appointment with the advisor that was not cancelled. */
  async studentHasAppointmentWith(studentId: string, advisorId: string): Promise<boolean> {
    const count = await this.repo()
      .createQueryBuilder('appointment')
      .where('appointment.student_id = :studentId', { studentId })
      .andWhere('appointment.advisor_id = :advisorId', { advisorId })
      .andWhere('appointment.status <> :cancelled', { cancelled: AppointmentStatus.Cancelled })
      .limit(1)
      .getCount();
    return count > 0;
  }

  /** The student's booked appointments with an advisor that start in [from, to). */
  bookedWithAdvisor(
    studentId: string,
    advisorId: string,
    from: Date,
    to: Date,
  ): Promise<AppointmentEntity[]> {
    return this.repo()
      .createQueryBuilder('appointment')
      .where('appointment.student_id = :studentId', { studentId })
      .andWhere('appointment.advisor_id = :advisorId', { advisorId })
      .andWhere('appointment.status = :status', { status: AppointmentStatus.Booked })
      .andWhere('appointment.starts_at >= :from AND appointment.starts_at < :to', { from, to })
      .orderBy('appointment.starts_at', 'ASC')
      .getMany();
  }

  /** booked -> cancelled, once: false when it was not booked any more (a concurrent cancel won). */
  async cancel(
    manager: EntityManager,
    id: string,
    change: { at: Date; by: CancelledBy; late: boolean },
  ): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update(AppointmentEntity)
      .set({
        status: AppointmentStatus.Cancelled,
        activeKey: null,
        cancelledAt: change.at,
        cancelledBy: change.by,
        lateCancellation: change.late,
        updatedAt: change.at,
      })
      .where('id = :id AND status = :booked', { id, booked: AppointmentStatus.Booked })
      .execute();
    return affectedRows(result) === 1;
  }

  async checkIn(id: string, at: Date): Promise<boolean> {
    const result = await this.repo()
      .createQueryBuilder()
      .update(AppointmentEntity)
      .set({ checkedInAt: at, updatedAt: at })
      .where('id = :id AND checked_in_at IS NULL AND status = :booked', {
        id,
        booked: AppointmentStatus.Booked,
      })
      .execute();
    return affectedRows(result) === 1;
  }

  async rate(id: string, rating: number, feedback: string | null, at: Date): Promise<boolean> {
    const result = await this.repo()
      .createQueryBuilder()
      .update(AppointmentEntity)
      .set({ rating, feedback, ratedAt: at, updatedAt: at })
      .where('id = :id AND rating IS NULL', { id })
      .execute();
    return affectedRows(result) === 1;
  }

  async markAttendance(
    manager: EntityManager,
    id: string,
    status: AppointmentStatus,
    at: Date,
  ): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update(AppointmentEntity)
      .set({ status, attendanceMarkedAt: at, updatedAt: at })
      .where('id = :id AND status <> :cancelled', { id, cancelled: AppointmentStatus.Cancelled })
      .execute();
    return affectedRows(result) === 1;
  }
}
