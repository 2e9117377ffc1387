import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DeliveryStatus, type NotificationKind, type Role } from '@careerside/shared';
import { runInTransaction } from '../../database/transactions';
import { DeliveryChannel, NotificationDeliveryEntity } from './notification-delivery.entity';
import { execute, chunks, insertIgnore, isMysql, placeholders, sqlTime } from './sql-support';

export interface NewDeliveries {
  /**
   * Notifications just inserted; a delivery is made for each of them that exists. Either their ids, or the
   * range of ids a fan-out page was written with (every notification whose id is in it, ends included).
   */
  notificationIds: readonly string[] | { from: string; to: string };
  templateId: string;
  urgent: boolean;
  fields: string | null;
  dueAt: Date;
  now: Date;
}

/** A claimed delivery with what sending it needs. */
export interface ClaimedDelivery {
  notificationId: string;
  userId: string;
  kind: NotificationKind;
  templateId: string;
  urgent: boolean;
  fields: string | null;
  attempts: number;
  grantConsumed: boolean;
  pushDay: string | null;
  title: string;
  body: string;
  page: string | null;
  openid: string;
  role: Role;
}

export interface DeliveryStatsRow {
  kind: NotificationKind;
  status: DeliveryStatus;
  count: number;
}

const WECHAT = DeliveryChannel.Wechat;
const CLAIMABLE = [DeliveryStatus.Queued, DeliveryStatus.Failed];
const CHUNK = 1000;

/** The delivery outbox: every statement that moves a push from one status to another is here. */
@Injectable()
export class DeliveriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One queued WeChat delivery per notification, in the caller's transaction. */
  async insertForNotifications(manager: EntityManager, spec: NewDeliveries): Promise<number> {
    const ids = spec.notificationIds;
    const pages: { where: string; values: readonly string[] }[] =
      'from' in ids
        ? [{ where: 'n.id BETWEEN ? AND ?', values: [ids.from, ids.to] }]
        : chunks(ids, CHUNK).map((chunk) => ({
            where: `n.id IN (${placeholders(chunk.length)})`,
            values: chunk,
          }));
    let inserted = 0;
    for (const chunk of pages) {
      const now = sqlTime(manager, spec.now);
      const result = await execute(
        manager,
        `${insertIgnore(manager)} INTO notification_deliveries
           (notification_id, channel, user_id, kind, template_id, status, urgent, fields, due_at, attempts,
            last_error, lease_owner, lease_until, in_flight_since, grant_consumed, push_day, folded_into, sent_at,
            created_at, updated_at)
         SELECT n.id, ?, n.user_id, n.kind, ?, ?, ?, ?, ?, 0, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, ?, ?
         FROM notifications n WHERE ${chunk.where}`,
        [
          WECHAT,
          spec.templateId,
          DeliveryStatus.Queued,
          spec.urgent ? 1 : 0,
          spec.fields,
          sqlTime(manager, spec.dueAt),
          now,
          now,
          ...chunk.values,
        ],
      );
      inserted += result;
    }
    return inserted;
  }

  /**
   * Claims up to `limit` due deliveries for this worker: status sending, leased until `leaseUntil`.
   * MySQL/MariaDB: FOR UPDATE SKIP LOCKED, so concurrent workers in any process take disjoint rows.
   * SQLite: one process, and its transactions run one at a time.
   */
  async claimDue(
    owner: string,
    options: { limit: number; now: Date; leaseUntil: Date; onlyUrgent: boolean },
  ): Promise<ClaimedDelivery[]> {
    const claim = async (manager: EntityManager): Promise<string[]> => {
      const mysql = isMysql(manager);
      const rows: { id: string }[] = await manager.query(
        `SELECT notification_id AS id FROM notification_deliveries
         WHERE status IN (${placeholders(CLAIMABLE.length)}) AND due_at <= ? AND channel = ?
         ${options.onlyUrgent ? 'AND urgent = 1' : ''}
         ${mysql ? '' : 'ORDER BY due_at'}
         LIMIT ? ${mysql ? 'FOR UPDATE SKIP LOCKED' : ''}`,
        [...CLAIMABLE, sqlTime(manager, options.now), WECHAT, options.limit],
      );
      const ids = rows.map((row) => row.id);
      if (ids.length === 0) return ids;
      await manager.query(
        `UPDATE notification_deliveries
         SET status = ?, lease_owner = ?, lease_until = ?, in_flight_since = NULL, updated_at = ?
         WHERE channel = ? AND notification_id IN (${placeholders(ids.length)})`,
        [
          DeliveryStatus.Sending,
          owner,
          sqlTime(manager, options.leaseUntil),
          sqlTime(manager, options.now),
          WECHAT,
          ...ids,
        ],
      );
      return ids;
    };
    // READ COMMITTED: the locking read takes no gap locks, so inserts of new deliveries never wait on a claim.
    const ids = isMysql(this.dataSource.manager)
      ? await this.dataSource.transaction('READ COMMITTED', claim)
      : await runInTransaction(this.dataSource, claim);
    if (ids.length === 0) return [];

    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT d.notification_id, d.user_id, d.kind, d.template_id, d.urgent, d.fields, d.attempts,
              d.grant_consumed, d.push_day, n.title, n.body, n.page, u.openid, u.role
       FROM notification_deliveries d
       JOIN notifications n ON n.id = d.notification_id
       JOIN users u ON u.id = d.user_id
       WHERE d.channel = ? AND d.notification_id IN (${placeholders(ids.length)})`,
      [WECHAT, ...ids],
    );
    return rows.map((row) => ({
      notificationId: String(row.notification_id),
      userId: String(row.user_id),
      kind: row.kind as NotificationKind,
      templateId: String(row.template_id),
      urgent: Number(row.urgent) === 1,
      fields: (row.fields as string | null) ?? null,
      attempts: Number(row.attempts),
      grantConsumed: Number(row.grant_consumed) === 1,
      pushDay: (row.push_day as string | null) ?? null,
      title: String(row.title),
      body: String(row.body),
      page: (row.page as string | null) ?? null,
      openid: String(row.openid),
      role: row.role as Role,
    }));
  }

  /**
   * Commits that these attempts start now, just before the HTTP calls. Answers the ids this worker still
   * holds the claim of (only those may be sent).
   */
  async startAttempts(
    manager: EntityManager,
    owner: string,
    now: Date,
    groups: readonly { ids: readonly string[]; grantConsumed: boolean; pushDay: string | null }[],
  ): Promise<Set<string>> {
    const at = sqlTime(manager, now);
    let expected = 0;
    let changed = 0;
    for (const group of groups) {
      if (group.ids.length === 0) continue;
      expected += group.ids.length;
      changed += await execute(
        manager,
        `UPDATE notification_deliveries
         SET attempts = attempts + 1, in_flight_since = ?, grant_consumed = ?, push_day = ?, updated_at = ?
         WHERE channel = ? AND lease_owner = ? AND status = ? AND notification_id IN (${placeholders(group.ids.length)})`,
        [
          at,
          group.grantConsumed ? 1 : 0,
          group.pushDay,
          at,
          WECHAT,
          owner,
          DeliveryStatus.Sending,
          ...group.ids,
        ],
      );
    }
    const all = groups.flatMap((group) => group.ids);
    if (changed === expected) return new Set(all);
    // Some claims were recovered by another worker meanwhile (rare): find which ones are still ours.
    const rows: { id: string }[] = await manager.query(
      `SELECT notification_id AS id FROM notification_deliveries
       WHERE channel = ? AND lease_owner = ? AND status = ? AND in_flight_since = ?
       AND notification_id IN (${placeholders(all.length)})`,
      [WECHAT, owner, DeliveryStatus.Sending, at, ...all],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Withdraws the pushes of these notifications that have not gone out: queued, waiting for a retry, or
   * claimed by a worker that has not started sending (it re-checks before it sends). Pushes on the wire or
   * settled are left as they are. Answers how many were withdrawn.
   */
  async withdrawPending(
    manager: EntityManager,
    notificationIds: readonly string[],
    now: Date,
  ): Promise<number> {
    let withdrawn = 0;
    for (const chunk of chunks(notificationIds, CHUNK)) {
      withdrawn += await execute(
        manager,
        `UPDATE notification_deliveries
         SET status = ?, last_error = ?, lease_until = NULL, updated_at = ?
         WHERE channel = ? AND notification_id IN (${placeholders(chunk.length)})
         AND (status IN (?, ?) OR (status = ? AND in_flight_since IS NULL))`,
        [
          DeliveryStatus.Withdrawn,
          'withdrawn by the sender before it went out',
          sqlTime(manager, now),
          WECHAT,
          ...chunk,
          DeliveryStatus.Queued,
          DeliveryStatus.Failed,
          DeliveryStatus.Sending,
        ],
      );
    }
    return withdrawn;
  }

  /**
   * Of these claimed deliveries, the ones this worker still holds, locked until the caller's transaction
   * ends (MySQL/MariaDB), so a withdrawal either happened before and is seen here, or waits and then finds
   * the attempt started.
   */
  async lockHeld(manager: EntityManager, owner: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `SELECT notification_id AS id FROM notification_deliveries
       WHERE channel = ? AND lease_owner = ? AND status = ? AND in_flight_since IS NULL
       AND notification_id IN (${placeholders(ids.length)}) ${isMysql(manager) ? 'FOR UPDATE' : ''}`,
      [WECHAT, owner, DeliveryStatus.Sending, ...ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Sent. Also recorded when the lease lapsed meanwhile (the row was marked unconfirmed): now we know. */
  async markSent(manager: EntityManager, ids: readonly string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE notification_deliveries
       SET status = ?, sent_at = ?, last_error = NULL, in_flight_since = NULL, lease_until = NULL, updated_at = ?
       WHERE channel = ? AND status IN (?, ?) AND notification_id IN (${placeholders(ids.length)})`,
      [
        DeliveryStatus.Sent,
        sqlTime(manager, now),
        sqlTime(manager, now),
        WECHAT,
        DeliveryStatus.Sending,
        DeliveryStatus.Unconfirmed,
        ...ids,
      ],
    );
  }

  /** Failed, to be retried at `dueAt`. */
  async markRetry(manager: EntityManager, id: string, reason: string, dueAt: Date, now: Date): Promise<void> {
    await this.finish(manager, [id], DeliveryStatus.Failed, reason, now, dueAt);
  }

  async markDead(manager: EntityManager, id: string, reason: string, now: Date): Promise<void> {
    await this.finish(manager, [id], DeliveryStatus.Dead, reason, now);
  }

  async markSkipped(
    manager: EntityManager,
    ids: readonly string[],
    reason: string,
    now: Date,
  ): Promise<void> {
    await this.finish(manager, ids, DeliveryStatus.SkippedNoConsent, reason, now);
  }

  async markFolded(manager: EntityManager, id: string, digestId: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE notification_deliveries
       SET status = ?, folded_into = ?, last_error = ?, lease_until = NULL, in_flight_since = NULL, updated_at = ?
       WHERE channel = ? AND notification_id = ?`,
      [
        DeliveryStatus.Folded,
        digestId,
        'over the daily push cap: folded into a digest',
        sqlTime(manager, now),
        WECHAT,
        id,
      ],
    );
  }

  /** Gives claimed rows back untouched (no attempt started): shutting down, or pushes that must wait. */
  async release(ids: readonly string[], dueAt: Date | null, now: Date): Promise<void> {
    if (ids.length === 0) return;
    await runInTransaction(this.dataSource, (manager) =>
      manager.query(
        `UPDATE notification_deliveries
         SET status = ?, lease_owner = NULL, lease_until = NULL, ${dueAt ? 'due_at = ?,' : ''} updated_at = ?
         WHERE channel = ? AND status = ? AND in_flight_since IS NULL AND notification_id IN (${placeholders(ids.length)})`,
        [
          DeliveryStatus.Queued,
          ...(dueAt ? [sqlTime(manager, dueAt)] : []),
          sqlTime(manager, now),
          WECHAT,
          DeliveryStatus.Sending,
          ...ids,
        ],
      ),
    );
  }

  /** Keeps this worker's claims alive while it works through them. */
  async renewLeases(owner: string, until: Date): Promise<void> {
    await runInTransaction(this.dataSource, (manager) =>
      manager.query(
        `UPDATE notification_deliveries SET lease_until = ? WHERE lease_owner = ? AND status = ?`,
        [sqlTime(manager, until), owner, DeliveryStatus.Sending],
      ),
    );
  }

  /**
   * Claims whose worker is gone (the lease lapsed): rows it never started go back to the queue; rows it had
   * on the wire become unconfirmed, because WeChat may have delivered them and resending could repeat them.
   */
  async recoverLapsed(now: Date): Promise<{ requeued: number; unconfirmed: number }> {
    return runInTransaction(this.dataSource, async (manager) => {
      const at = sqlTime(manager, now);
      const requeued = await execute(
        manager,
        `UPDATE notification_deliveries SET status = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?
         WHERE status = ? AND lease_until < ? AND in_flight_since IS NULL`,
        [DeliveryStatus.Queued, at, DeliveryStatus.Sending, at],
      );
      const unconfirmed = await execute(
        manager,
        `UPDATE notification_deliveries SET status = ?, last_error = ?, lease_until = NULL, updated_at = ?
         WHERE status = ? AND lease_until < ? AND in_flight_since IS NOT NULL`,
        [
          DeliveryStatus.Unconfirmed,
          'the worker stopped while sending; WeChat may or may not have it (not resent automatically)',
          at,
          DeliveryStatus.Sending,
          at,
        ],
      );
      return { requeued, unconfirmed };
    });
  }

  async countFoldedInto(manager: EntityManager, digestId: string): Promise<number> {
    return manager
      .getRepository(NotificationDeliveryEntity)
      .countBy({ foldedInto: digestId, status: DeliveryStatus.Folded });
  }

  async setFields(manager: EntityManager, notificationId: string, fields: string): Promise<void> {
    await manager
      .getRepository(NotificationDeliveryEntity)
      .update({ notificationId, channel: WECHAT }, { fields });
  }

  async stats(since: Date): Promise<DeliveryStatsRow[]> {
    const rows: { kind: NotificationKind; status: DeliveryStatus; count: string | number }[] =
      await this.dataSource
        .getRepository(NotificationDeliveryEntity)
        .createQueryBuilder('d')
        .select('d.kind', 'kind')
        .addSelect('d.status', 'status')
        .addSelect('COUNT(*)', 'count')
        .where('d.createdAt >= :since', { since })
        .groupBy('d.kind')
        .addGroupBy('d.status')
        .getRawMany();
    return rows.map((row) => ({ kind: row.kind, status: row.status, count: Number(row.count) }));
  }

  /** Newest first, paged by (created_at, notification_id). */
  list(filter: {
    status?: DeliveryStatus;
    kind?: NotificationKind;
    limit: number;
    after?: { createdAt: Date; notificationId: string };
  }): Promise<NotificationDeliveryEntity[]> {
    const query = this.dataSource.getRepository(NotificationDeliveryEntity).createQueryBuilder('d');
    if (filter.status) query.andWhere('d.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('d.kind = :kind', { kind: filter.kind });
    if (filter.after) {
      query.andWhere('(d.createdAt < :at OR (d.createdAt = :at AND d.notificationId < :id))', {
        at: filter.after.createdAt,
        id: filter.after.notificationId,
      });
    }
    return query
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.notificationId', 'DESC')
      .take(filter.limit)
      .getMany();
  }

  findOne(notificationId: string): Promise<NotificationDeliveryEntity | null> {
    return this.dataSource
      .getRepository(NotificationDeliveryEntity)
      .findOneBy({ notificationId, channel: WECHAT });
  }

  /** Queues dead (or unconfirmed, or failed) deliveries again with a fresh set of attempts. */
  async requeue(
    manager: EntityManager,
    filter: { notificationId?: string; statuses: readonly DeliveryStatus[]; kind?: NotificationKind },
    now: Date,
  ): Promise<number> {
    const at = sqlTime(manager, now);
    const conditions = [`channel = ?`, `status IN (${placeholders(filter.statuses.length)})`];
    const params: unknown[] = [WECHAT, ...filter.statuses];
    if (filter.notificationId) {
      conditions.push('notification_id = ?');
      params.push(filter.notificationId);
    }
    if (filter.kind) {
      conditions.push('kind = ?');
      params.push(filter.kind);
    }
    const result = await execute(
      manager,
      `UPDATE notification_deliveries
       SET status = ?, due_at = ?, attempts = 0, lease_owner = NULL, lease_until = NULL, in_flight_since = NULL,
           updated_at = ?
       WHERE ${conditions.join(' AND ')}`,
      [DeliveryStatus.Queued, at, at, ...params],
    );
    return result;
  }

  private async finish(
    manager: EntityManager,
    ids: readonly string[],
    status: DeliveryStatus,
    reason: string,
    now: Date,
    dueAt?: Date,
  ): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE notification_deliveries
       SET status = ?, last_error = ?, in_flight_since = NULL, lease_until = NULL, ${dueAt ? 'due_at = ?,' : ''}
           updated_at = ?
       WHERE channel = ? AND status IN (?, ?) AND notification_id IN (${placeholders(ids.length)})`,
      [
        status,
        reason.slice(0, 500),
        ...(dueAt ? [sqlTime(manager, dueAt)] : []),
        sqlTime(manager, now),
        WECHAT,
        // A claim, or one whose lease lapsed while on the wire (now we know); never a withdrawn push.
        DeliveryStatus.Sending,
        DeliveryStatus.Unconfirmed,
        ...ids,
      ],
    );
  }
}
