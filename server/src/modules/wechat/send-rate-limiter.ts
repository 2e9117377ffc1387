import { Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { RedisService } from '../redis/redis.service';

/**
 * Spaces WeChat sends to WECHAT_SEND_RATE per second for the whole app. `reserve(n)` books the next n send
 * slots and says how long to wait for each; the slots are evenly spaced. Slots left unused in the last
 * BURST_MS may still be taken (a token bucket that holds BURST_MS of sending), so a sender that fell a little
 * behind catches up instead of losing the time: over any longer stretch the rate holds.
 */
export interface SendRateLimiter {
  /** Milliseconds from now until each of the n reserved slots. */
  reserve(n: number): Promise<number[]>;
}

export const SEND_RATE_LIMITER = Symbol('SEND_RATE_LIMITER');

const BURST_MS = 50;

function slots(firstWaitMs: number, n: number, intervalMs: number): number[] {
  return Array.from({ length: n }, (_, index) => Math.max(0, firstWaitMs + index * intervalMs));
}

/** One process: the next free slot kept in memory. */
@Injectable()
export class InProcessSendRateLimiter implements SendRateLimiter {
  private readonly intervalMs: number;
  private nextFree = 0;

  constructor(@InjectConfig() config: AppConfig) {
    this.intervalMs = 1000 / config.wechat.sendRatePerSecond;
  }

  reserve(n: number): Promise<number[]> {
    const now = performance.now();
    const start = Math.max(this.nextFree, now - BURST_MS);
    this.nextFree = start + n * this.intervalMs;
    return Promise.resolve(slots(start - now, n, this.intervalMs));
  }
}

// The same bookkeeping on Redis's clock, atomically, so every process draws from one schedule.
// KEYS[1] next free slot (µs); ARGV[1] interval (µs); ARGV[2] slots wanted; ARGV[3] burst (µs). Returns µs
// to the first slot (negative: it is already due).
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(nextFree, now - tonumber(ARGV[3]))
local after = start + tonumber(ARGV[1]) * tonumber(ARGV[2])
redis.call('SET', KEYS[1], string.format('%.0f', after), 'PX', math.floor((after - now) / 1000) + 60000)
return string.format('%.0f', start - now)
`;

@Injectable()
export class RedisSendRateLimiter implements SendRateLimiter {
  private readonly intervalUs: number;
  private readonly key: string;

  constructor(
    private readonly redis: RedisService,
    @InjectConfig() config: AppConfig,
  ) {
    this.intervalUs = Math.round(1_000_000 / config.wechat.sendRatePerSecond);
    this.key = `${config.redis?.prefix ?? 'careerside'}:wechat:send-rate`;
  }

  async reserve(n: number): Promise<number[]> {
    if (!this.redis.client) throw new Error('RedisSendRateLimiter needs REDIS_URL');
    const waitUs = Number(
      await this.redis.client.eval(RESERVE, 1, this.key, this.intervalUs, n, BURST_MS * 1000),
    );
    return slots(waitUs / 1000, n, this.intervalUs / 1000);
  }
}
