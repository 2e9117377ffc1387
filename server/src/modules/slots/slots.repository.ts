import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { WaitlistStatus } from '@careerside/shared';
import { affectedRows } from '../../database/transactions';
import { SlotListingCache } from './slot-listing-cache';
import { SlotEntity } from './slot.entity';

@Injectable()
export class SlotsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly listings: SlotListingCache,
  ) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(SlotEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<SlotEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<SlotEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo().createQueryBuilder('slot').where('slot.id IN (:...ids)', { ids }).getMany();
  }

  /** An advisor's slots starting in [from, to), earliest first. */
  listForAdvisor(advisorId: string, from: Date, to: Date): Promise<SlotEntity[]> {
    return this.repo()
      .createQueryBuilder('slot')
      .where('slot.advisor_id = :advisorId', { advisorId })
      .andWhere('slot.starts_at >= :from', { from })
      .andWhere('slot.starts_at < :to', { to })
      .orderBy('slot.starts_at', 'ASC')
      .getMany();
  }

  /** Future slots of an advisor up to `to`, for the materialiser to compare with what the rules say. */
  futureOf(manager: EntityManager, advisorId: string, after: Date, to: Date): Promise<SlotEntity[]> {
    return this.repo(manager)
      .createQueryBuilder('slot')
      .where('slot.advisor_id = :advisorId', { advisorId })
      .andWhere('slot.starts_at > :after', { after })
      .andWhere('slot.starts_at < :to', { to })
      .getMany();
  }

  /** The soonest bookable start per advisor in [from, to). */
  async nextAvailable(advisorIds: string[], from: Date, to: Date): Promise<Map<string, Date>> {
    if (advisorIds.length === 0) return new Map();
    const rows = await this.repo()
      .createQueryBuilder('slot')
      .select('slot.advisor_id', 'advisorId')
      .addSelect('MIN(slot.starts_at)', 'startsAt')
      .where('slot.advisor_id IN (:...advisorIds)', { advisorIds })
      .andWhere('slot.starts_at >= :from', { from })
      .andWhere('slot.starts_at < :to', { to })
      .andWhere('slot.booked < slot.capacity')
      .andWhere('slot.withdrawn = :withdrawn', { withdrawn: false })
      .groupBy('slot.advisor_id')
      .getRawMany<{ advisorId: string; startsAt: string | Date }>();
    return new Map(rows.map((row) => [row.advisorId, parseDbInstant(row.startsAt)]));
  }

  /** Students waiting or holding an offer, per slot. */
  async waitlistLengths(slotIds: string[]): Promise<Map<string, number>> {
    if (slotIds.length === 0) return new Map();
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('entry.slot_id', 'slotId')
      .addSelect('COUNT(*)', 'waiting')
      .from('waitlist_entries', 'entry')
      .where('entry.slot_id IN (:...slotIds)', { slotIds })
      .andWhere('entry.status IN (:...statuses)', {
        statuses: [WaitlistStatus.Waiting, WaitlistStatus.Offered],
      })
      .groupBy('entry.slot_id')
      .getRawMany<{ slotId: string; waiting: string | number }>();
    return new Map(rows.map((row) => [row.slotId, Number(row.waiting)]));
  }

  /** Takes one seat if one is left: the one place a seat is ever taken. False when the slot is full or gone. */
  async takeSeat(manager: EntityManager, slotId: string): Promise<boolean> {
    this.listings.clear();
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update(SlotEntity)
      .set({ booked: () => 'booked + 1' })
      .where('id = :slotId', { slotId })
      .andWhere('booked < capacity')
      .andWhere('withdrawn = :withdrawn', { withdrawn: false })
      .execute();
    return affectedRows(result) === 1;
  }

  async releaseSeat(manager: EntityManager, slotId: string): Promise<void> {
    this.listings.clear();
    await this.repo(manager)
      .createQueryBuilder()
      .update(SlotEntity)
      .set({ booked: () => 'booked - 1' })
      .where('id = :slotId', { slotId })
      .andWhere('booked > 0')
      .execute();
  }

  async insertMany(manager: EntityManager, slots: SlotEntity[]): Promise<void> {
    this.listings.clear();
    for (let i = 0; i < slots.length; i += 200) await this.repo(manager).insert(slots.slice(i, i + 200));
  }

  /** Follows changed settings; capacity never drops below the seats already taken. */
  async updateSettings(
    manager: EntityManager,
    id: string,
    settings: Pick<SlotEntity, 'endsAt' | 'capacity' | 'mode' | 'location' | 'title'>,
  ): Promise<void> {
    this.listings.clear();
    await this.repo(manager)
      .createQueryBuilder()
      .update(SlotEntity)
      .set({
        endsAt: settings.endsAt,
        mode: settings.mode,
        location: settings.location,
        title: settings.title,
        withdrawn: false,
        capacity: () =>
          `CASE WHEN booked > ${Math.trunc(settings.capacity)} THEN booked ELSE ${Math.trunc(settings.capacity)} END`,
      })
      .where('id = :id', { id })
      .execute();
  }

  /** Deletes a slot nobody holds a seat in; one with seats taken is withdrawn instead (kept, not bookable). */
  async removeOrWithdraw(manager: EntityManager, id: string): Promise<'deleted' | 'withdrawn'> {
    this.listings.clear();
    const deleted = await this.repo(manager)
      .createQueryBuilder()
      .delete()
      .from(SlotEntity)
      .where('id = :id', { id })
      .andWhere('booked = 0')
      .execute();
    if (affectedRows(deleted) === 1) return 'deleted';
    await this.repo(manager).update({ id }, { withdrawn: true });
    return 'withdrawn';
  }
}

/** MIN() over a DATETIME comes back as a Date from mysql2 and as UTC text from SQLite. */
export function parseDbInstant(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
