import { describe, expect, it } from '@jest/globals';
import type { SlotListResponse } from '@careerside/shared';
import type { JsonText } from '../../common/http/json-text';
import { SlotListingCache } from './slot-listing-cache';

const body = (text: string) => text as JsonText<SlotListResponse>;

/** A computation the test finishes by hand, counting how often it was started. */
function deferred() {
  let finish!: (value: JsonText<SlotListResponse> | null) => void;
  let fail!: (error: Error) => void;
  const state = { started: 0 };
  const compute = () => {
    state.started += 1;
    return new Promise<JsonText<SlotListResponse> | null>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return {
    compute,
    state,
    finish: (value: JsonText<SlotListResponse> | null) => finish(value),
    fail: (e: Error) => fail(e),
  };
}

describe(SlotListingCache.name, () => {
  it('runs one computation for every caller that misses while it runs, and stores its answer', async () => {
    const cache = new SlotListingCache();
    const listing = deferred();
    const callers = Array.from({ length: 50 }, () => cache.share('a|d1|d2|1', listing.compute));
    listing.finish(body('{"items":[]}'));
    expect(await Promise.all(callers)).toEqual(Array.from({ length: 50 }, () => '{"items":[]}'));
    expect(listing.state.started).toBe(1);
    expect(cache.get('a|d1|d2|1')).toBe('{"items":[]}');
    expect(await cache.share('a|d1|d2|1', () => Promise.reject(new Error('not called')))).toBe(
      '{"items":[]}',
    );
  });

  it('keeps an answer computed across a clear() out of the cache; callers after the clear compute anew', async () => {
    const cache = new SlotListingCache();
    const before = deferred();
    const stale = cache.share('k', before.compute);
    cache.clear();
    const after = deferred();
    const fresh = cache.share('k', after.compute);
    before.finish(body('"old"'));
    expect(await stale).toBe('"old"');
    expect(cache.get('k')).toBeNull();
    after.finish(body('"new"'));
    expect(await fresh).toBe('"new"');
    expect(cache.get('k')).toBe('"new"');
    expect(after.state.started).toBe(1);
  });

  it('passes on a null answer and a failure without storing either', async () => {
    const cache = new SlotListingCache();
    const none = deferred();
    const nothing = cache.share('k', none.compute);
    none.finish(null);
    expect(await nothing).toBeNull();
    expect(cache.get('k')).toBeNull();

    const broken = deferred();
    const failing = Promise.all([cache.share('k', broken.compute), cache.share('k', broken.compute)]);
    broken.fail(new Error('database away'));
    await expect(failing).rejects.toThrow('database away');
    expect(broken.state.started).toBe(1);
    const retry = deferred();
    const retried = cache.share('k', retry.compute);
    retry.finish(body('"back"'));
    expect(await retried).toBe('"back"');
  });
});
