import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../../config/app-config';
import type { RedisService } from '../redis/redis.service';
import { InProcessSendRateLimiter, RedisSendRateLimiter, type SendRateLimiter } from './send-rate-limiter';
import { Redis } from 'ioredis';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const config = (rate: number, prefix = 'unused') =>
  ({ wechat: { sendRatePerSecond: rate }, redis: { url: REDIS_URL, prefix } }) as unknown as AppConfig;

/** Reserves `total` slots in chunks, as the dispatcher's lanes do, and answers when the last one falls. */
async function lastSlotMs(limiters: SendRateLimiter[], total: number, chunk: number): Promise<number> {
  const started = performance.now();
  let last = 0;
  for (let i = 0; i < total / chunk; i += 1) {
    const slots = await limiters[i % limiters.length].reserve(chunk);
    expect(slots).toHaveLength(chunk);
    last = Math.max(last, performance.now() - started + (slots.at(-1) ?? 0));
  }
  return last;
}

describe(InProcessSendRateLimiter.name, () => {
  it('spaces slots evenly at the configured rate', async () => {
    const limiter = new InProcessSendRateLimiter(config(1000));
    const slots = (await limiter.reserve(100)).filter((slot) => slot > 0);
    expect(slots.length).toBeGreaterThan(40);
    const gaps = slots.slice(1).map((slot, index) => slot - slots[index]);
    expect(gaps.every((gap) => Math.abs(gap - 1) < 1e-6)).toBe(true);
  });

  it('holds the rate over a longer stretch, a short burst of catching up allowed', async () => {
    // 2000 slots at 1000/s end about two seconds out, however they are asked for (less the 50 ms burst).
    const last = await lastSlotMs([new InProcessSendRateLimiter(config(1000))], 2000, 20);
    expect(last).toBeGreaterThan(1940);
    expect(last).toBeLessThan(2100);
  });

  it('gives a late sender the slots of the last 50 ms, not more', async () => {
    const limiter = new InProcessSendRateLimiter(config(1000));
    await limiter.reserve(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const slots = await limiter.reserve(200);
    // About 50 slots are due at once; the rest follow at 1 ms each.
    expect(slots.filter((slot) => slot === 0).length).toBeGreaterThanOrEqual(45);
    expect(slots.filter((slot) => slot === 0).length).toBeLessThanOrEqual(51);
    expect(slots.at(-1)).toBeGreaterThan(140);
  });
});

describe(RedisSendRateLimiter.name, () => {
  const redis = new Redis(REDIS_URL);
  const prefix = `cs-rate-${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('shares one schedule between processes', async () => {
    const service = { client: redis } as unknown as RedisService;
    const processes = [1, 2, 3].map(() => new RedisSendRateLimiter(service, config(1000, prefix)));
    const last = await lastSlotMs(processes, 1500, 15);
    expect(last).toBeGreaterThan(1440);
    expect(last).toBeLessThan(1600);
  });
});
