import { describe, expect, it } from '@jest/globals';
import { uuidV7 } from './uuid-v7';

describe(uuidV7.name, () => {
  it('is a version 7, variant 10 UUID carrying the time', () => {
    const id = uuidV7(Date.UTC(2026, 10, 26, 8, 0, 0));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 26, 8));
  });

  it('sorts in creation order as a string, also within one millisecond', () => {
    const now = Date.now() + 60_000;
    const ids = Array.from({ length: 10_000 }, () => uuidV7(now));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never goes backwards when the clock does', () => {
    const later = uuidV7(Date.now() + 120_000);
    const earlierClock = uuidV7(Date.now());
    expect(earlierClock > later).toBe(true);
  });
});
