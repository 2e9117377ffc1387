import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, insertIgnore } from './sql-support';

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

  /** A counted push that never arrived (dead) no longer counts. */
  async uncount(manager: EntityManager, userId: string, day: string): Promise<void> {
    await manager.query(
      `UPDATE notification_push_counters SET pushes = pushes - 1 WHERE user_id = ? AND day = ? AND pushes > 0`,
      [userId, day],
    );
  }
}
