import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationKind } from '@careerside/shared';
import { NotificationEntity } from './notification.entity';
import { execute, chunks, insertIgnore, placeholders, readTime, sqlTime } from './sql-support';

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
// Rows per INSERT: 11,000 parameters, well under SQLite's 32,766 and MySQL's packet size.
const INSERT_CHUNK = 2000;

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
    let after = '';
    for (;;) {
      const rows: { id: string }[] = await manager.query(
        'SELECT id FROM users WHERE role = ? AND id > ? ORDER BY id LIMIT ?',
        [role, after, size],
      );
      if (rows.length === 0) return;
      yield rows.map((row) => row.id);
      if (rows.length < size) return;
      after = rows[rows.length - 1].id;
    }
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
