import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { addDays, startOfZonedDay, zonedDate } from '../../common/time/zoned-time';
import { type ExceptionInput, generateSlots, type WeeklyRuleInput } from './slot-generator';
import { SlotEntity } from './slot.entity';
import { SlotsRepository } from './slots.repository';

/** Days of slots kept beyond the booking horizon, so tomorrow's horizon already exists tonight. */
export const MATERIALISE_MARGIN_DAYS = 7;

export interface AvailabilitySnapshot {
  rules: readonly WeeklyRuleInput[];
  exceptions: readonly ExceptionInput[];
  closedDates: ReadonlySet<string>;
}

export interface SyncSummary {
  created: number;
  updated: number;
  deleted: number;
  withdrawn: number;
}

/**
 * Keeps an advisor's future slots in step with their availability: new times are inserted, changed ones
 * updated in place (same id), and times no longer offered deleted, or withdrawn when seats are taken so the
 * appointments in them survive. Past slots are never touched.
 */
@Injectable()
export class SlotMaterializer {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly slots: SlotsRepository,
  ) {}

  window(now: Date): { from: string; to: string } {
    const from = zonedDate(now, this.config.center.timezone);
    return { from, to: addDays(from, this.config.booking.horizonDays + MATERIALISE_MARGIN_DAYS) };
  }

  async sync(
    manager: EntityManager,
    advisorId: string,
    availability: AvailabilitySnapshot,
    now: Date,
  ): Promise<SyncSummary> {
    const { from, to } = this.window(now);
    const desired = generateSlots({
      ...availability,
      from,
      to,
      timeZone: this.config.center.timezone,
    }).filter((slot) => slot.startsAt > now);
    const until = startOfZonedDay(addDays(to, 1), this.config.center.timezone);
    const existing = new Map(
      (await this.slots.futureOf(manager, advisorId, now, until)).map((slot) => [
        slot.startsAt.getTime(),
        slot,
      ]),
    );
    const summary: SyncSummary = { created: 0, updated: 0, deleted: 0, withdrawn: 0 };
    const inserts: SlotEntity[] = [];

    for (const slot of desired) {
      const current = existing.get(slot.startsAt.getTime());
      existing.delete(slot.startsAt.getTime());
      if (!current) {
        inserts.push(
          Object.assign(new SlotEntity(), {
            id: randomUUID(),
            advisorId,
            ...slot,
            booked: 0,
            withdrawn: false,
            createdAt: now,
            updatedAt: now,
          }),
        );
        continue;
      }
      const changed =
        current.withdrawn ||
        current.endsAt.getTime() !== slot.endsAt.getTime() ||
        current.capacity !== Math.max(slot.capacity, current.booked) ||
        current.mode !== slot.mode ||
        current.location !== slot.location ||
        current.title !== slot.title;
      if (changed) {
        await this.slots.updateSettings(manager, current.id, slot);
        summary.updated += 1;
      }
    }
    await this.slots.insertMany(manager, inserts);
    summary.created = inserts.length;

    for (const stale of existing.values()) {
      if (stale.withdrawn) continue;
      const outcome = await this.slots.removeOrWithdraw(manager, stale.id);
      summary[outcome] += 1;
    }
    return summary;
  }
}
