import { notificationsApi } from '@/services/api/notifications.api';
import { createResource, useResource } from '@/utils/resource';

/**
 * The consent wallet (GET /api/me/subscriptions). Pages that offer "remind me" load it when they show, so
 * that a tap can ask WeChat straight away: WeChat refuses a consent request that does not come from a tap.
 */
export const subscriptionsResource = createResource(() => notificationsApi.subscriptions());

export function useSubscriptions() {
  return useResource(subscriptionsResource);
}

export { ESSENTIAL_KINDS, templateIdsFor } from './subscriptions-catalog';
