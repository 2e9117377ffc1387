import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { chunks, execute, insertIgnore, isMysql, placeholders } from './sql-support';

/** Capped pushes per user and center day. */
@Injectable()
export class PushCountersRepository {
  /** Counts one more push unless the user already had `cap` today; false means over the cap. */
  async tryCount(manager: EntityManager, userId: string, day: string, cap: number): Promise<boolean> {
    await manager.query(
      `${insertIgnore(manager)} INTO notification_push_counters (user_id, day, pushes) VALUES (?, ?, 0)`,
      [userId, day],
    );
    const result = await execute(
      manager,
      `UPDATE notification_push_counters SET pushes = pushes + 1 WHERE user_id = ? AND day = ? AND pushes < ?`,
      [userId, day, cap],
    );
    return result === 1;
  }

  /** Today's capped pushes of these users, their rows created if missing and locked for this transaction. */
  async lockCounts(
    manager: EntityManager,
    day: string,
    userIds: readonly string[],
  ): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const chunk of chunks([...new Set(userIds)].sort(), 500)) {
      await manager.query(
        `${insertIgnore(manager)} INTO notification_push_counters (user_id, day, pushes)
         VALUES ${chunk.map(() => '(?, ?, 0)').join(', ')}`,
        chunk.flatMap((userId) => [userId, day]),
      );
      const rows: { user_id: string; pushes: number | string }[] = await manager.query(
        `SELECT user_id, pushes FROM notification_push_counters
         WHERE day = ? AND user_id IN (${placeholders(chunk.length)}) ${isMysql(manager) ? 'FOR UPDATE' : ''}`,
        [day, ...chunk],
      );
      for (const row of rows) counts.set(row.user_id, Number(row.pushes));
    }
    return counts;
  }

  /** Adds these many pushes per user to a day's counts (the rows are locked by lockCounts). */
  async add(manager: EntityManager, day: string, added: ReadonlyMap<string, number>): Promise<void> {
    const byCount = new Map<number, string[]>();
    for (const [userId, count] of added)
      if (count > 0) byCount.set(count, [...(byCount.get(count) ?? []), userId]);
    for (const [count, userIds] of byCount) {
      for (const chunk of chunks(userIds, 500)) {
        await manager.query(
          `UPDATE notification_push_counters SET pushes = pushes + ? WHERE day = ? AND user_id IN (${placeholders(chunk.length)})`,
          [count, day, ...chunk],
        );
      }
    }
  }

  /** A counted push that never arrived (dead) no longer counts. */
  async uncount(manager: EntityManager, userId: string, day: string): Promise<void> {
    await manager.query(
      `UPDATE notification_push_counters SET pushes = pushes - 1 WHERE user_id = ? AND day = ? AND pushes > 0`,
      [userId, day],
    );
  }
}
