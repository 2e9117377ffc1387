import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';

// better-sqlite3 gives TypeORM one connection and one query runner: two transactions started at once would
// nest (the second becomes a SAVEPOINT inside the first) and a rollback of one would undo the other. Every
// transaction on SQLite therefore waits its turn here, per DataSource. SQLite serialises writers anyway.
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

const MYSQL_RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MYSQL_ATTEMPTS = 4;

export function isSqlite(dataSource: DataSource): boolean {
  const type = dataSource.options.type;
  return type === 'better-sqlite3';
}

/**
 * Runs `work` in one transaction. SQLite: one at a time per data source. MySQL/MariaDB: a deadlock or lock
 * wait timeout (InnoDB rolled the whole transaction back) is retried a few times with a short jittered pause.
 * `work` may therefore run more than once and must keep its side effects inside the transaction.
 *
 * READ COMMITTED, not InnoDB's default REPEATABLE READ: the rules check rows after taking a lock (a student's
 * row, a slot's seat), and under REPEATABLE READ a plain SELECT after the lock still reads the snapshot taken
 * at the transaction's first read, missing what the previous lock holder committed. Seen as one student
 * booking four overlapping slots at once on MariaDB.
 */
export async function runInTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (isSqlite(dataSource)) {
    const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(() => dataSource.transaction(work));
    sqliteQueues.set(
      dataSource,
      mine.catch(() => undefined),
    );
    return mine;
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await dataSource.transaction('READ COMMITTED', work);
    } catch (error) {
      if (attempt >= MYSQL_ATTEMPTS || !isRetryableLockError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

export function isRetryableLockError(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code !== undefined && MYSQL_RETRYABLE.has(code);
}

/** Rows an UPDATE or DELETE changed, on MySQL/MariaDB (affectedRows) and SQLite (changes) alike. */
export function affectedRows(result: { affected?: number | null }): number {
  return result.affected ?? 0;
}
