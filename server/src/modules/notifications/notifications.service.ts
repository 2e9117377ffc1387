import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  type EntityManager,
  type EntitySubscriberInterface,
  DataSource,
  type QueryRunner,
  type TransactionCommitEvent,
} from 'typeorm';
import { DeliveryStatus, NotificationKind, NotificationPage, type Role } from '@careerside/shared';
import { uuidV7 } from '../../common/ids/uuid-v7';
import { zonedDate } from '../../common/time/zoned-time';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { WorkScheduler } from '../scheduling/work-scheduler';
import { SubscribeMessageSender } from '../wechat/subscribe-message.sender';
import { DeliveriesRepository } from './deliveries.repository';
import { nextDayPushTime, nextPushTime } from './delivery/quiet-hours';
import { type NewNotification, NotificationsRepository, pageIdRange } from './notifications.repository';
import { chunks, isMysql } from './sql-support';
import type { NotificationFieldsOf } from './templates/kind-policy';
import { TemplateRegistry } from './templates/template-registry';
import type { FieldValue } from '../wechat/value-fitting';

/** The name under which the delivery dispatcher is registered with the WorkScheduler. */
export const DISPATCH_WORK = 'notifications.dispatch';

/** What another module tells a user. */
export interface NotificationMessage<K extends NotificationKind = NotificationKind> {
  kind: K;
  /** Inbox title, 1-100 characters. */
  title: string;
  /** Inbox text, up to 1000 characters. */
  body: string;
  /** Mini-program page a tap opens, without a leading slash: `subpackages/booking/pages/detail/index?id=1`. */
  page?: string | null;
  /** Small JSON facts for the app (ids and the like), up to 4 KB. */
  payload?: Record<string, unknown> | null;
  /**
   * Names this message for this user, e.g. `appointment:42:booked`. Notifying the same user with the same
   * key again does nothing, so callers can retry and fan-outs can resume.
   */
  dedupeKey: string;
  /** When the entry appears in the inbox and the push is due; now by default (reminders: later). */
  dueAt?: Date;
  /** The facts the kind's WeChat template shows; `false` keeps this message in the inbox only. */
  wechat?: NotificationFieldsOf<K> | false;
  /** Pushes at once, even in quiet hours and over the daily cap (a waitlist offer that expires soon). */
  urgent?: boolean;
}

/** A message of any kind, as the internals handle it. */
type AnyMessage = Omit<NotificationMessage, 'wechat'> & {
  wechat?: Readonly<Record<string, FieldValue>> | false;
};

export interface NotifyResult {
  notificationId: string;
  /** False when this user already had a notification with this dedupe key (nothing was written). */
  created: boolean;
}

const MAX_PAYLOAD_BYTES = 4096;

/**
 * The public face of notifications for every other module. Writes go into the caller's transaction
 * (transactional outbox): the inbox entry and its WeChat delivery exist exactly when the change that caused
 * them is committed. The dispatcher is nudged once that transaction commits.
 */
@Injectable()
export class NotificationsService implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger('Notifications');
  private readonly awaitingCommit = new WeakSet<QueryRunner>();

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly templates: TemplateRegistry,
    private readonly sender: SubscribeMessageSender,
    private readonly scheduler: WorkScheduler,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
    if (!this.sender.isConfigured) {
      this.logger.log(
        'WeChat pushes are off (WECHAT_APPID/WECHAT_SECRET not set): notifications go to the inbox only',
      );
    }
  }

  /** Tells one user something. Idempotent on (userId, dedupeKey). */
  async notify<K extends NotificationKind>(
    manager: EntityManager,
    message: NotificationMessage<K> & { userId: string },
  ): Promise<NotifyResult> {
    const row = this.toRow(message.userId, message);
    const created = (await this.notifications.insertIgnoringDuplicates(manager, [row])) === 1;
    if (created) {
      await this.addDelivery(manager, [row.id], message, row.visibleAt);
      return { notificationId: row.id, created };
    }
    const existing = await this.notifications.findIdByDedupeKey(manager, message.userId, message.dedupeKey);
    if (!existing) throw new Error(`notify: there is no user ${message.userId}`);
    return { notificationId: existing, created: false };
  }

  /**
   * Tells many users the same thing (a museum hall's followers): multi-row inserts, NOTIFY_FANOUT_CHUNK
   * users per statement. Users already notified with this dedupe key, and ids of users that do not exist,
   * are skipped; answers how many inbox entries were written.
   */
  async notifyMany<K extends NotificationKind>(
    manager: EntityManager,
    userIds: readonly string[],
    message: NotificationMessage<K>,
  ): Promise<{ notified: number }> {
    return this.fanOut(
      manager,
      chunks([...new Set(userIds)], this.config.notifications.fanOutChunk),
      message,
      false,
    );
  }

  /**
   * notifyMany for an audience too large to hold: `pages` yields the user ids a page at a time (at most
   * NOTIFY_FANOUT_CHUNK each, no id in two pages), and each page is written before the next is read, so
   * memory stays that of one page. A job alert to every matching student streams its matches this way.
   */
  async notifyPages<K extends NotificationKind>(
    manager: EntityManager,
    pages: AsyncIterable<readonly string[]>,
    message: NotificationMessage<K>,
  ): Promise<{ notified: number }> {
    return this.fanOut(manager, pages, message, false);
  }

  /** Tells everyone with one of these roles (a center announcement), read a page of users at a time. */
  async notifyRoles<K extends NotificationKind>(
    manager: EntityManager,
    roles: readonly Role[],
    message: NotificationMessage<K>,
  ): Promise<{ notified: number }> {
    const size = this.config.notifications.fanOutChunk;
    if (isMysql(manager) && manager.queryRunner) return this.fanOutToRoles(manager, roles, message, size);
    const notifications = this.notifications;
    async function* pages(): AsyncGenerator<string[]> {
      // A user has one role, so the roles' pages never share an id.
      for (const role of new Set(roles)) yield* notifications.userIdPagesWithRole(manager, role, size);
    }
    return this.fanOut(manager, pages(), message, true);
  }

  /**
   * notifyRoles on MySQL/MariaDB: each page is written from the users table by INSERT ... SELECT (entries)
   * and INSERT ... SELECT over the page's id range (deliveries), so no user id or row goes through the
   * server. Reading the ids into the server and sending them back was about a fifth of a 400,000-user
   * announcement's time.
   */
  private async fanOutToRoles(
    manager: EntityManager,
    roles: readonly Role[],
    message: AnyMessage,
    size: number,
  ): Promise<{ notified: number }> {
    let notified = 0;
    const template = this.toRow('', message);
    // A user has one role, so the roles' pages never share a user.
    for (const role of new Set(roles)) {
      let after = '';
      for (;;) {
        const upTo = await this.notifications.lastUserIdOfRolePage(manager, role, after, size);
        if (upTo === null) break;
        const now = new Date();
        const idPrefix = uuidV7(now.getTime()).slice(0, 30);
        const visibleAt = message.dueAt ?? now;
        const inserted = await this.notifications.insertRolePage(manager, {
          role,
          after,
          upTo,
          idPrefix,
          row: { ...template, createdAt: now, visibleAt },
        });
        notified += inserted;
        if (inserted > 0) await this.addDelivery(manager, pageIdRange(idPrefix), message, visibleAt);
        after = upTo;
      }
    }
    return { notified };
  }

  private async fanOut(
    manager: EntityManager,
    pages: Iterable<readonly string[]> | AsyncIterable<readonly string[]>,
    message: AnyMessage,
    knownUsers: boolean,
  ): Promise<{ notified: number }> {
    let notified = 0;
    // Checked and serialized once: every row of the fan-out shares these strings, so a page holds little
    // more than its ids while its statements run.
    const template = this.toRow('', message);
    for await (const page of pages) {
      const now = new Date();
      const times = { createdAt: now, visibleAt: message.dueAt ?? now };
      const chunk = [...new Set(page)];
      // MySQL's INSERT IGNORE skips rows whose user does not exist (a foreign key warning); SQLite's
      // INSERT OR IGNORE does not, so unknown ids are filtered out first there.
      const existing =
        knownUsers || isMysql(manager) ? null : await this.notifications.existingUserIds(manager, chunk);
      const rows = chunk
        .filter((userId) => existing?.has(userId) ?? true)
        .map((userId): NewNotification => ({ ...template, ...times, id: uuidV7(now.getTime()), userId }));
      if (rows.length === 0) continue;
      notified += await this.notifications.insertIgnoringDuplicates(manager, rows);
      await this.addDelivery(
        manager,
        rows.map((row) => row.id),
        message,
        rows[0].visibleAt,
      );
    }
    return { notified };
  }

  /**
   * Takes back messages that no longer hold (the reminders of a cancelled appointment), in the caller's
   * transaction. Entries not shown yet are deleted, so they never appear; pushes that have not gone out are
   * withdrawn, including one a worker has claimed but not started (it re-checks before sending). Entries
   * already shown stay, and a push on the wire or sent cannot be called back. A later notify with the same
   * key writes a new message.
   */
  async withdraw(
    manager: EntityManager,
    userId: string,
    dedupeKeys: readonly string[],
  ): Promise<{ removed: number; pushesWithdrawn: number }> {
    if (dedupeKeys.length === 0) return { removed: 0, pushesWithdrawn: 0 };
    const now = new Date();
    const entries = await this.notifications.findByDedupeKeys(manager, userId, dedupeKeys);
    if (entries.length === 0) return { removed: 0, pushesWithdrawn: 0 };
    const ids = entries.map((entry) => entry.id);
    const pushesWithdrawn = await this.deliveries.withdrawPending(manager, ids, now);
    const unshown = entries.filter((entry) => entry.visibleAt > now).map((entry) => entry.id);
    const removed =
      unshown.length === 0
        ? 0
        : await this.notifications.deleteUnshown(manager, userId, unshown, now, DeliveryStatus.Withdrawn);
    return { removed, pushesWithdrawn };
  }

  /**
   * Folds a push that is over the daily cap into the user's digest for the next morning: one digest per user
   * and day, whose text counts what it summarises.
   */
  async foldIntoDigest(
    manager: EntityManager,
    folded: { notificationId: string; userId: string },
    now: Date,
  ): Promise<void> {
    const { timezone, quietHours } = this.config.center;
    const sendAt = nextDayPushTime(now, quietHours, timezone);
    const day = zonedDate(sendAt, timezone);
    const digest = await this.notify(manager, {
      userId: folded.userId,
      kind: NotificationKind.Digest,
      title: '未推送的消息',
      body: '',
      page: NotificationPage.inbox,
      dedupeKey: `digest:${day}`,
      dueAt: sendAt,
      urgent: true,
      wechat: { count: 0, date: day },
    });
    await this.deliveries.markFolded(manager, folded.notificationId, digest.notificationId, now);
    const count = await this.deliveries.countFoldedInto(manager, digest.notificationId);
    await this.notifications.updateText(
      manager,
      digest.notificationId,
      `你有 ${count} 条消息未推送`,
      `今天的微信提醒已达上限，另有 ${count} 条消息没有推送到微信，都在消息中心里，点击查看。`,
    );
    await this.deliveries.setFields(manager, digest.notificationId, JSON.stringify({ count, date: day }));
  }

  /** TypeORM calls this after every commit: nudge the dispatcher for deliveries written in that transaction. */
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (!this.awaitingCommit.has(event.queryRunner)) return;
    this.awaitingCommit.delete(event.queryRunner);
    this.scheduler.nudge(DISPATCH_WORK);
  }

  private async addDelivery(
    manager: EntityManager,
    notificationIds: readonly string[] | { from: string; to: string },
    message: AnyMessage,
    visibleAt: Date,
  ): Promise<void> {
    const template = this.templates.forKind(message.kind);
    if (message.wechat === false || !template || !this.sender.isConfigured) return;
    const now = new Date();
    const urgent = message.urgent === true;
    // Quiet hours move the push, never the inbox entry.
    const dueAt = urgent
      ? visibleAt
      : nextPushTime(visibleAt, this.config.center.quietHours, this.config.center.timezone);
    const created = await this.deliveries.insertForNotifications(manager, {
      notificationIds,
      templateId: template.templateId,
      urgent,
      fields: message.wechat ? JSON.stringify(message.wechat) : null,
      dueAt,
      now,
    });
    if (created > 0 && dueAt.getTime() <= now.getTime() + this.config.notifications.pollMs)
      this.nudgeAfterCommit(manager);
  }

  private nudgeAfterCommit(manager: EntityManager): void {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.awaitingCommit.add(runner);
    else this.scheduler.nudge(DISPATCH_WORK);
  }

  private toRow(userId: string, message: AnyMessage): NewNotification {
    const now = new Date();
    const title = message.title.trim();
    if (title.length === 0 || [...title].length > 100)
      throw new Error('notify: title must be 1-100 characters');
    if ([...message.body].length > 1000) throw new Error('notify: body must be at most 1000 characters');
    const dedupeKey = message.dedupeKey;
    if (dedupeKey.length === 0 || dedupeKey.length > 128)
      throw new Error('notify: dedupeKey must be 1-128 characters');
    const page = message.page ? message.page.replace(/^\/+/, '') : null;
    if (page !== null && page.length > 512) throw new Error('notify: page must be at most 512 characters');
    const payload = message.payload ? JSON.stringify(message.payload) : null;
    if (payload !== null && Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      throw new Error(`notify: payload must be at most ${MAX_PAYLOAD_BYTES} bytes of JSON`);
    }
    return {
      id: uuidV7(now.getTime()),
      userId,
      kind: message.kind,
      title,
      body: message.body,
      page,
      payload,
      dedupeKey,
      visibleAt: message.dueAt ?? now,
      createdAt: now,
    };
  }
}
