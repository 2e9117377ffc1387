import {
  ApiRoute,
  type DeliveryDto,
  type DeliveryListResponse,
  type DeliveryStatsResponse,
  type ListDeliveriesQuery,
  type ListNotificationsQuery,
  type MarkAllNotificationsReadResponse,
  type MarkNotificationReadResponse,
  type NotificationListResponse,
  type RetryDeliveriesRequest,
  type RetryDeliveriesResponse,
  routePath,
  type SubscriptionListResponse,
  type UnreadCountResponse,
  type UpdateSubscriptionsRequest,
} from '@careerside/shared';
import { request } from '@/services/http/request';

export const notificationsApi = {
  list: (query: ListNotificationsQuery = {}) =>
    request<NotificationListResponse>({ path: ApiRoute.me.notifications, query: { ...query } }),
  unreadCount: () => request<UnreadCountResponse>({ path: ApiRoute.me.notificationsUnreadCount }),
  markRead: (id: string) =>
    request<MarkNotificationReadResponse>({
      method: 'POST',
      path: routePath(ApiRoute.me.notificationRead, { id }),
    }),
  markAllRead: () =>
    request<MarkAllNotificationsReadResponse>({ method: 'POST', path: ApiRoute.me.notificationsReadAll }),
  subscriptions: () => request<SubscriptionListResponse>({ path: ApiRoute.me.subscriptions }),
  recordSubscriptions: (body: UpdateSubscriptionsRequest) =>
    request<SubscriptionListResponse>({ method: 'POST', path: ApiRoute.me.subscriptions, body }),
  deliveryStats: () => request<DeliveryStatsResponse>({ path: ApiRoute.admin.notificationStats }),
  deliveries: (query: ListDeliveriesQuery = {}) =>
    request<DeliveryListResponse>({ path: ApiRoute.admin.notificationDeliveries, query: { ...query } }),
  retryDelivery: (id: string) =>
    request<DeliveryDto>({
      method: 'POST',
      path: routePath(ApiRoute.admin.notificationDeliveryRetry, { id }),
    }),
  retryDeliveries: (body: RetryDeliveriesRequest) =>
    request<RetryDeliveriesResponse>({
      method: 'POST',
      path: ApiRoute.admin.notificationDeliveriesRetry,
      body,
    }),
};
