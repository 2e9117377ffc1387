import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import {
  type AppConfig,
  type DatabaseConfig,
  LOG_LEVELS,
  MINIPROGRAM_STATES,
  NODE_ENVS,
  type NotificationsConfig,
  type QuietHours,
} from './app-config';
import { type ConfigIssue, EnvReader, type RawEnv } from './env-reader';
import { parseBookingConfig } from './booking-config';
import { parseMediaConfig, parseMuseumConfig } from './media-config';
import { parseCounselorConfig } from './counselor-config';
import { parseJobsConfig } from './jobs-config';
import { parseInputLimitsConfig } from './input-limits-config';
import { parseTemplateRegistry } from './notification-templates';

export const DEFAULT_DATABASE_URL = 'sqlite:data/careerside.sqlite';
export const DEV_JWT_SECRET = 'careerside-development-secret-never-use-in-production';
const MIN_JWT_SECRET_LENGTH = 32;
const DEFAULT_H5_CORS_ORIGIN = 'http://localhost:10086';

// __dirname is src/config or dist/config: two levels below the server package either way.
const SERVER_PACKAGE_DIR = resolve(__dirname, '..', '..');

export class ConfigValidationError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(
      `Invalid environment configuration:\n${issues.map((i) => `  - ${i.variable}: ${i.message}`).join('\n')}`,
    );
    this.name = 'ConfigValidationError';
  }
}

export interface LoadedConfig {
  config: AppConfig;
  /** Settings that were accepted but overridden, to be logged once a logger exists. */
  warnings: string[];
}

/** Validates the environment once; the only place in the server that reads process.env. */
export function loadConfig(env: RawEnv = process.env, cwd: string = process.cwd()): LoadedConfig {
  const read = new EnvReader(env);
  const warnings: string[] = [];

  const nodeEnv = read.oneOf('NODE_ENV', NODE_ENVS, 'development');
  const isProduction = nodeEnv === 'production';
  const port = read.integer('PORT', 3000, { min: 0, max: 65535 });
  const publicUrl = read.httpUrl('PUBLIC_URL', `http://localhost:${port}`);

  const devLoginRequested = read.boolean('AUTH_DEV_LOGIN', !isProduction);
  if (isProduction && devLoginRequested) {
    warnings.push('AUTH_DEV_LOGIN is ignored when NODE_ENV=production: dev sign-in stays off.');
  }

  const appId = read.optionalString('WECHAT_APPID');
  const secret = read.optionalString('WECHAT_SECRET');
  if ((appId === null) !== (secret === null)) {
    read.fail(
      appId === null ? 'WECHAT_APPID' : 'WECHAT_SECRET',
      'WECHAT_APPID and WECHAT_SECRET are set together',
    );
  }

  const bodyLimit = read.integer('BODY_LIMIT', 1024 * 1024, { min: 1024, max: 100 * 1024 * 1024 });
  const config: AppConfig = {
    nodeEnv,
    isProduction,
    version: readServerVersion(),
    http: {
      host: read.string('HOST', '0.0.0.0'),
      port,
      publicUrl,
      corsOrigins: parseCorsOrigins(read, publicUrl),
      bodyLimit,
      trustProxy: parseTrustProxy(read),
      apiDocs: read.boolean('API_DOCS', !isProduction),
    },
    inputLimits: parseInputLimitsConfig(read, bodyLimit),
    database: parseDatabaseUrl(read, cwd),
    redis: parseRedisUrl(read),
    wechat: {
      apiBase: read.httpUrl('WECHAT_API_BASE', 'https://api.weixin.qq.com'),
      appId,
      secret,
      timeoutMs: read.integer('WECHAT_TIMEOUT_MS', 5000, { min: 100, max: 60_000 }),
      signInRateLimit: read.integer('WECHAT_SIGNIN_RATE_LIMIT', 10, { min: 1, max: 100_000 }),
      sendRatePerSecond: read.integer('WECHAT_SEND_RATE', 50, { min: 1, max: 100_000 }),
      miniprogramState: read.oneOf('WECHAT_MINIPROGRAM_STATE', MINIPROGRAM_STATES, 'formal'),
    },
    auth: {
      devLogin: devLoginRequested && !isProduction,
      jwtSecret: parseJwtSecret(read, isProduction),
      jwtTtlSeconds: parseDuration(read, 'JWT_TTL', '7d'),
      adminOpenids: new Set(read.list('ADMIN_OPENIDS')),
    },
    center: {
      timezone: parseTimezone(read),
      quietHours: parseQuietHours(read),
    },
    notifications: parseNotifications(read, cwd),
    booking: parseBookingConfig(read),
    media: parseMediaConfig(read, cwd),
    museum: parseMuseumConfig(read),
    jobs: parseJobsConfig(read),
    counselor: parseCounselorConfig(read, isProduction),
    seedDemo: read.boolean('SEED_DEMO', !isProduction),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    h5DistDir:
      resolvePath(cwd, read.raw('H5_DIST_DIR')) ?? resolve(SERVER_PACKAGE_DIR, '..', 'miniapp', 'dist', 'h5'),
  };

  if (read.issues.length > 0) throw new ConfigValidationError(read.issues);
  return { config, warnings };
}

function readServerVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(SERVER_PACKAGE_DIR, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function resolvePath(cwd: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return isAbsolute(value) ? value : resolve(cwd, value);
}

function parseDatabaseUrl(read: EnvReader, cwd: string): DatabaseConfig {
  const value = read.raw('DATABASE_URL') ?? DEFAULT_DATABASE_URL;
  const acquireTimeoutMs = read.integer('DATABASE_ACQUIRE_TIMEOUT_MS', 3000, { min: 100, max: 60_000 });
  const fallback: DatabaseConfig = {
    type: 'sqlite',
    path: resolve(cwd, 'data', 'careerside.sqlite'),
    acquireTimeoutMs,
  };
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path || path === ':memory:') {
      read.fail('DATABASE_URL', `needs a file path after "sqlite:", e.g. ${DEFAULT_DATABASE_URL}`);
      return fallback;
    }
    return { type: 'sqlite', path: resolve(cwd, path), acquireTimeoutMs };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    read.fail(
      'DATABASE_URL',
      `must be sqlite:<path> or mysql://user:pass@host:port/db (got "${redact(value)}")`,
    );
    return fallback;
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    read.fail(
      'DATABASE_URL',
      `must be sqlite:<path> or mysql://user:pass@host:port/db (got "${redact(value)}")`,
    );
    return fallback;
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_$-]{1,64}$/.test(database)) {
    read.fail(
      'DATABASE_URL',
      'must name the database after the host, e.g. mysql://root@127.0.0.1:3306/careerside',
    );
  }
  const port = url.port ? Number(url.port) : 3306;
  if (!url.hostname) read.fail('DATABASE_URL', 'must name a host');
  return {
    type: 'mysql',
    host: url.hostname,
    port,
    username: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database,
    acquireTimeoutMs,
  };
}

function parseNotifications(read: EnvReader, cwd: string): NotificationsConfig {
  const baseMs = read.integer('NOTIFY_RETRY_BASE_MS', 5000, { min: 10, max: 3_600_000 });
  const maxMs = read.integer('NOTIFY_RETRY_MAX_MS', 30 * 60_000, { min: 10, max: 86_400_000 });
  if (maxMs < baseMs) read.fail('NOTIFY_RETRY_MAX_MS', `must not be below NOTIFY_RETRY_BASE_MS (${baseMs})`);
  return {
    dailyPushCap: read.integer('NOTIFY_DAILY_PUSH_CAP', 5, { min: 0, max: 1000 }),
    worker: read.boolean('NOTIFY_WORKER', true),
    concurrency: read.integer('NOTIFY_CONCURRENCY', 8, { min: 1, max: 256 }),
    batchSize: read.integer('NOTIFY_BATCH_SIZE', 200, { min: 1, max: 5000 }),
    // At most 2000: one page is one multi-row INSERT, 11 parameters a row, under SQLite's 32,766.
    fanOutChunk: read.integer('NOTIFY_FANOUT_CHUNK', 2000, { min: 1, max: 2000 }),
    pollMs: read.integer('NOTIFY_POLL_MS', 1000, { min: 20, max: 600_000 }),
    leaseMs: read.integer('NOTIFY_LEASE_SECONDS', 60, { min: 1, max: 3600 }) * 1000,
    retry: {
      baseMs,
      maxMs,
      maxAttempts: read.integer('NOTIFY_MAX_ATTEMPTS', 8, { min: 1, max: 50 }),
    },
    templates: parseTemplateRegistry(read, cwd),
  };
}

function parseRedisUrl(read: EnvReader): { url: string; prefix: string } | null {
  const value = read.raw('REDIS_URL');
  if (value === undefined) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error('protocol');
    if (!url.hostname) throw new Error('host');
  } catch {
    read.fail(
      'REDIS_URL',
      `must be redis://[:password@]host:port[/db] or rediss://... (got "${redact(value)}")`,
    );
    return null;
  }
  const prefix = read.string('REDIS_PREFIX', 'careerside');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) {
    read.fail('REDIS_PREFIX', `must be 1-64 letters, digits, _, . or - (got "${prefix}")`);
  }
  return { url: value, prefix };
}

function parseCorsOrigins(read: EnvReader, publicUrl: string): string[] | '*' {
  const values = read.list('CORS_ORIGINS');
  if (values.length === 1 && values[0] === '*') return '*';
  if (values.length === 0) {
    const defaults = [safeOrigin(publicUrl), DEFAULT_H5_CORS_ORIGIN].filter((o): o is string => o !== null);
    return [...new Set(defaults)];
  }
  const origins: string[] = [];
  for (const value of values) {
    const origin = safeOrigin(value);
    if (origin === null || origin !== value.replace(/\/$/, '')) {
      read.fail(
        'CORS_ORIGINS',
        `"${value}" is not an origin such as https://careers.example.edu.cn (or use *)`,
      );
    } else {
      origins.push(origin);
    }
  }
  return origins;
}

function safeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

function parseTrustProxy(read: EnvReader): boolean | number | string[] {
  const value = read.raw('TRUST_PROXY');
  if (value === undefined) return false;
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  const entries = read.list('TRUST_PROXY');
  if (entries.every((entry) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry))) return entries;
  read.fail(
    'TRUST_PROXY',
    `must be true, false, a hop count or a comma list of addresses/CIDRs (got "${value}")`,
  );
  return false;
}

function parseJwtSecret(read: EnvReader, isProduction: boolean): string {
  const value = read.raw('JWT_SECRET');
  if (value === undefined) {
    if (isProduction)
      read.fail('JWT_SECRET', `is required in production (at least ${MIN_JWT_SECRET_LENGTH} characters)`);
    return DEV_JWT_SECRET;
  }
  if (value.length < MIN_JWT_SECRET_LENGTH) {
    read.fail('JWT_SECRET', `must be at least ${MIN_JWT_SECRET_LENGTH} characters long`);
  }
  if (isProduction && value === DEV_JWT_SECRET)
    read.fail('JWT_SECRET', 'must not be the development default');
  return value;
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `7d`, `12h`, `30m`, `3600s` or plain seconds. */
function parseDuration(read: EnvReader, name: string, fallback: string): number {
  const value = read.raw(name) ?? fallback;
  const match = /^(\d+)\s*([smhd]?)$/i.exec(value);
  const seconds = match ? Number(match[1]) * DURATION_UNITS[(match[2] || 's').toLowerCase()] : Number.NaN;
  if (!Number.isSafeInteger(seconds) || seconds < 60 || seconds > 90 * 86_400) {
    read.fail(name, `must be a duration from 60s to 90d such as 7d, 12h, 30m or 3600 (got "${value}")`);
    return 7 * 86_400;
  }
  return seconds;
}

function parseTimezone(read: EnvReader): string {
  const value = read.raw('CENTER_TIMEZONE') ?? 'Asia/Shanghai';
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    read.fail('CENTER_TIMEZONE', `must be an IANA time zone such as Asia/Shanghai (got "${value}")`);
    return 'Asia/Shanghai';
  }
}

function parseQuietHours(read: EnvReader): QuietHours | null {
  const value = read.raw('QUIET_HOURS') ?? '22:00-08:00';
  if (value.toLowerCase() === 'off') return null;
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) {
    read.fail('QUIET_HOURS', `must be HH:MM-HH:MM (24-hour, e.g. 22:00-08:00) or off (got "${value}")`);
    return null;
  }
  const startMinute = Number(match[1]) * 60 + Number(match[2]);
  const endMinute = Number(match[3]) * 60 + Number(match[4]);
  if (startMinute === endMinute) {
    read.fail('QUIET_HOURS', `start and end must differ (got "${value}"); use off to disable quiet hours`);
    return null;
  }
  return { startMinute, endMinute, label: value };
}

function redact(value: string): string {
  return value.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
