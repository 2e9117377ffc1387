import { describe, expect, it } from '@jest/globals';
import { backoffDelay } from './backoff';

const policy = { baseMs: 5000, maxMs: 30 * 60_000 };

describe(backoffDelay.name, () => {
  it('doubles the ceiling with each attempt', () => {
    const ceiling = (attempt: number) => backoffDelay(attempt, policy, () => 1);
    expect([1, 2, 3, 4, 5].map(ceiling)).toEqual([5000, 10_000, 20_000, 40_000, 80_000]);
  });

  it('never waits longer than the cap, however many attempts', () => {
    expect(backoffDelay(10, policy, () => 1)).toBe(1_800_000);
    expect(backoffDelay(500, policy, () => 1)).toBe(1_800_000);
  });

  it('spreads waits over the whole range (full jitter)', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(10_000);
    const samples = Array.from({ length: 200 }, () => backoffDelay(4, policy));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThanOrEqual(40_000);
    expect(new Set(samples).size).toBeGreaterThan(100);
  });
});
