import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import type { AccessTokenStore } from '../../src/modules/wechat/access-token.store';
import {
  ACCESS_TOKEN_STORE,
  WechatAccessTokenService,
} from '../../src/modules/wechat/wechat-access-token.service';
import { WechatClient } from '../../src/modules/wechat/wechat.client';
import { startTestApp, type TestApp } from '../support/test-app';
import { WechatStandin } from '../support/wechat-standin';

const TOKEN = '/cgi-bin/stable_token';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Callers standing for server processes: each its own lock owner and memory, sharing only the store. */
const PROCESSES = 6;

describe.each([
  ['the database', false],
  ['Redis', true],
])('the access token shared through %s', (_, withRedis) => {
  let wechat: WechatStandin;
  let t: TestApp;
  let prefix: string;

  beforeAll(async () => {
    wechat = await WechatStandin.start();
    prefix = `cs-token-${randomBytes(4).toString('hex')}`;
    t = await startTestApp({
      env: {
        WECHAT_API_BASE: wechat.url,
        WECHAT_APPID: wechat.appId,
        WECHAT_SECRET: wechat.secret,
        WECHAT_TIMEOUT_MS: '2000',
        NOTIFY_WORKER: 'false',
        ...(withRedis ? { REDIS_URL, REDIS_PREFIX: prefix } : {}),
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
    if (withRedis) {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });
  beforeEach(() => wechat.reset());

  /** Fresh callers, as if PROCESSES server processes had just started. */
  function processes(): WechatAccessTokenService[] {
    const store = t.app.get<AccessTokenStore>(ACCESS_TOKEN_STORE);
    expect(store.constructor.name).toBe(withRedis ? 'RedisAccessTokenStore' : 'DatabaseAccessTokenStore');
    return Array.from(
      { length: PROCESSES },
      () => new WechatAccessTokenService(t.app.get(WechatClient), store, t.config),
    );
  }

  it('refreshes once however many processes ask at the same time', async () => {
    // A slow stable_token keeps the first refresh under way while every other caller asks.
    wechat.setLatency(TOKEN, 300);
    const callers = processes();
    const tokens = await Promise.all(callers.flatMap((caller) => [caller.get(), caller.get(), caller.get()]));
    expect(new Set(tokens).size).toBe(1);
    expect(wechat.requests(TOKEN)).toHaveLength(1);
    // Cached: asking again costs nothing.
    await Promise.all(callers.map((caller) => caller.get()));
    expect(wechat.requests(TOKEN)).toHaveLength(1);
    wechat.setLatency(TOKEN, 0);
  });

  it.each([
    ['40001', () => wechat.invalidateAccessTokens()],
    ['42001', () => wechat.expireAccessTokens()],
  ])('replaces a token rejected with %s once, though every process saw the rejection', async (_, age) => {
    const callers = processes();
    const old = await callers[0].get();
    await Promise.all(callers.map((caller) => caller.get()));
    age();
    const before = wechat.requests(TOKEN).length;
    wechat.setLatency(TOKEN, 300);
    const fresh = await Promise.all(callers.map((caller) => caller.replace(old)));
    wechat.setLatency(TOKEN, 0);
    expect(new Set(fresh).size).toBe(1);
    expect(fresh[0]).not.toBe(old);
    // One refresh: a normal stable_token call, plus a forced one when WeChat still hands out the old token.
    const calls = wechat.requests(TOKEN).slice(before);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.length).toBeLessThanOrEqual(2);
    if (calls.length === 2) {
      expect((calls[1].body as { force_refresh?: boolean }).force_refresh).toBe(true);
    }
    // A second wave of callers holding the rejected token gets the new one without another call.
    const later = await Promise.all(processes().map((caller) => caller.replace(old)));
    expect(new Set(later)).toEqual(new Set(fresh));
    expect(wechat.requests(TOKEN)).toHaveLength(before + calls.length);
  });
});
