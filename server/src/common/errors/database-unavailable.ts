import { QueryFailedError } from 'typeorm';

/** What the pool answers when no connection could be had within DATABASE_ACQUIRE_TIMEOUT_MS. */
export const DATABASE_ACQUIRE_TIMEOUT = 'DATABASE_ACQUIRE_TIMEOUT';

export class DatabaseAcquireTimeoutError extends Error {
  readonly code = DATABASE_ACQUIRE_TIMEOUT;
  readonly fatal = true;

  constructor(timeoutMs: number) {
    super(`No database connection within ${timeoutMs} ms`);
    this.name = 'DatabaseAcquireTimeoutError';
  }
}

// mysql2 network failures (it marks them `fatal`) and the server going away; what a retry a moment later can fix.
const MYSQL_UNAVAILABLE = new Set([
  DATABASE_ACQUIRE_TIMEOUT,
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
]);

/**
 * The database could not be reached or was locked by another process (SQLite's SQLITE_BUSY/SQLITE_LOCKED), as
 * opposed to a query that is wrong. Only errors that come from the database driver count: another client's
 * ECONNREFUSED (WeChat, Redis, S3) is not the database's.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  if (!driverError || typeof driverError !== 'object') return false;
  const { code, fatal, name } = driverError as { code?: unknown; fatal?: unknown; name?: unknown };
  if (typeof code !== 'string') return false;
  if (name === 'SqliteError') return /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code);
  return (error instanceof QueryFailedError || fatal === true) && MYSQL_UNAVAILABLE.has(code);
}
