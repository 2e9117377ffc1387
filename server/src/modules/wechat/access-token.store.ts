import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runInTransaction } from '../../database/transactions';
import { RedisService } from '../redis/redis.service';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { WechatAccessTokenEntity } from './wechat-access-token.entity';

export interface StoredAccessToken {
  token: string;
  /** Use it until then; after that, refresh. */
  refreshAt: Date;
}

/** Where the app's one access token lives so every process shares it, with a lock so one process refreshes. */
export interface AccessTokenStore {
  read(appId: string): Promise<StoredAccessToken | null>;
  write(appId: string, token: StoredAccessToken): Promise<void>;
  /** True when this owner now holds the refresh lock (for at most ttlMs). */
  tryLock(appId: string, owner: string, ttlMs: number): Promise<boolean>;
  unlock(appId: string, owner: string): Promise<void>;
}

/** The token in a database row; the lock is a conditional UPDATE of the row's refresh columns. */
@Injectable()
export class DatabaseAccessTokenStore implements AccessTokenStore {
  constructor(private readonly dataSource: DataSource) {}

  private get tokens() {
    return this.dataSource.getRepository(WechatAccessTokenEntity);
  }

  async read(appId: string): Promise<StoredAccessToken | null> {
    const row = await this.tokens.findOneBy({ appId });
    return row?.accessToken && row.expiresAt ? { token: row.accessToken, refreshAt: row.expiresAt } : null;
  }

  async write(appId: string, token: StoredAccessToken): Promise<void> {
    await runInTransaction(this.dataSource, (manager) =>
      manager
        .getRepository(WechatAccessTokenEntity)
        .update({ appId }, { accessToken: token.token, expiresAt: token.refreshAt, updatedAt: new Date() }),
    );
  }

  async tryLock(appId: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = new Date();
    return runInTransaction(this.dataSource, async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(WechatAccessTokenEntity)
        .values({
          appId,
          accessToken: null,
          expiresAt: null,
          refreshOwner: null,
          refreshUntil: null,
          updatedAt: now,
        })
        .orIgnore()
        .execute();
      const result = await manager
        .createQueryBuilder()
        .update(WechatAccessTokenEntity)
        .set({ refreshOwner: owner, refreshUntil: new Date(now.getTime() + ttlMs), updatedAt: now })
        .where('app_id = :appId', { appId })
        .andWhere('(refresh_until IS NULL OR refresh_until < :now)', { now })
        .execute();
      return (result.affected ?? 0) === 1;
    });
  }

  async unlock(appId: string, owner: string): Promise<void> {
    await runInTransaction(this.dataSource, (manager) =>
      manager
        .createQueryBuilder()
        .update(WechatAccessTokenEntity)
        .set({ refreshOwner: null, refreshUntil: null })
        .where('app_id = :appId AND refresh_owner = :owner', { appId, owner })
        .execute(),
    );
  }
}

// Deletes the lock only if this owner still holds it (it may have expired and been taken by another).
const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** The token under a Redis key that expires with it; the lock is SET NX PX. */
@Injectable()
export class RedisAccessTokenStore implements AccessTokenStore {
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisService,
    @InjectConfig() config: AppConfig,
  ) {
    this.prefix = `${config.redis?.prefix ?? 'careerside'}:wechat`;
  }

  private get client() {
    if (!this.redis.client) throw new Error('RedisAccessTokenStore needs REDIS_URL');
    return this.redis.client;
  }

  async read(appId: string): Promise<StoredAccessToken | null> {
    const raw = await this.client.get(`${this.prefix}:access-token:${appId}`);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { token: string; refreshAt: string };
    return { token: parsed.token, refreshAt: new Date(parsed.refreshAt) };
  }

  async write(appId: string, token: StoredAccessToken): Promise<void> {
    const ttl = Math.max(1000, token.refreshAt.getTime() - Date.now());
    await this.client.set(
      `${this.prefix}:access-token:${appId}`,
      JSON.stringify({ token: token.token, refreshAt: token.refreshAt.toISOString() }),
      'PX',
      ttl,
    );
  }

  async tryLock(appId: string, owner: string, ttlMs: number): Promise<boolean> {
    return (
      (await this.client.set(`${this.prefix}:access-token-lock:${appId}`, owner, 'PX', ttlMs, 'NX')) === 'OK'
    );
  }

  async unlock(appId: string, owner: string): Promise<void> {
    await this.client.eval(UNLOCK, 1, `${this.prefix}:access-token-lock:${appId}`, owner);
  }
}
