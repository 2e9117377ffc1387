import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { SlotListResponse } from '@careerside/shared';
import type { JsonText } from '../../common/http/json-text';

/** How long a listing is reused. Booking never reads it: seats are decided by the database. */
export const SLOT_LISTING_TTL_MS = 1000;
const MAX_ENTRIES = 2000;

/**
 * A one-second cache of serialized slot listings of active advisors: a popular advisor's page is read far more
 * often than booked, and serving the stored JSON skips the database and the serializer. Any seat, slot or
 * advisor change in this process clears it at once, so a student sees their own booking on the next read;
 * another process's change shows within a second.
 */
@Injectable()
export class SlotListingCache {
  private readonly entries = new LRUCache<string, JsonText<SlotListResponse>>({
    max: MAX_ENTRIES,
    ttl: SLOT_LISTING_TTL_MS,
  });

  get(key: string): JsonText<SlotListResponse> | null {
    return this.entries.get(key) ?? null;
  }

  set(key: string, body: JsonText<SlotListResponse>): void {
    this.entries.set(key, body);
  }

  clear(): void {
    this.entries.clear();
  }
}
