import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { WaitlistStatus } from '@careerside/shared';
import { affectedRows } from '../../database/transactions';
import { SlotEntity } from '../slots/slot.entity';
import { WaitlistEntryEntity } from './waitlist-entry.entity';

const ACTIVE = [WaitlistStatus.Waiting, WaitlistStatus.Offered];

@Injectable()
export class WaitlistRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(WaitlistEntryEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<WaitlistEntryEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  async insert(manager: EntityManager, entry: WaitlistEntryEntity): Promise<void> {
    await this.repo(manager).insert(entry);
  }

  /** First in line: earliest joined, then id, among those still waiting. */
  nextWaiting(manager: EntityManager, slotId: string, skip: string[]): Promise<WaitlistEntryEntity | null> {
    const query = this.repo(manager)
      .createQueryBuilder('entry')
      .where('entry.slot_id = :slotId AND entry.status = :waiting', {
        slotId,
        waiting: WaitlistStatus.Waiting,
      })
      .orderBy('entry.created_at', 'ASC')
      .addOrderBy('entry.id', 'ASC');
    if (skip.length > 0) query.andWhere('entry.id NOT IN (:...skip)', { skip });
    return query.getOne();
  }

  /** waiting -> offered, only if still waiting (two freed seats never offer the same entry twice). */
  async offer(manager: EntityManager, id: string, holdExpiresAt: Date, now: Date): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update(WaitlistEntryEntity)
      .set({ status: WaitlistStatus.Offered, offeredAt: now, holdExpiresAt, updatedAt: now })
      .where('id = :id AND status = :waiting', { id, waiting: WaitlistStatus.Waiting })
      .execute();
    return affectedRows(result) === 1;
  }

  /** Moves an entry out of line (accepted, expired, declined, left, closed), only from the given status. */
  async finish(
    manager: EntityManager,
    id: string,
    from: WaitlistStatus[],
    to: WaitlistStatus,
    now: Date,
    extra: { appointmentId?: string; onlyExpiredBy?: Date } = {},
  ): Promise<boolean> {
    const query = this.repo(manager)
      .createQueryBuilder()
      .update(WaitlistEntryEntity)
      .set({
        status: to,
        activeKey: null,
        updatedAt: now,
        ...(extra.appointmentId ? { appointmentId: extra.appointmentId } : {}),
      })
      .where('id = :id AND status IN (:...from)', { id, from });
    if (extra.onlyExpiredBy) query.andWhere('hold_expires_at <= :by', { by: extra.onlyExpiredBy });
    return affectedRows(await query.execute()) === 1;
  }

  /** Offers whose hold has run out. */
  expiredOffers(now: Date, limit = 100): Promise<WaitlistEntryEntity[]> {
    return this.repo()
      .createQueryBuilder('entry')
      .where('entry.status = :offered AND entry.hold_expires_at <= :now', {
        offered: WaitlistStatus.Offered,
        now,
      })
      .orderBy('entry.hold_expires_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Closes the line of every slot that can no longer be booked (inside the minimum notice). */
  async closeLinesStartingBefore(manager: EntityManager, before: Date, now: Date): Promise<number> {
    const slotIds = manager
      .getRepository(SlotEntity)
      .createQueryBuilder('slot')
      .select('slot.id')
      .where('slot.starts_at <= :before');
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update(WaitlistEntryEntity)
      .set({ status: WaitlistStatus.Closed, activeKey: null, updatedAt: now })
      .where('status = :waiting', { waiting: WaitlistStatus.Waiting })
      .andWhere(`slot_id IN (${slotIds.getQuery()})`)
      .setParameters({ before })
      .execute();
    return affectedRows(result);
  }

  forStudent(studentId: string): Promise<WaitlistEntryEntity[]> {
    return this.repo()
      .createQueryBuilder('entry')
      .where('entry.student_id = :studentId AND entry.status IN (:...active)', { studentId, active: ACTIVE })
      .orderBy('entry.created_at', 'ASC')
      .getMany();
  }

  /**
   * The slots whose line the student is in (waiting or holding a seat), among slots that have not started:
   * a line the periodic sweep has not closed yet does not count against the student.
   */
  async activeSlotIdsForStudent(manager: EntityManager, studentId: string, now: Date): Promise<string[]> {
    const rows = await this.repo(manager)
      .createQueryBuilder('entry')
      .select('entry.slot_id', 'slotId')
      .innerJoin(SlotEntity, 'slot', 'slot.id = entry.slot_id')
      .where('entry.student_id = :studentId AND entry.status IN (:...active)', { studentId, active: ACTIVE })
      .andWhere('slot.starts_at > :now', { now })
      .getRawMany<{ slotId: string }>();
    return rows.map((row) => row.slotId);
  }

  /** Place in line among those still waiting (1 = next); null when not waiting. */
  async position(entry: WaitlistEntryEntity): Promise<number | null> {
    if (entry.status !== WaitlistStatus.Waiting) return null;
    const ahead = await this.repo()
      .createQueryBuilder('entry')
      .where('entry.slot_id = :slotId AND entry.status = :waiting', {
        slotId: entry.slotId,
        waiting: WaitlistStatus.Waiting,
      })
      .andWhere('(entry.created_at < :createdAt OR (entry.created_at = :createdAt AND entry.id < :id))', {
        createdAt: entry.createdAt,
        id: entry.id,
      })
      .getCount();
    return ahead + 1;
  }
}
