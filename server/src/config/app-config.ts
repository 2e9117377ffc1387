export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface SqliteDatabaseConfig {
  type: 'sqlite';
  /** Absolute path of the database file. */
  path: string;
}

export interface MysqlDatabaseConfig {
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
    bodyLimit: number;
    trustProxy: boolean | number | string[];
  };
  database: DatabaseConfig;
  redis: { url: string } | null;
  wechat: {
    apiBase: string;
    appId: string | null;
    secret: string | null;
    timeoutMs: number;
    /** Sign-in attempts per minute per client address. */
    signInRateLimit: number;
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
  seedDemo: boolean;
  logLevel: LogLevel;
  h5DistDir: string;
}

/** Injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
