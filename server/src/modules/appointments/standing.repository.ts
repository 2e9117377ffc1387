import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { BookingStrikeEntity } from './booking-strike.entity';
import { BookingSuspensionEntity } from './booking-suspension.entity';

/** Strikes (no-shows, late cancellations) and the suspensions they lead to. */
@Injectable()
export class StandingRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The suspension in force at `now`, the one ending last if several overlap. */
  currentSuspension(
    studentId: string,
    now: Date,
    manager?: EntityManager,
  ): Promise<BookingSuspensionEntity | null> {
    return this.manager(manager)
      .getRepository(BookingSuspensionEntity)
      .createQueryBuilder('suspension')
      .where('suspension.student_id = :studentId', { studentId })
      .andWhere('suspension.starts_at <= :now AND suspension.ends_at > :now', { now })
      .orderBy('suspension.ends_at', 'DESC')
      .getOne();
  }

  latestSuspension(studentId: string, manager?: EntityManager): Promise<BookingSuspensionEntity | null> {
    return this.manager(manager)
      .getRepository(BookingSuspensionEntity)
      .createQueryBuilder('suspension')
      .where('suspension.student_id = :studentId', { studentId })
      .orderBy('suspension.starts_at', 'DESC')
      .getOne();
  }

  /** Strikes after `since`, oldest first. */
  strikesSince(studentId: string, since: Date, manager?: EntityManager): Promise<BookingStrikeEntity[]> {
    return this.manager(manager)
      .getRepository(BookingStrikeEntity)
      .createQueryBuilder('strike')
      .where('strike.student_id = :studentId', { studentId })
      .andWhere('strike.occurred_at > :since', { since })
      .orderBy('strike.occurred_at', 'ASC')
      .getMany();
  }

  /** One strike per appointment: a repeat (the same no-show marked twice) changes nothing. */
  async insertStrike(manager: EntityManager, strike: BookingStrikeEntity): Promise<void> {
    await manager
      .getRepository(BookingStrikeEntity)
      .createQueryBuilder()
      .insert()
      .values(strike)
      .orIgnore()
      .execute();
  }

  async deleteStrike(manager: EntityManager, appointmentId: string): Promise<void> {
    await manager.getRepository(BookingStrikeEntity).delete({ appointmentId });
  }

  async insertSuspension(manager: EntityManager, suspension: BookingSuspensionEntity): Promise<void> {
    await manager.getRepository(BookingSuspensionEntity).insert(suspension);
  }
}
