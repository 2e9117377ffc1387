import type { DataSource } from 'typeorm';
import type { DeliveryStatus, NotificationKind } from '@careerside/shared';
import { runInTransaction } from '../../src/database/transactions';
import {
  type NotificationMessage,
  NotificationsService,
  type NotifyResult,
} from '../../src/modules/notifications/notifications.service';
import type { TestApp } from './test-app';
import type { WechatStandin } from './wechat-standin';

/** Settings that make the pipeline quick to observe in tests, pointed at a WeChat stand-in. */
export function pipelineEnv(
  wechat: WechatStandin,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    WECHAT_API_BASE: wechat.url,
    WECHAT_APPID: wechat.appId,
    WECHAT_SECRET: wechat.secret,
    WECHAT_TIMEOUT_MS: '500',
    WECHAT_SEND_RATE: '2000',
    NOTIFY_POLL_MS: '50',
    NOTIFY_RETRY_BASE_MS: '20',
    NOTIFY_RETRY_MAX_MS: '100',
    NOTIFY_MAX_ATTEMPTS: '4',
    QUIET_HOURS: 'off',
    ...extra,
  };
}

/** Calls the public notify API the way other modules do: inside a transaction. */
export function notify<K extends NotificationKind>(
  t: TestApp,
  message: NotificationMessage<K> & { userId: string },
): Promise<NotifyResult> {
  const service = t.app.get(NotificationsService);
  return runInTransaction(t.dataSource, (manager) => service.notify(manager, message));
}

export function notifyMany<K extends NotificationKind>(
  t: TestApp,
  userIds: string[],
  message: NotificationMessage<K>,
): Promise<{ notified: number }> {
  const service = t.app.get(NotificationsService);
  return runInTransaction(t.dataSource, (manager) => service.notifyMany(manager, userIds, message));
}

export interface DeliveryRow {
  notification_id: string;
  user_id: string;
  kind: NotificationKind;
  template_id: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  due_at: Date | string;
  lease_owner: string | null;
  folded_into: string | null;
}

export async function deliveryOf(
  dataSource: DataSource,
  notificationId: string,
): Promise<DeliveryRow | null> {
  const rows: DeliveryRow[] = await dataSource.query(
    'SELECT * FROM notification_deliveries WHERE notification_id = ?',
    [notificationId],
  );
  const row = rows[0];
  return row ? { ...row, attempts: Number(row.attempts) } : null;
}

export async function grantOf(
  dataSource: DataSource,
  userId: string,
  templateId: string,
): Promise<number | null> {
  const rows: { remaining: number }[] = await dataSource.query(
    'SELECT remaining FROM subscription_grants WHERE user_id = ? AND template_id = ?',
    [userId, templateId],
  );
  return rows[0] ? Number(rows[0].remaining) : null;
}

/** Polls until `check` answers a value (not undefined), or fails after the timeout. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  { timeoutMs = 10_000, what = 'the condition' }: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until the delivery reaches one of these statuses and answers it. */
export function settledDelivery(
  dataSource: DataSource,
  notificationId: string,
  statuses: DeliveryStatus[],
  timeoutMs = 10_000,
): Promise<DeliveryRow> {
  return eventually(
    async () => {
      const row = await deliveryOf(dataSource, notificationId);
      return row && statuses.includes(row.status) ? row : undefined;
    },
    { timeoutMs, what: `delivery ${notificationId} to become ${statuses.join(' or ')}` },
  );
}
