import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationKind } from '@careerside/shared';
import { keysetPages } from '../../database/keyset-pages';
import { NotificationEntity } from './notification.entity';
import { execute, chunks, insertIgnore, isMysql, placeholders, readTime, sqlTime } from './sql-support';

export interface NewNotification {
  id: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  page: string | null;
  payload: string | null;
  dedupeKey: string;
  visibleAt: Date;
  createdAt: Date;
}

export interface InboxPosition {
  visibleAt: Date;
  id: string;
}

const COLUMNS = [
  'id',
  'user_id',
  'kind',
  'title',
  'body',
  'page',
  'payload',
  'dedupe_key',
  'visible_at',
  'read_at',
  'created_at',
];
// Rows per INSERT: 22,000 parameters, under SQLite's 32,766 and MySQL's packet size.
const INSERT_CHUNK = 2000;
// From this many rows a MySQL insert passes the text the rows share once (insertSharingText).
const SHARED_TEXT_MIN_ROWS = 2;

/** The ids insertRolePage gives a page written with this prefix: from the first to the last possible. */
export function pageIdRange(idPrefix: string): { from: string; to: string } {
  return { from: `${idPrefix}000000`, to: `${idPrefix}ffffff` };
}

/** Whether every row says the same thing (a fan-out page): they differ only in id, user and times. */
function sharesText(rows: readonly NewNotification[]): boolean {
  const first = rows[0];
  return rows.every(
    (row) =>
      row.kind === first.kind &&
      row.title === first.title &&
      row.body === first.body &&
      row.page === first.page &&
      row.payload === first.payload &&
      row.dedupeKey === first.dedupeKey,
  );
}

/** The inbox table. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts the rows; a row whose (user, dedupe key) exists already is skipped. Answers how many were new.
   * Callers give each row a fresh id, so "the ids that exist now" are exactly the new rows.
   */
  async insertIgnoringDuplicates(manager: EntityManager, rows: readonly NewNotification[]): Promise<number> {
    let inserted = 0;
    for (const chunk of chunks(rows, INSERT_CHUNK)) {
      if (
        chunk.length >= SHARED_TEXT_MIN_ROWS &&
        isMysql(manager) &&
        manager.queryRunner &&
        sharesText(chunk)
      ) {
        inserted += await this.insertSharingText(manager, chunk);
        continue;
      }
      const values: unknown[] = [];
      for (const row of chunk) {
        values.push(
          row.id,
          row.userId,
          row.kind,
          row.title,
          row.body,
          row.page,
          row.payload,
          row.dedupeKey,
          sqlTime(manager, row.visibleAt),
          null,
          sqlTime(manager, row.createdAt),
        );
      }
      const tuple = `(${placeholders(COLUMNS.length)})`;
      const result = await execute(
        manager,
        `${insertIgnore(manager)} INTO notifications (${COLUMNS.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
        values,
      );
      inserted += result;
    }
    return inserted;
  }

  /**
   * A fan-out page on MySQL/MariaDB, where mysql2 builds the statement as text: the text every row shares
   * (title, body, page, payload, dedupe key, usually Chinese) goes into session variables once, so the
   * statement carries only ids and times (ASCII, about 130 bytes a row instead of 700). Without this a
   * 400,000-user fan-out made some 300 MB of statement text that V8 frees only in full collections, and the
   * server's peak RSS grew with the audience. Needs the caller's transaction: both statements must run on
   * one connection.
   */
  private async insertSharingText(
    manager: EntityManager,
    chunk: readonly NewNotification[],
  ): Promise<number> {
    const first = chunk[0];
    await execute(
      manager,
      'SET @fan_out_kind = ?, @fan_out_title = ?, @fan_out_body = ?, @fan_out_page = ?, @fan_out_payload = ?, @fan_out_dedupe_key = ?',
      [first.kind, first.title, first.body, first.page, first.payload, first.dedupeKey],
    );
    const values: unknown[] = [];
    for (const row of chunk) {
      values.push(row.id, row.userId, sqlTime(manager, row.visibleAt), sqlTime(manager, row.createdAt));
    }
    const tuple =
      '(?, ?, @fan_out_kind, @fan_out_title, @fan_out_body, @fan_out_page, @fan_out_payload, @fan_out_dedupe_key, ?, NULL, ?)';
    return execute(
      manager,
      `INSERT IGNORE INTO notifications (${COLUMNS.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
      values,
    );
  }

  async findIdByDedupeKey(manager: EntityManager, userId: string, dedupeKey: string): Promise<string | null> {
    const row = await manager.getRepository(NotificationEntity).findOne({
      select: { id: true },
      where: { userId, dedupeKey },
    });
    return row?.id ?? null;
  }

  /** This user's entries with these dedupe keys, shown or not yet. */
  async findByDedupeKeys(
    manager: EntityManager,
    userId: string,
    dedupeKeys: readonly string[],
  ): Promise<{ id: string; visibleAt: Date }[]> {
    const found: { id: string; visibleAt: Date }[] = [];
    for (const chunk of chunks([...new Set(dedupeKeys)], INSERT_CHUNK)) {
      const rows: { id: string; visible_at: Date | string }[] = await manager.query(
        `SELECT id, visible_at FROM notifications WHERE user_id = ? AND dedupe_key IN (${placeholders(chunk.length)})`,
        [userId, ...chunk],
      );
      for (const row of rows) found.push({ id: row.id, visibleAt: readTime(row.visible_at) ?? new Date(0) });
    }
    return found;
  }

  /**
   * Deletes entries that are not shown yet and whose push, if any, was withdrawn (never one that went out or
   * is on the wire). Answers how many went.
   */
  async deleteUnshown(
    manager: EntityManager,
    userId: string,
    ids: readonly string[],
    now: Date,
    withdrawnStatus: string,
  ): Promise<number> {
    let deleted = 0;
    for (const chunk of chunks(ids, INSERT_CHUNK)) {
      deleted += await execute(
        manager,
        `DELETE FROM notifications
         WHERE user_id = ? AND visible_at > ? AND id IN (${placeholders(chunk.length)})
         AND NOT EXISTS (SELECT 1 FROM notification_deliveries d
                         WHERE d.notification_id = notifications.id AND d.status <> ?)`,
        [userId, sqlTime(manager, now), ...chunk, withdrawnStatus],
      );
    }
    return deleted;
  }

  /**
   * The ids of every user with this role, `size` at a time in id order: each page is read after the one
   * before it was handled (keyset paging on the role index, which ends in the primary key).
   */
  async *userIdPagesWithRole(manager: EntityManager, role: string, size: number): AsyncGenerator<string[]> {
    // MariaDB reads `role = ?` through the role index from its start and filters `id > ?`: every page would
    // scan all the pages before it (80,000 index rows for the 2,000 after row 80,000). The primary key range
    // reads just the page. SQLite picks that range by itself.
    const users = isMysql(manager) ? 'users FORCE INDEX (PRIMARY)' : 'users';
    yield* keysetPages(size, async (after, limit) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM ${users} WHERE role = ? AND id > ? ORDER BY id LIMIT ?`,
        [role, after, limit],
      );
      return rows.map((row) => row.id);
    });
  }

  /**
   * The id of the last of the next `size` users with this role after `after` (id order), or null when there
   * are none: the upper end of a fan-out page that insertRolePage then writes from the users table.
   */
  async lastUserIdOfRolePage(
    manager: EntityManager,
    role: string,
    after: string,
    size: number,
  ): Promise<string | null> {
    // The primary key range reads just the page (see userIdPagesWithRole).
    const users = isMysql(manager) ? 'users FORCE INDEX (PRIMARY)' : 'users';
    const rows: { last: string | null }[] = await manager.query(
      `SELECT MAX(id) AS last FROM (SELECT id FROM ${users} WHERE role = ? AND id > ? ORDER BY id LIMIT ?) page`,
      [role, after, size],
    );
    return rows[0]?.last ?? null;
  }

  /**
   * MySQL/MariaDB: a role fan-out's page straight from the users table (INSERT ... SELECT), one entry for
   * each user with this role whose id is in (after, upTo], skipping users who have this dedupe key already.
   * No id goes through the server: entry ids are `idPrefix` (the first 30 characters of a UUIDv7) followed
   * by the user's 6-hex position in the page, so they are unique, ascend with the user id, and the page's new
   * entries are exactly the ids in pageIdRange(idPrefix). The shared text goes in session variables as in
   * insertSharingText, so this needs the caller's transaction. Answers how many entries were new.
   */
  async insertRolePage(
    manager: EntityManager,
    page: {
      role: string;
      after: string;
      upTo: string;
      idPrefix: string;
      row: Omit<NewNotification, 'id' | 'userId'>;
    },
  ): Promise<number> {
    const { row } = page;
    if (page.idPrefix.length !== 30) throw new Error('insertRolePage: idPrefix must be 30 characters');
    await execute(
      manager,
      'SET @fan_out_kind = ?, @fan_out_title = ?, @fan_out_body = ?, @fan_out_page = ?, @fan_out_payload = ?, @fan_out_dedupe_key = ?',
      [row.kind, row.title, row.body, row.page, row.payload, row.dedupeKey],
    );
    return execute(
      manager,
      `INSERT IGNORE INTO notifications (${COLUMNS.join(', ')})
       SELECT CONCAT(?, LOWER(LPAD(HEX(ROW_NUMBER() OVER (ORDER BY u.id)), 6, '0'))), u.id, @fan_out_kind,
              @fan_out_title, @fan_out_body, @fan_out_page, @fan_out_payload, @fan_out_dedupe_key, ?, NULL, ?
       FROM users u FORCE INDEX (PRIMARY) WHERE u.role = ? AND u.id > ? AND u.id <= ?`,
      [
        page.idPrefix,
        sqlTime(manager, row.visibleAt),
        sqlTime(manager, row.createdAt),
        page.role,
        page.after,
        page.upTo,
      ],
    );
  }

  /** The subset of these user ids that exist. */
  async existingUserIds(manager: EntityManager, userIds: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const chunk of chunks(userIds, INSERT_CHUNK)) {
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM users WHERE id IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const row of rows) found.add(row.id);
    }
    return found;
  }

  /** Newest first: by the time entries appeared, then id. `after` is the last entry of the previous page. */
  listVisible(
    userId: string,
    options: { now: Date; limit: number; after?: InboxPosition; unreadOnly?: boolean },
  ): Promise<NotificationEntity[]> {
    const query = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.userId = :userId', { userId })
      .andWhere('n.visibleAt <= :now', { now: options.now });
    if (options.unreadOnly) query.andWhere('n.readAt IS NULL');
    if (options.after) {
      query.andWhere('(n.visibleAt < :afterAt OR (n.visibleAt = :afterAt AND n.id < :afterId))', {
        afterAt: options.after.visibleAt,
        afterId: options.after.id,
      });
    }
    return query.orderBy('n.visibleAt', 'DESC').addOrderBy('n.id', 'DESC').take(options.limit).getMany();
  }

  countUnread(userId: string, now: Date): Promise<number> {
    return this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.userId = :userId AND n.readAt IS NULL AND n.visibleAt <= :now', { userId, now })
      .getCount();
  }

  findVisible(userId: string, id: string, now: Date): Promise<NotificationEntity | null> {
    return this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.id = :id AND n.userId = :userId AND n.visibleAt <= :now', { id, userId, now })
      .getOne();
  }

  /** Marks one visible entry read, keeping the first read time. */
  async markRead(manager: EntityManager, userId: string, id: string, now: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: now })
      .where('id = :id AND user_id = :userId AND read_at IS NULL AND visible_at <= :now', { id, userId, now })
      .execute();
  }

  async markAllRead(manager: EntityManager, userId: string, now: Date): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: now })
      .where('user_id = :userId AND read_at IS NULL AND visible_at <= :now', { userId, now })
      .execute();
    return result.affected ?? 0;
  }

  /** Rewrites the text of a digest as more pushes fold into it. */
  async updateText(manager: EntityManager, id: string, title: string, body: string): Promise<void> {
    await manager.getRepository(NotificationEntity).update({ id }, { title, body });
  }

  /** For staff views: titles of these notifications. */
  async titles(ids: readonly string[]): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    for (const chunk of chunks(ids, INSERT_CHUNK)) {
      const rows: { id: string; title: string }[] = await this.dataSource.query(
        `SELECT id, title FROM notifications WHERE id IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const row of rows) map.set(row.id, row.title);
    }
    return map;
  }
}
