import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as mysql2 from 'mysql2';
import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions, type LoggerOptions } from 'typeorm';
import type { DatabaseConfig, MysqlDatabaseConfig } from '../config/app-config';
import { NotificationDeliveryEntity } from '../modules/notifications/notification-delivery.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { PushCounterEntity } from '../modules/notifications/push-counter.entity';
import { SubscriptionGrantEntity } from '../modules/notifications/subscription-grant.entity';
import { UserEntity } from '../modules/users/user.entity';
import { MediaEntity } from '../modules/media/media.entity';
import {
  MuseumHallFollowEntity,
  MuseumReactionEntity,
  MuseumVisitEntity,
} from '../modules/museum/museum-engagement.entity';
import { MuseumExhibitTagEntity } from '../modules/museum/museum-exhibit-tag.entity';
import { MuseumExhibitEntity } from '../modules/museum/museum-exhibit.entity';
import { MuseumHallEntity } from '../modules/museum/museum-hall.entity';
import { ReflectionEntity, ReflectionPromptEntity } from '../modules/reflection/reflection.entity';
import { AdvisorEntity } from '../modules/advisors/advisor.entity';
import { AvailabilityExceptionEntity } from '../modules/advisors/availability-exception.entity';
import { CenterClosureEntity } from '../modules/advisors/center-closure.entity';
import { WeeklyRuleEntity } from '../modules/advisors/weekly-rule.entity';
import { AppointmentEntity } from '../modules/appointments/appointment.entity';
import { BookingStrikeEntity } from '../modules/appointments/booking-strike.entity';
import { BookingSuspensionEntity } from '../modules/appointments/booking-suspension.entity';
import { WaitlistEntryEntity } from '../modules/appointments/waitlist-entry.entity';
import { IdempotencyKeyEntity } from '../modules/idempotency/idempotency-key.entity';
import { SlotEntity } from '../modules/slots/slot.entity';
import { WechatAccessTokenEntity } from '../modules/wechat/wechat-access-token.entity';
import { CreateUsers1764115200000 } from './migrations/1764115200000-create-users';
import { CreateNotifications1764201600000 } from './migrations/1764201600000-create-notifications';
import { CreateBooking1764374400000 } from './migrations/1764374400000-create-booking';
import { CreateMuseum1764720000000 } from './migrations/1764720000000-create-museum';
import { CreateJobs1764806400000 } from './migrations/1764806400000-create-jobs';
import { JobAlertMatchEntity } from '../modules/job-alerts/job-alert-match.entity';
import { JobAlertSettingsEntity } from '../modules/job-alerts/job-alert-settings.entity';
import {
  JobAlertIndustryEntity,
  JobAlertKeySectorEntity,
  JobAlertKeywordEntity,
  JobAlertLocationEntity,
} from '../modules/job-alerts/job-alert-values.entity';
import { EmployerSubmissionEntity } from '../modules/jobs/employer-submission.entity';
import { JobKeySectorEntity, JobLocationEntity } from '../modules/jobs/job-facets.entity';
import { JobMarkEntity } from '../modules/jobs/job-marks.entity';
import { JobEntity } from '../modules/jobs/job.entity';
import {
  CounselorCalendarFeedEntity,
  CounselorInviteEntity,
  CounselorSupervisorEntity,
} from '../modules/counselor/counselor-access.entity';
import { CounselorNoteEntity, CounselorNoteReadEntity } from '../modules/counselor/counselor-note.entity';
import { CreateCounselorWorkspace1764892800000 } from './migrations/1764892800000-create-counselor-workspace';
import { AddUserTokenVersion1795651200000 } from './migrations/1795651200000-add-user-token-version';
import { ClearPlainWechatSessionKeys1795654800000 } from './migrations/1795654800000-clear-plain-wechat-session-keys';
import { DatabaseAcquireTimeoutError } from '../common/errors/database-unavailable';
import { TypeOrmLogger } from './typeorm-logger';

/** Every entity, listed explicitly (no globs, so the build and Jest see the same set). */
export const ENTITIES = [
  UserEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  SubscriptionGrantEntity,
  PushCounterEntity,
  WechatAccessTokenEntity,
  AdvisorEntity,
  WeeklyRuleEntity,
  AvailabilityExceptionEntity,
  CenterClosureEntity,
  SlotEntity,
  AppointmentEntity,
  WaitlistEntryEntity,
  BookingStrikeEntity,
  BookingSuspensionEntity,
  IdempotencyKeyEntity,
  MediaEntity,
  MuseumHallEntity,
  MuseumExhibitEntity,
  MuseumExhibitTagEntity,
  MuseumReactionEntity,
  MuseumVisitEntity,
  MuseumHallFollowEntity,
  ReflectionPromptEntity,
  ReflectionEntity,
  JobEntity,
  JobKeySectorEntity,
  JobLocationEntity,
  JobMarkEntity,
  EmployerSubmissionEntity,
  JobAlertSettingsEntity,
  JobAlertIndustryEntity,
  JobAlertKeySectorEntity,
  JobAlertLocationEntity,
  JobAlertKeywordEntity,
  JobAlertMatchEntity,
  CounselorNoteEntity,
  CounselorNoteReadEntity,
  CounselorSupervisorEntity,
  CounselorInviteEntity,
  CounselorCalendarFeedEntity,
];

/** Every migration in order. The schema comes only from these; `synchronize` stays off. */
export const MIGRATIONS = [
  CreateUsers1764115200000,
  CreateNotifications1764201600000,
  CreateBooking1764374400000,
  CreateMuseum1764720000000,
  CreateJobs1764806400000,
  CreateCounselorWorkspace1764892800000,
  AddUserTokenVersion1795651200000,
  ClearPlainWechatSessionKeys1795654800000,
];

/**
 * mysql2 with every pooled connection set to UTC, and a bounded wait for a connection.
 * `timezone: 'Z'` only converts the values we send and read; CURRENT_TIMESTAMP defaults and ON UPDATE use the
 * session time zone, which is +08:00 on many servers in China. mysql2 runs commands in order, so the SET precedes
 * anything a caller sends on a new connection.
 * mysql2's pool has no acquire timeout: while the database is unreachable, callers would queue behind connects
 * that each wait `connectTimeout`. After `acquireTimeoutMs` the caller gets DatabaseAcquireTimeoutError (a 503)
 * instead; a connection that arrives later goes straight back to the pool, so the pool recovers by itself.
 */
function mysqlDriver(acquireTimeoutMs: number) {
  return {
    ...mysql2,
    createPool: (options: mysql2.PoolOptions) => {
      const pool = mysql2.createPool(options);
      pool.on('connection', (connection) => {
        // A connection that cannot be switched to UTC is not used at all.
        connection.query("SET time_zone = '+00:00'", (error) => {
          if (error) connection.destroy();
        });
      });
      const getConnection = pool.getConnection.bind(pool);
      pool.getConnection = (callback) => {
        let waiting = true;
        const timer = setTimeout(() => {
          waiting = false;
          callback(new DatabaseAcquireTimeoutError(acquireTimeoutMs), undefined as never);
        }, acquireTimeoutMs);
        getConnection((error, connection) => {
          if (!waiting) {
            if (!error) connection.release();
            return;
          }
          waiting = false;
          clearTimeout(timer);
          callback(error, connection);
        });
      };
      return pool;
    },
  };
}

/** MySQL and MariaDB share the driver, but TypeORM reads MariaDB's catalog correctly only as `mariadb`. */
export type MysqlFlavor = 'mysql' | 'mariadb';

export async function detectMysqlFlavor(database: MysqlDatabaseConfig): Promise<MysqlFlavor> {
  const connection = await createConnection({
    host: database.host,
    port: database.port,
    user: database.username,
    password: database.password,
    database: database.database,
    connectTimeout: 10_000,
  });
  try {
    const [rows] = await connection.query<(mysql2.RowDataPacket & { version: string })[]>(
      'SELECT VERSION() AS version',
    );
    return /mariadb/i.test(rows[0]?.version ?? '') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

export function dataSourceOptions(
  database: DatabaseConfig,
  mysqlFlavor: MysqlFlavor = 'mysql',
): DataSourceOptions {
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
        // A lock held by another process (a script, a second server) past this is SQLITE_BUSY, answered as a 503.
        db.pragma(`busy_timeout = ${database.acquireTimeoutMs}`);
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    ...common,
    type: mysqlFlavor,
    driver: mysqlDriver(database.acquireTimeoutMs),
    host: database.host,
    port: database.port,
    username: database.username,
    password: database.password,
    database: database.database,
    charset: 'utf8mb4',
    // Store and read DATETIME values as UTC whatever the server's time zone is.
    timezone: 'Z',
    // mysql2 waits 10 s for an unreachable server by default; a request should not.
    connectTimeout: database.acquireTimeoutMs,
    extra: { connectionLimit: 10 },
  };
}

/** Everything the first connection needs: SQLite's folder, or which MySQL flavour answers. */
export async function resolveDataSourceOptions(database: DatabaseConfig): Promise<DataSourceOptions> {
  if (database.type === 'sqlite') {
    mkdirSync(dirname(database.path), { recursive: true });
    return dataSourceOptions(database);
  }
  return dataSourceOptions(database, await detectMysqlFlavor(database));
}

export async function createDataSource(database: DatabaseConfig): Promise<DataSource> {
  return new DataSource(await resolveDataSourceOptions(database));
}
