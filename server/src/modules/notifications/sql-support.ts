import type { EntityManager } from 'typeorm';

/** MySQL/MariaDB, as opposed to SQLite: the two places where their SQL differs go through here. */
export function isMysql(manager: EntityManager): boolean {
  const type = manager.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}

/**
 * A time as a raw-query parameter. mysql2 converts a Date itself (the pool runs in UTC); better-sqlite3 binds
 * only strings and numbers, so it gets the text TypeORM stores: `YYYY-MM-DD HH:MM:SS.sss` in UTC.
 */
export function sqlTime(manager: EntityManager, at: Date): Date | string {
  return isMysql(manager) ? at : at.toISOString().replace('T', ' ').replace('Z', '');
}

/** `INSERT IGNORE` (MySQL) or `INSERT OR IGNORE` (SQLite): a row that would break a unique key is skipped. */
export function insertIgnore(manager: EntityManager): string {
  return isMysql(manager) ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
}

/** A time read back by a raw query: a Date from mysql2, UTC text from SQLite. */
export function readTime(value: Date | string | null): Date | null {
  if (value === null) return null;
  if (value instanceof Date) return value;
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/** `?, ?, ?` for an IN list. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/**
 * Runs a raw INSERT/UPDATE/DELETE and answers the rows it changed. (EntityManager.query answers the driver's
 * raw result, which for an INSERT on better-sqlite3 is the last row id, not a count.)
 */
export async function execute(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, parameters, true);
    return result.affected ?? 0;
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
