export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * "Full jitter" exponential backoff: a random wait up to base * 2^(attempt-1), capped. Spreading retries
 * this way keeps many workers from hitting WeChat in lockstep after an outage.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(random() * ceiling);
}
