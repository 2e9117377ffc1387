import { Injectable } from '@nestjs/common';
import type { SlotDto, SlotListResponse } from '@careerside/shared';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { addDays, startOfZonedDay, zonedDate } from '../../common/time/zoned-time';
import { SlotListingCache } from './slot-listing-cache';
import type { SlotEntity } from './slot.entity';
import { toSlotDto } from './slot.mapper';
import { SlotsRepository } from './slots.repository';

@Injectable()
export class SlotsService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly slots: SlotsRepository,
    private readonly listings: SlotListingCache,
  ) {}

  /** The last calendar date (center time) a student can book on. */
  horizonEnd(now: Date): string {
    return addDays(zonedDate(now, this.config.center.timezone), this.config.booking.horizonDays);
  }

  bookableFrom(now: Date): Date {
    return new Date(now.getTime() + this.config.booking.minNoticeMinutes * 60_000);
  }

  /**
   * An advisor's slots between two dates (center time, inclusive), clipped to now and the booking horizon:
   * what a student can see is what they can book or waitlist.
   */
  async listForAdvisor(
    advisorId: string,
    range: { from?: string; to?: string },
    now = new Date(),
  ): Promise<SlotListResponse> {
    const timeZone = this.config.center.timezone;
    const today = zonedDate(now, timeZone);
    const horizonEnd = this.horizonEnd(now);
    const from = range.from && range.from > today ? range.from : today;
    const to = range.to && range.to < horizonEnd ? range.to : horizonEnd;
    if (from > to) return { items: [], from, to, timezone: timeZone };

    // Keyed to the minute: which slots are past or inside the notice changes with the clock.
    const key = `${advisorId}|${from}|${to}|${Math.floor(now.getTime() / 60_000)}`;
    const cached = this.listings.get(key, now.getTime());
    if (cached) return cached;
    const start = new Date(Math.max(startOfZonedDay(from, timeZone).getTime(), now.getTime()));
    const end = startOfZonedDay(addDays(to, 1), timeZone);
    const slots = await this.slots.listForAdvisor(advisorId, start, end);
    const listing = { items: await this.toDtos(slots, now), from, to, timezone: timeZone };
    this.listings.set(key, listing, now.getTime());
    return listing;
  }

  async toDtos(slots: SlotEntity[], now = new Date()): Promise<SlotDto[]> {
    // Only a full slot can have a waitlist (a held seat counts as taken).
    const full = slots.filter((slot) => slot.booked >= slot.capacity).map((slot) => slot.id);
    const waiting = await this.slots.waitlistLengths(full);
    const bookableFrom = this.bookableFrom(now);
    const timeZone = this.config.center.timezone;
    return slots.map((slot) =>
      toSlotDto(slot, { timeZone, bookableFrom, waitlistLength: waiting.get(slot.id) ?? 0 }),
    );
  }
}
