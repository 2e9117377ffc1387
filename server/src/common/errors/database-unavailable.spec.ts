import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { DatabaseAcquireTimeoutError, isDatabaseUnavailable } from './database-unavailable';

const driverError = (fields: Record<string, unknown>) => Object.assign(new Error('driver'), fields);
const failedQuery = (error: Error) => new QueryFailedError('SELECT 1', [], error);

describe(isDatabaseUnavailable.name, () => {
  it('recognises an unreachable MySQL server, as thrown by the pool or wrapped by TypeORM', () => {
    expect(isDatabaseUnavailable(new DatabaseAcquireTimeoutError(500))).toBe(true);
    expect(isDatabaseUnavailable(driverError({ code: 'ECONNREFUSED', fatal: true }))).toBe(true);
    expect(isDatabaseUnavailable(driverError({ code: 'ETIMEDOUT', fatal: true }))).toBe(true);
    expect(isDatabaseUnavailable(failedQuery(driverError({ code: 'PROTOCOL_CONNECTION_LOST' })))).toBe(true);
  });

  it('recognises SQLite locks held by another connection', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']) {
      expect(isDatabaseUnavailable(failedQuery(driverError({ name: 'SqliteError', code })))).toBe(true);
    }
  });

  it('leaves wrong queries and other services alone', () => {
    expect(isDatabaseUnavailable(failedQuery(driverError({ code: 'ER_PARSE_ERROR' })))).toBe(false);
    expect(isDatabaseUnavailable(failedQuery(driverError({ name: 'SqliteError', code: 'SQLITE_ERROR' })))).toBe(
      false,
    );
    // A WeChat or Redis socket that was refused is not the database's fault.
    expect(isDatabaseUnavailable(driverError({ code: 'ECONNREFUSED' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
