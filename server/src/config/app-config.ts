import type { BookingConfig } from './booking-config';
import type { CounselorConfig } from './counselor-config';
import type { MediaConfig, MuseumConfig } from './media-config';
import type { InputLimitsConfig } from './input-limits-config';
import type { JobsConfig } from './jobs-config';
import type { TemplateRegistryConfig } from './notification-templates';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

interface DatabaseWaits {
  /**
   * The longest a request waits for the database before it answers 503 DATABASE_UNAVAILABLE: MySQL's connect
   * and pool acquire, SQLite's busy timeout (a lock held by another process).
   */
  acquireTimeoutMs: number;
}

export interface SqliteDatabaseConfig extends DatabaseWaits {
  type: 'sqlite';
  /** Absolute path of the database file. */
  path: string;
}

export interface MysqlDatabaseConfig extends DatabaseWaits {
  type: 'mysql';
  host: string;
  port: number;
  username: string;
  password: string;
  database: string;
}

export type DatabaseConfig = SqliteDatabaseConfig | MysqlDatabaseConfig;

/** Quiet hours in the center's time zone, as minutes after midnight; the window may wrap past midnight. */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
  /** As configured, e.g. `22:00-08:00`. */
  label: string;
}

export const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'] as const;
export type MiniprogramState = (typeof MINIPROGRAM_STATES)[number];

/** The notification pipeline: inbox writes, WeChat pushes and their workers. */
export interface NotificationsConfig {
  /** Capped pushes per student per center day; the overflow folds into a digest. 0 turns the cap off. */
  dailyPushCap: number;
  /** Whether this process claims and sends pushes and runs scheduled work (web-only processes say false). */
  worker: boolean;
  /** Pushes one process has on the wire at once; also the most a killed worker can leave unconfirmed. */
  concurrency: number;
  /** Deliveries claimed per database round trip. */
  batchSize: number;
  /**
   * Users per page of a fan-out (job alerts, announcements): read by id, written and released before the
   * next page, so a fan-out's memory does not grow with its audience.
   */
  fanOutChunk: number;
  /** How often due deliveries and scheduled work are looked for (new ones also nudge the worker). */
  pollMs: number;
  /** How long a claim lasts without renewal before another worker may recover it. */
  leaseMs: number;
  retry: { baseMs: number; maxMs: number; maxAttempts: number };
  templates: TemplateRegistryConfig;
}

/** Everything the server reads from its environment, validated once at boot. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  isProduction: boolean;
  version: string;
  http: {
    host: string;
    port: number;
    /** Origin and path prefix that QR codes and calendar feeds point at, without a trailing slash. */
    publicUrl: string;
    corsOrigins: string[] | '*';
    /** The largest request body anywhere (@LargeJsonBody routes); ordinary JSON routes take inputLimits.jsonBodyLimit. */
    bodyLimit: number;
    trustProxy: boolean | number | string[];
    /** Serve Swagger UI at /api/docs and the OpenAPI document at /api/docs-json. */
    apiDocs: boolean;
  };
  inputLimits: InputLimitsConfig;
  database: DatabaseConfig;
  /** `prefix` namespaces every key (BullMQ queues, the token cache, the send-rate limiter). */
  redis: { url: string; prefix: string } | null;
  wechat: {
    apiBase: string;
    appId: string | null;
    secret: string | null;
    timeoutMs: number;
    /** Sign-in attempts per minute per client address. */
    signInRateLimit: number;
    /** Subscribe messages per second for the whole app, shared by every process. */
    sendRatePerSecond: number;
    /** Which version of the mini-program a subscribe message opens. */
    miniprogramState: MiniprogramState;
  };
  auth: {
    devLogin: boolean;
    jwtSecret: string;
    jwtTtlSeconds: number;
    adminOpenids: ReadonlySet<string>;
  };
  center: {
    timezone: string;
    quietHours: QuietHours | null;
  };
  notifications: NotificationsConfig;
  booking: BookingConfig;
  media: MediaConfig;
  museum: MuseumConfig;
  jobs: JobsConfig;
  counselor: CounselorConfig;
  seedDemo: boolean;
  logLevel: LogLevel;
  h5DistDir: string;
}

/** Injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
