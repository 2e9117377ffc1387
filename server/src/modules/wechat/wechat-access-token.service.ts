import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import type { AccessTokenStore, StoredAccessToken } from './access-token.store';
import { WechatClient } from './wechat.client';
import { WechatNotConfiguredError, WechatTransportError } from './wechat.errors';

export const ACCESS_TOKEN_STORE = Symbol('ACCESS_TOKEN_STORE');

/** Refresh this long before WeChat's expiry, so no call goes out with a token about to lapse. */
const REFRESH_EARLY_MS = 5 * 60_000;
/** A token WeChat hands back with less life than that is used until just before it lapses. */
const LAST_MINUTE_MS = 10_000;
const POLL_MS = 50;

/**
 * The app's access token, cached centrally (Redis when there is one, the database otherwise) and shared by
 * every process. One caller at a time refreshes it, under a lock; the others wait for its result. A token
 * that WeChat rejects (40001, 42001) is replaced at most once per rejection, however many callers saw it.
 */
@Injectable()
export class WechatAccessTokenService {
  private readonly logger = new Logger('WechatAccessToken');
  private readonly owner = `${process.pid}-${randomUUID()}`;
  private memory: StoredAccessToken | null = null;
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly client: WechatClient,
    @Inject(ACCESS_TOKEN_STORE) private readonly store: AccessTokenStore,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** A token to call WeChat with. */
  async get(): Promise<string> {
    if (this.memory && this.memory.refreshAt.getTime() > Date.now()) return this.memory.token;
    return this.shared(null);
  }

  /** WeChat rejected `token`: get another one (from the store if another process already replaced it). */
  async replace(rejected: string): Promise<string> {
    if (this.memory?.token === rejected) this.memory = null;
    return this.shared(rejected);
  }

  private async shared(rejected: string | null): Promise<string> {
    // One refresh in flight per process; callers in this process share it, unless it brings back the very
    // token this caller saw rejected.
    if (this.inflight) {
      const token = await this.inflight.catch(() => null);
      if (token !== null && token !== rejected) return token;
    }
    this.inflight ??= this.fetch(rejected).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async fetch(rejected: string | null): Promise<string> {
    const appId = this.config.wechat.appId;
    if (appId === null) throw new WechatNotConfiguredError();
    const lockMs = this.config.wechat.timeoutMs * 2 + 1000;
    const deadline = Date.now() + lockMs * 2;
    for (;;) {
      const stored = await this.store.read(appId);
      if (this.usable(stored, rejected)) return this.remember(stored);
      if (await this.store.tryLock(appId, this.owner, lockMs)) {
        try {
          const again = await this.store.read(appId);
          if (this.usable(again, rejected)) return this.remember(again);
          return this.remember(await this.refresh(appId, rejected));
        } finally {
          await this.store.unlock(appId, this.owner).catch(() => undefined);
        }
      }
      if (Date.now() > deadline) {
        throw new WechatTransportError('stable_token', 'another process held the refresh lock for too long');
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async refresh(appId: string, rejected: string | null): Promise<StoredAccessToken> {
    let fresh = await this.client.getStableAccessToken(false);
    // Normal mode hands back the token in force; if that is the one WeChat just rejected, force a new one.
    if (rejected !== null && fresh.accessToken === rejected)
      fresh = await this.client.getStableAccessToken(true);
    const lifetimeMs = fresh.expiresInSeconds * 1000;
    const refreshAt = new Date(
      Date.now() +
        (lifetimeMs > REFRESH_EARLY_MS * 2 ? lifetimeMs - REFRESH_EARLY_MS : lifetimeMs - LAST_MINUTE_MS),
    );
    const token = { token: fresh.accessToken, refreshAt };
    await this.store.write(appId, token);
    this.logger.log(
      { refreshAt: refreshAt.toISOString(), replacedRejected: rejected !== null },
      'Refreshed the WeChat access token',
    );
    return token;
  }

  private usable(token: StoredAccessToken | null, rejected: string | null): token is StoredAccessToken {
    return token !== null && token.token !== rejected && token.refreshAt.getTime() > Date.now();
  }

  private remember(token: StoredAccessToken): string {
    this.memory = token;
    return token.token;
  }
}
