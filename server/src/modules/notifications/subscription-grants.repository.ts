import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SubscribeResult, SubscriptionMode } from '@careerside/shared';
import { SubscriptionGrantEntity } from './subscription-grant.entity';
import { chunks, execute, insertIgnore, isMysql, placeholders, sqlTime } from './sql-support';

export interface RecordedResult {
  templateId: string;
  mode: SubscriptionMode;
  result: SubscribeResult;
}

/** The consent wallet. Every change is one conditional UPDATE, so concurrent sends never overdraw a grant. */
@Injectable()
export class SubscriptionGrantsRepository {
  constructor(private readonly dataSource: DataSource) {}

  listForUser(userId: string): Promise<SubscriptionGrantEntity[]> {
    return this.dataSource.getRepository(SubscriptionGrantEntity).findBy({ userId });
  }

  /**
   * Applies what wx.requestSubscribeMessage answered. One-time accept: one more message. Long-term accept:
   * granted. Reject: a long-term grant ends; one-time grants already given stay (WeChat keeps them too).
   * Ban: the template is gone, nothing is left. Filter: nothing changes.
   */
  async record(
    manager: EntityManager,
    userId: string,
    results: readonly RecordedResult[],
    now: Date,
  ): Promise<void> {
    const at = sqlTime(manager, now);
    for (const { templateId, mode, result } of results) {
      await manager.query(
        `${insertIgnore(manager)} INTO subscription_grants
           (user_id, template_id, mode, remaining, last_result, created_at, updated_at)
         VALUES (?, ?, ?, 0, NULL, ?, ?)`,
        [userId, templateId, mode, at, at],
      );
      let remaining = 'remaining';
      if (result === SubscribeResult.Accept)
        remaining = mode === SubscriptionMode.OneTime ? 'remaining + 1' : '1';
      else if (result === SubscribeResult.Ban) remaining = '0';
      else if (result === SubscribeResult.Reject && mode === SubscriptionMode.LongTerm) remaining = '0';
      await manager.query(
        `UPDATE subscription_grants SET mode = ?, remaining = ${remaining}, last_result = ?, updated_at = ?
         WHERE user_id = ? AND template_id = ?`,
        [mode, result, at, userId, templateId],
      );
    }
  }

  /**
   * What these users have left of one template, with their rows locked for this transaction (MySQL/MariaDB;
   * SQLite runs one writer at a time anyway).
   */
  async lockRemaining(
    manager: EntityManager,
    templateId: string,
    userIds: readonly string[],
  ): Promise<Map<string, number>> {
    const remaining = new Map<string, number>();
    for (const chunk of chunks([...new Set(userIds)].sort(), 500)) {
      const rows: { user_id: string; remaining: number | string }[] = await manager.query(
        `SELECT user_id, remaining FROM subscription_grants
         WHERE template_id = ? AND user_id IN (${placeholders(chunk.length)})
         ${isMysql(manager) ? 'FOR UPDATE' : ''}`,
        [templateId, ...chunk],
      );
      for (const row of rows) remaining.set(row.user_id, Number(row.remaining));
    }
    return remaining;
  }

  /** Adds `delta` (per user) to what users have left of one template: negative takes, positive gives back. */
  async adjust(
    manager: EntityManager,
    templateId: string,
    deltas: ReadonlyMap<string, number>,
    now: Date,
  ): Promise<void> {
    const byDelta = new Map<number, string[]>();
    for (const [userId, delta] of deltas)
      if (delta !== 0) byDelta.set(delta, [...(byDelta.get(delta) ?? []), userId]);
    for (const [delta, userIds] of byDelta) {
      for (const chunk of chunks(userIds, 500)) {
        await manager.query(
          `UPDATE subscription_grants SET remaining = remaining + ?, updated_at = ?
           WHERE template_id = ? AND user_id IN (${placeholders(chunk.length)})`,
          [delta, sqlTime(manager, now), templateId, ...chunk],
        );
      }
    }
  }

  /** Takes one one-time grant; false when there is none left. */
  async consume(manager: EntityManager, userId: string, templateId: string, now: Date): Promise<boolean> {
    const result = await execute(
      manager,
      `UPDATE subscription_grants SET remaining = remaining - 1, updated_at = ?
       WHERE user_id = ? AND template_id = ? AND remaining > 0`,
      [sqlTime(manager, now), userId, templateId],
    );
    return result === 1;
  }

  /** Gives back a grant taken for a push that never reached WeChat's user. */
  async refund(manager: EntityManager, userId: string, templateId: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE subscription_grants SET remaining = remaining + 1, updated_at = ? WHERE user_id = ? AND template_id = ?`,
      [sqlTime(manager, now), userId, templateId],
    );
  }

  /** WeChat answered 43101: whatever we counted, the user has nothing left for this template. */
  async zero(manager: EntityManager, userId: string, templateId: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE subscription_grants SET remaining = 0, updated_at = ? WHERE user_id = ? AND template_id = ?`,
      [sqlTime(manager, now), userId, templateId],
    );
  }

  /** `userId|templateId` of the pairs among these users with something granted (a cheap pre-check per batch). */
  async grantedPairs(userIds: readonly string[]): Promise<Set<string>> {
    const pairs = new Set<string>();
    for (const chunk of chunks([...new Set(userIds)], 500)) {
      const rows: { user_id: string; template_id: string }[] = await this.dataSource.query(
        `SELECT user_id, template_id FROM subscription_grants
         WHERE remaining > 0 AND user_id IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const row of rows) pairs.add(`${row.user_id}|${row.template_id}`);
    }
    return pairs;
  }
}
