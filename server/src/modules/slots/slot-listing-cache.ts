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

  private readonly pending = new Map<string, Promise<JsonText<SlotListResponse> | null>>();
  private generation = 0;

  get(key: string): JsonText<SlotListResponse> | null {
    return this.entries.get(key) ?? null;
  }

  set(key: string, body: JsonText<SlotListResponse>): void {
    this.entries.set(key, body);
  }

  /**
   * The listing under `key`, stored or from `compute`, which runs once for every caller that asks while it
   * runs: when an entry expires, each request already in flight would otherwise rebuild it (50 at a time
   * under bench:slots). A clear() while it runs keeps its answer out of the cache, and callers after the
   * clear start a computation of their own. A null answer (nothing to store) is passed on, not stored.
   */
  share(
    key: string,
    compute: () => Promise<JsonText<SlotListResponse> | null>,
  ): Promise<JsonText<SlotListResponse> | null> {
    const stored = this.entries.get(key);
    if (stored) return Promise.resolve(stored);
    const running = this.pending.get(key);
    if (running) return running;
    const generation = this.generation;
    const computation = compute()
      .then((body) => {
        if (body && generation === this.generation) this.entries.set(key, body);
        return body;
      })
      .finally(() => {
        if (this.pending.get(key) === computation) this.pending.delete(key);
      });
    this.pending.set(key, computation);
    return computation;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.pending.clear();
  }
}
