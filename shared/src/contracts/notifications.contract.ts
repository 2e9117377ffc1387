import type {
  DeliveryStatus,
  NotificationKind,
  SubscribeResult,
  SubscriptionMode,
} from '../enums/notification.enum';
import type { Role } from '../enums/role.enum';
import type { Collection, IsoDateTime } from './common.contract';

/** Mini-program pages of the notifications feature, as a notification's `page` names them (no leading slash). */
export const NotificationPage = {
  inbox: 'subpackages/notifications/pages/inbox/index',
  subscriptions: 'subpackages/notifications/pages/subscriptions/index',
} as const;

/** One inbox entry. */
export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /**
   * The mini-program page a tap opens, as WeChat takes it: no leading slash, query included
   * (`subpackages/booking/pages/detail/index?id=42`); null when there is nothing to open.
   */
  page: string | null;
  /** Extra facts for the page (ids and the like); null when there are none. */
  payload: Record<string, unknown> | null;
  readAt: IsoDateTime | null;
  /** When the entry appeared in the inbox: a reminder scheduled for tomorrow appears tomorrow. */
  createdAt: IsoDateTime;
}

/** `GET /api/me/notifications`: newest first. */
export interface ListNotificationsQuery {
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** 1-50, default 20. */
  limit?: number;
  /** Only unread entries. */
  unread?: boolean;
}

export interface NotificationListResponse extends Collection<NotificationDto> {
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  unreadCount: number;
}

/** `GET /api/me/notifications/unread-count`: what the badge on 我的 shows. */
export interface UnreadCountResponse {
  unreadCount: number;
}

/** `POST /api/me/notifications/:id/read`. Reading an entry twice keeps its first read time. */
export interface MarkNotificationReadResponse {
  notification: NotificationDto;
  unreadCount: number;
}

/** `POST /api/me/notifications/read-all`. */
export interface MarkAllNotificationsReadResponse {
  /** Entries that were unread until now. */
  marked: number;
  unreadCount: number;
}

/** A subscribe-message template the app asks consent for, and what this user has granted. */
export interface SubscriptionDto {
  kind: NotificationKind;
  templateId: string;
  mode: SubscriptionMode;
  /**
   * One-time templates: how many more messages this user's accepts allow (each accept is one message).
   * Long-term templates are not counted: 1 while granted, 0 otherwise.
   */
  remaining: number;
  /** True when the next message of this kind can be pushed. */
  granted: boolean;
  /** The last answer recorded for this template, null if never asked. */
  lastResult: SubscribeResult | null;
  updatedAt: IsoDateTime | null;
}

/** `GET /api/me/subscriptions` (and the answer of `POST`). */
export interface SubscriptionListResponse extends Collection<SubscriptionDto> {
  /** False when this server cannot push WeChat messages (no WECHAT_APPID/SECRET): the inbox still works. */
  wechatPushEnabled: boolean;
}

/** `POST /api/me/subscriptions`: what `wx.requestSubscribeMessage` answered, keyed by template id. */
export interface UpdateSubscriptionsRequest {
  results: Record<string, SubscribeResult>;
}

/** `GET /api/admin/notifications/stats`: WeChat deliveries by kind and status. */
export interface DeliveryStatsQuery {
  /** Count deliveries created at or after this time; default 30 days ago. */
  since?: IsoDateTime;
}

export type DeliveryCounts = Record<DeliveryStatus, number>;

export interface DeliveryStatsRow {
  kind: NotificationKind;
  total: number;
  counts: DeliveryCounts;
}

export interface DeliveryStatsResponse extends Collection<DeliveryStatsRow> {
  since: IsoDateTime;
  totals: { total: number; counts: DeliveryCounts };
}

/** `GET /api/admin/notifications/deliveries`: newest first, for finding dead letters. */
export interface ListDeliveriesQuery {
  status?: DeliveryStatus;
  kind?: NotificationKind;
  cursor?: string;
  /** 1-100, default 20. */
  limit?: number;
}

export interface DeliveryDto {
  /** The notification this push belongs to; one WeChat push per notification. */
  notificationId: string;
  channel: 'wechat';
  userId: string;
  kind: NotificationKind;
  title: string;
  templateId: string;
  status: DeliveryStatus;
  attempts: number;
  /** Why the last attempt failed, or why it was skipped. */
  lastError: string | null;
  dueAt: IsoDateTime;
  sentAt: IsoDateTime | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface DeliveryListResponse extends Collection<DeliveryDto> {
  nextCursor: string | null;
}

/** `POST /api/admin/notifications/deliveries/retry`: requeues dead (and unconfirmed) pushes in bulk. */
export interface RetryDeliveriesRequest {
  /** Which ones; default dead. */
  status?: 'dead' | 'unconfirmed';
  kind?: NotificationKind;
}

export interface RetryDeliveriesResponse {
  retried: number;
}

/** `POST /api/admin/notifications/announcements`: a center announcement to everyone with these roles. */
export interface CreateAnnouncementRequest {
  title: string;
  body: string;
  /** Mini-program page to open on tap (no leading slash). */
  page?: string;
  roles: Role[];
}

export interface CreateAnnouncementResponse {
  /** Inbox entries written. */
  notified: number;
}
