import { DeliveryStatus, type DeliveryListResponse, type DeliveryStatsResponse } from '@careerside/shared';
import { notificationsApi } from '@/services/api/notifications.api';
import { createResource, useResource } from '@/utils/resource';

export interface DeliveryOverview {
  stats: DeliveryStatsResponse;
  /** The newest pushes WeChat never got (out of attempts, or refused), with their reasons. */
  deadLetters: DeliveryListResponse;
}

/** Staff: WeChat pushes per kind and status over the last 30 days, and the newest dead letters. */
export const deliveryOverviewResource = createResource(async (): Promise<DeliveryOverview> => {
  const [stats, deadLetters] = await Promise.all([
    notificationsApi.deliveryStats(),
    notificationsApi.deliveries({ status: DeliveryStatus.Dead, limit: 20 }),
  ]);
  return { stats, deadLetters };
});

export function useDeliveryOverview() {
  return useResource(deliveryOverviewResource);
}

/** What staff can send again: dead letters, and pushes whose outcome a stopped worker left unknown. */
export function retryableCount(counts: Record<DeliveryStatus, number>): number {
  return counts[DeliveryStatus.Dead] + counts[DeliveryStatus.Unconfirmed];
}
