import type { DeliveryDto, NotificationDto } from '@careerside/shared';
import type { NotificationDeliveryEntity } from './notification-delivery.entity';
import type { NotificationEntity } from './notification.entity';

function parsePayload(payload: string | null): Record<string, unknown> | null {
  if (!payload) return null;
  try {
    const parsed: unknown = JSON.parse(payload);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function toNotificationDto(notification: NotificationEntity): NotificationDto {
  return {
    id: notification.id,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    page: notification.page,
    payload: parsePayload(notification.payload),
    readAt: notification.readAt?.toISOString() ?? null,
    createdAt: notification.visibleAt.toISOString(),
  };
}

export function toDeliveryDto(delivery: NotificationDeliveryEntity, title: string): DeliveryDto {
  return {
    notificationId: delivery.notificationId,
    channel: delivery.channel,
    userId: delivery.userId,
    kind: delivery.kind,
    title,
    templateId: delivery.templateId,
    status: delivery.status,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
    dueAt: delivery.dueAt.toISOString(),
    sentAt: delivery.sentAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
  };
}

/** Opaque paging position: the time and id of the last item of a page. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.getTime()}.${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{1,15})\.([0-9a-f-]{36})$/.exec(text);
  return match ? { at: new Date(Number(match[1])), id: match[2] } : null;
}
