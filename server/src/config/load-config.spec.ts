import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import { ConfigValidationError, DEV_JWT_SECRET, loadConfig } from './load-config';
import type { RawEnv } from './env-reader';

const cwd = '/srv/careerside';
const load = (env: RawEnv) => loadConfig(env, cwd);

function issuesOf(env: RawEnv): Record<string, string> {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      return Object.fromEntries(error.issues.map((issue) => [issue.variable, issue.message]));
    }
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe(loadConfig.name, () => {
  it('applies the documented defaults to an empty environment', () => {
    const { config, warnings } = load({});
    expect(warnings).toEqual([]);
    expect(config.nodeEnv).toBe('development');
    expect(config.http).toMatchObject({
      host: '0.0.0.0',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      corsOrigins: ['http://localhost:3000', 'http://localhost:10086'],
      bodyLimit: 1_048_576,
      trustProxy: false,
      apiDocs: true,
    });
    expect(config.database).toEqual({
      type: 'sqlite',
      path: resolve(cwd, 'data/careerside.sqlite'),
      acquireTimeoutMs: 3000,
    });
    expect(config.redis).toBeNull();
    expect(config.wechat).toMatchObject({ apiBase: 'https://api.weixin.qq.com', appId: null, secret: null });
    expect(config.auth.devLogin).toBe(true);
    expect(config.auth.jwtSecret).toBe(DEV_JWT_SECRET);
    expect(config.auth.jwtTtlSeconds).toBe(7 * 86_400);
    expect(config.center.timezone).toBe('Asia/Shanghai');
    expect(config.center.quietHours).toEqual({
      startMinute: 22 * 60,
      endMinute: 8 * 60,
      label: '22:00-08:00',
    });
    expect(config.seedDemo).toBe(true);
    expect(config.logLevel).toBe('info');
    expect(config.h5DistDir).toBe(resolve(__dirname, '../../../miniapp/dist/h5'));
  });

  it('parses a MySQL URL with an encoded password', () => {
    const { config } = load({ DATABASE_URL: 'mysql://app:p%40ss@db.internal:3307/careerside' });
    expect(config.database).toEqual({
      type: 'mysql',
      host: 'db.internal',
      port: 3307,
      username: 'app',
      password: 'p@ss',
      database: 'careerside',
      acquireTimeoutMs: 3000,
    });
  });

  it('reads how long a request waits for the database', () => {
    expect(load({ DATABASE_ACQUIRE_TIMEOUT_MS: '750' }).config.database.acquireTimeoutMs).toBe(750);
    expect(Object.keys(issuesOf({ DATABASE_ACQUIRE_TIMEOUT_MS: '5' }))).toEqual([
      'DATABASE_ACQUIRE_TIMEOUT_MS',
    ]);
  });

  it('resolves a relative SQLite path against the working directory', () => {
    expect(load({ DATABASE_URL: 'sqlite:./var/db.sqlite' }).config.database).toEqual({
      type: 'sqlite',
      path: '/srv/careerside/var/db.sqlite',
      acquireTimeoutMs: 3000,
    });
    expect(load({ DATABASE_URL: 'sqlite:/tmp/x.sqlite' }).config.database).toMatchObject({
      path: '/tmp/x.sqlite',
    });
  });

  it('names every invalid variable at once', () => {
    const issues = issuesOf({
      PORT: 'eighty',
      DATABASE_URL: 'postgres://u:secret@h/db',
      REDIS_URL: 'http://cache',
      CENTER_TIMEZONE: 'Mars/Olympus',
      QUIET_HOURS: '22-8',
      JWT_TTL: 'forever',
      BODY_LIMIT: '-1',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
      AUTH_DEV_LOGIN: 'maybe',
      CORS_ORIGINS: 'https://ok.example.com,not a url',
      WECHAT_API_BASE: 'ftp://wechat',
    });
    expect(Object.keys(issues).sort()).toEqual(
      [
        'AUTH_DEV_LOGIN',
        'BODY_LIMIT',
        'CENTER_TIMEZONE',
        'CORS_ORIGINS',
        'DATABASE_URL',
        'JWT_TTL',
        'LOG_LEVEL',
        'NODE_ENV',
        'PORT',
        'QUIET_HOURS',
        'REDIS_URL',
        'WECHAT_API_BASE',
      ].sort(),
    );
    expect(issues.PORT).toContain('"eighty"');
    expect(issues.DATABASE_URL).not.toContain('secret');
  });

  it('puts the variable names in the error message', () => {
    expect(() => load({ QUIET_HOURS: '25:00-08:00' })).toThrow(/QUIET_HOURS: must be HH:MM-HH:MM/);
  });

  it('requires a strong JWT secret in production and never honours dev login there', () => {
    expect(issuesOf({ NODE_ENV: 'production' })).toHaveProperty('JWT_SECRET');
    expect(issuesOf({ JWT_SECRET: 'short' })).toHaveProperty('JWT_SECRET');
    const { config, warnings } = load({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      NOTES_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      AUTH_DEV_LOGIN: 'true',
    });
    expect(config.auth.devLogin).toBe(false);
    expect(config.seedDemo).toBe(false);
    expect(config.http.apiDocs).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('AUTH_DEV_LOGIN')]);
  });

  it('wants the WeChat appid and secret together', () => {
    expect(issuesOf({ WECHAT_APPID: 'wx0123456789abcdef' })).toHaveProperty('WECHAT_SECRET');
    const { config } = load({ WECHAT_APPID: 'wx0123456789abcdef', WECHAT_SECRET: 's3cret' });
    expect(config.wechat).toMatchObject({ appId: 'wx0123456789abcdef', secret: 's3cret' });
  });

  it.each([
    ['7d', 604_800],
    ['12h', 43_200],
    ['30m', 1_800],
    ['3600', 3_600],
    ['90s', 90],
  ])('reads JWT_TTL=%s as %i seconds', (value, seconds) => {
    expect(load({ JWT_TTL: value }).config.auth.jwtTtlSeconds).toBe(seconds);
  });

  it('turns quiet hours off and reads windows that do not wrap', () => {
    expect(load({ QUIET_HOURS: 'off' }).config.center.quietHours).toBeNull();
    expect(load({ QUIET_HOURS: '12:30-14:00' }).config.center.quietHours).toMatchObject({
      startMinute: 750,
      endMinute: 840,
    });
    expect(issuesOf({ QUIET_HOURS: '08:00-08:00' })).toHaveProperty('QUIET_HOURS');
  });

  it('reads lists, origins and proxy settings', () => {
    const { config } = load({
      ADMIN_OPENIDS: ' o-admin-1 , ,o-admin-2',
      CORS_ORIGINS: 'https://careers.example.edu.cn, http://localhost:10086',
      TRUST_PROXY: '10.0.0.0/8,127.0.0.1',
      PUBLIC_URL: 'https://careers.example.edu.cn/',
    });
    expect([...config.auth.adminOpenids]).toEqual(['o-admin-1', 'o-admin-2']);
    expect(config.http.corsOrigins).toEqual(['https://careers.example.edu.cn', 'http://localhost:10086']);
    expect(config.http.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(config.http.publicUrl).toBe('https://careers.example.edu.cn');
    expect(load({ CORS_ORIGINS: '*' }).config.http.corsOrigins).toBe('*');
    expect(load({ TRUST_PROXY: '1' }).config.http.trustProxy).toBe(1);
    expect(issuesOf({ CORS_ORIGINS: 'https://example.com/path' })).toHaveProperty('CORS_ORIGINS');
  });

  it('enables Redis only when REDIS_URL is set', () => {
    expect(load({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).config.redis).toEqual({
      url: 'redis://127.0.0.1:6379/2',
      prefix: 'careerside',
    });
    expect(load({ REDIS_URL: 'redis://h', REDIS_PREFIX: 'cs-test.1' }).config.redis?.prefix).toBe(
      'cs-test.1',
    );
    expect(issuesOf({ REDIS_URL: 'redis://h', REDIS_PREFIX: 'a:b' })).toHaveProperty('REDIS_PREFIX');
  });

  it('canonicalises the time zone', () => {
    expect(load({ CENTER_TIMEZONE: 'UTC' }).config.center.timezone).toBe('UTC');
    expect(load({ CENTER_TIMEZONE: 'Asia/Urumqi' }).config.center.timezone).toBe('Asia/Urumqi');
  });
});

describe('notification settings', () => {
  it('have working defaults: the demo template registry, a daily cap of 5, 50 sends per second', () => {
    const { config } = load({});
    expect(config.notifications).toMatchObject({
      dailyPushCap: 5,
      worker: true,
      concurrency: 8,
      leaseMs: 60_000,
      retry: { baseMs: 5000, maxMs: 1_800_000, maxAttempts: 8 },
    });
    expect(config.wechat.sendRatePerSecond).toBe(50);
    expect(config.wechat.miniprogramState).toBe('formal');
    expect(config.notifications.templates.job_alert).toEqual({
      templateId: 'DEMO-job-alert',
      mode: 'one_time',
      fields: { thing1: 'jobTitle', thing2: 'employer', thing3: 'location', date4: 'deadline' },
    });
  });

  it('overrides templates per kind from JSON, keeping what an entry leaves out', () => {
    const { config } = load({
      NOTIFY_TEMPLATES: JSON.stringify({
        job_alert: {
          templateId: 'Xyz_123-abc',
          fields: { thing2: 'jobTitle', character_string5: 'employer' },
        },
        appointment_reminder: { templateId: 'LongTermTpl', mode: 'long_term' },
        museum_new_exhibit: null,
      }),
    });
    const { templates } = config.notifications;
    expect(templates.job_alert).toEqual({
      templateId: 'Xyz_123-abc',
      mode: 'one_time',
      fields: { thing2: 'jobTitle', character_string5: 'employer' },
    });
    expect(templates.appointment_reminder?.mode).toBe('long_term');
    expect(templates.appointment_reminder?.fields).toHaveProperty('time2', 'startsAt');
    expect(templates.museum_new_exhibit).toBeNull();
    expect(templates.system?.templateId).toBe('DEMO-system');
  });

  it('names every template mistake', () => {
    const message = issuesOf({
      NOTIFY_TEMPLATES: JSON.stringify({
        job_alerts: { templateId: 'x' },
        job_alert: { templateId: 'has space' },
        system: { templateId: 'ok', mode: 'forever' },
        digest: { templateId: 'ok', fields: { thingy1: 'count', number2: 'jobTitle' } },
        waitlist_offer: { templateId: 'ok', colour: 'red' },
      }),
    }).NOTIFY_TEMPLATES;
    for (const expected of [
      '"job_alerts" is not a notification kind',
      'job_alert.templateId',
      'system.mode',
      'digest.fields.thingy1 is not a WeChat keyword',
      'digest.fields.number2 must be one of count, date, title, body',
      'waitlist_offer.colour is not a template setting',
    ]) {
      expect(message).toContain(expected);
    }
    expect(issuesOf({ NOTIFY_TEMPLATES: '{not json' }).NOTIFY_TEMPLATES).toMatch(/not valid JSON/);
    expect(issuesOf({ NOTIFY_TEMPLATES: '/nonexistent/templates.json' }).NOTIFY_TEMPLATES).toMatch(
      /neither JSON nor a readable file/,
    );
  });

  it('checks the numbers', () => {
    const issues = issuesOf({
      NOTIFY_DAILY_PUSH_CAP: '-1',
      WECHAT_SEND_RATE: '0',
      NOTIFY_CONCURRENCY: 'many',
      NOTIFY_RETRY_BASE_MS: '60000',
      NOTIFY_RETRY_MAX_MS: '1000',
      WECHAT_MINIPROGRAM_STATE: 'beta',
      NOTIFY_WORKER: 'sometimes',
      NOTIFY_FANOUT_CHUNK: '2001',
    });
    expect(Object.keys(issues).sort()).toEqual(
      [
        'NOTIFY_CONCURRENCY',
        'NOTIFY_DAILY_PUSH_CAP',
        'NOTIFY_FANOUT_CHUNK',
        'NOTIFY_RETRY_MAX_MS',
        'NOTIFY_WORKER',
        'WECHAT_MINIPROGRAM_STATE',
        'WECHAT_SEND_RATE',
      ].sort(),
    );
    expect(load({ NOTIFY_DAILY_PUSH_CAP: '0' }).config.notifications.dailyPushCap).toBe(0);
    expect(load({}).config.notifications.fanOutChunk).toBe(2000);
    expect(load({ NOTIFY_FANOUT_CHUNK: '500' }).config.notifications.fanOutChunk).toBe(500);
  });
});
