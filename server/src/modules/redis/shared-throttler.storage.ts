import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { RedisService } from './redis.service';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Rate-limit counters (WeChat sign-in, the employer form) shared by every server process through Redis when
 * REDIS_URL is set, so a limit of 10 a minute is 10 for the whole deployment, not 10 per process. Without
 * Redis, or while it is unreachable, each process counts on its own: a limit that still holds per process is
 * better than refusing every sign-in because the cache is down.
 */
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly local = new ThrottlerStorageService();
  private readonly shared: ThrottlerStorageRedisService | null;
  private warned = false;

  constructor(
    private readonly redis: RedisService,
    private readonly prefix: string,
  ) {
    this.shared = redis.client ? new ThrottlerStorageRedisService(redis.client) : null;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    if (this.shared && this.redis.client?.status === 'ready') {
      try {
        const record = await this.shared.increment(
          `${this.prefix}:throttle:${key}`,
          ttl,
          limit,
          blockDuration,
          throttlerName,
        );
        this.warned = false;
        return record;
      } catch (error) {
        if (!this.warned) {
          this.warned = true;
          this.logger.warn({ reason: (error as Error).message }, 'Counting rate limits in this process');
        }
      }
    }
    return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }
}
