import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';

export type RedisStatus = 'ok' | 'down' | 'disabled';

const CONNECT_WAIT_MS = 2000;

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The shared Redis connection when REDIS_URL is set. Redis is optional: the server starts without it. */
@Injectable()
export class RedisService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis | null;
  private reachable: boolean | null = null;

  constructor(@InjectConfig() config: AppConfig) {
    this.client = config.redis
      ? new Redis(config.redis.url, {
          lazyConnect: true,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 2000,
          retryStrategy: (attempt) => Math.min(attempt * 500, 5000),
        })
      : null;
    // Log changes of state, not every reconnect attempt.
    this.client?.on('ready', () => this.noteReachable(true));
    this.client?.on('error', (error: Error) => this.noteReachable(false, error));
  }

  /** Waits briefly for the first connection so health is accurate from the start; never blocks boot for long. */
  async onModuleInit(): Promise<void> {
    if (!this.client) return;
    await withTimeout(this.client.connect(), CONNECT_WAIT_MS).catch(() => undefined);
  }

  async ping(timeoutMs = 1000): Promise<RedisStatus> {
    if (!this.client) return 'disabled';
    if (this.client.status !== 'ready') return 'down';
    try {
      return (await withTimeout(this.client.ping(), timeoutMs)) === 'PONG' ? 'ok' : 'down';
    } catch {
      return 'down';
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client) return;
    this.client.removeAllListeners('error');
    this.client.on('error', () => undefined);
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client?.disconnect());
    else this.client.disconnect();
  }

  private noteReachable(reachable: boolean, error?: Error): void {
    if (this.reachable === reachable) return;
    this.reachable = reachable;
    if (reachable) this.logger.log('Connected to Redis');
    else this.logger.warn({ reason: error?.message }, 'Redis is unreachable; retrying in the background');
  }
}
