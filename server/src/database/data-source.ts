import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions, type LoggerOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { UserEntity } from '../modules/users/user.entity';
import { CreateUsers1764115200000 } from './migrations/1764115200000-create-users';
import { TypeOrmLogger } from './typeorm-logger';

/** Every entity, listed explicitly (no globs, so the build and Jest see the same set). */
export const ENTITIES = [UserEntity];

/** Every migration in order. The schema comes only from these; `synchronize` stays off. */
export const MIGRATIONS = [CreateUsers1764115200000];

export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logger: new TypeOrmLogger(),
    logging: ['error', 'warn', 'migration'] satisfies LoggerOptions,
    maxQueryExecutionTime: 1000,
  };

  if (database.type === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.path,
      enableWAL: true,
      prepareDatabase: (db: { pragma: (statement: string) => unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    ...common,
    type: 'mysql',
    host: database.host,
    port: database.port,
    username: database.username,
    password: database.password,
    database: database.database,
    charset: 'utf8mb4',
    // Store and read DATETIME values as UTC whatever the server's time zone is.
    timezone: 'Z',
    extra: { connectionLimit: 10 },
  };
}

/** SQLite needs its folder to exist before the first connection. */
export function prepareDatabaseLocation(database: DatabaseConfig): void {
  if (database.type === 'sqlite') mkdirSync(dirname(database.path), { recursive: true });
}

export function createDataSource(database: DatabaseConfig): DataSource {
  prepareDatabaseLocation(database);
  return new DataSource(dataSourceOptions(database));
}
