import { Injectable } from '@nestjs/common';
import type { SlotDto, SlotListResponse } from '@careerside/shared';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { type JsonText, toJsonText } from '../../common/http/json-text';
import { addDays, startOfZonedDay, zonedDate } from '../../common/time/zoned-time';
import { SlotListingCache } from './slot-listing-cache';
import type { SlotEntity } from './slot.entity';
import { toSlotDto } from './slot.mapper';
import { SlotsRepository } from './slots.repository';

@Injectable()
export class SlotsService {
  private calendar: { minute: number; today: string; horizonEnd: string } | null = null;

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
    const { from, to } = this.window(range, now);
    if (from > to) return { items: [], from, to, timezone: timeZone };
    const start = new Date(Math.max(startOfZonedDay(from, timeZone).getTime(), now.getTime()));
    const end = startOfZonedDay(addDays(to, 1), timeZone);
    const slots = await this.slots.listForAdvisor(advisorId, start, end);
    return { items: await this.toDtos(slots, now), from, to, timezone: timeZone };
  }

  /**
   * The serialized listing stored for this advisor (as the caller named it: id or short code) and range, if
   * one is fresh. Only active advisors' listings are stored, so a hit needs no visibility check.
   */
  cachedListing(
    advisorKey: string,
    range: { from?: string; to?: string },
    now = new Date(),
  ): JsonText<SlotListResponse> | null {
    return this.listings.get(this.listingKey(advisorKey, range, now));
  }

  /**
   * The serialized listing of the active advisor `findActive` finds (null: none by that key), stored for the
   * next second and computed once for all the requests that miss together.
   */
  sharedListing(
    advisorKey: string,
    range: { from?: string; to?: string },
    findActive: () => Promise<{ id: string } | null>,
    now = new Date(),
  ): Promise<JsonText<SlotListResponse> | null> {
    return this.listings.share(this.listingKey(advisorKey, range, now), async () => {
      const advisor = await findActive();
      return advisor ? toJsonText(await this.listForAdvisor(advisor.id, range, now)) : null;
    });
  }

  /** The listing serialized, stored for the next second when the advisor is active (visible to everyone). */
  async listingText(
    advisor: { id: string; active: boolean },
    advisorKey: string,
    range: { from?: string; to?: string },
    now = new Date(),
  ): Promise<JsonText<SlotListResponse>> {
    const body = toJsonText(await this.listForAdvisor(advisor.id, range, now));
    if (advisor.active) this.listings.set(this.listingKey(advisorKey, range, now), body);
    return body;
  }

  /** Any change to an advisor's profile: a deactivated advisor's listing must not outlive it. */
  forgetListings(): void {
    this.listings.clear();
  }

  private window(range: { from?: string; to?: string }, now: Date): { from: string; to: string } {
    const { today, horizonEnd } = this.calendarAt(now);
    return {
      from: range.from && range.from > today ? range.from : today,
      to: range.to && range.to < horizonEnd ? range.to : horizonEnd,
    };
  }

  /** Today and the horizon's last day, worked out once a minute (Intl is slow next to a cached listing). */
  private calendarAt(now: Date): { today: string; horizonEnd: string } {
    const minute = Math.floor(now.getTime() / 60_000);
    if (this.calendar?.minute !== minute) {
      this.calendar = {
        minute,
        today: zonedDate(now, this.config.center.timezone),
        horizonEnd: this.horizonEnd(now),
      };
    }
    return this.calendar;
  }

  private listingKey(advisorKey: string, range: { from?: string; to?: string }, now: Date): string {
    const { from, to } = this.window(range, now);
    // Keyed to the minute: which slots are past or inside the notice changes with the clock.
    return `${advisorKey}|${from}|${to}|${Math.floor(now.getTime() / 60_000)}`;
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
