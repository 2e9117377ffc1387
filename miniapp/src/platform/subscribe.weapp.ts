import Taro from '@tarojs/taro';
import { type NotificationKind, SUBSCRIBE_RESULTS, type SubscribeResult } from '@careerside/shared';
import { subscriptionsResource, templateIdsFor } from '@/features/notifications/subscriptions';
import { notificationsApi } from '@/services/api/notifications.api';
import type { SubscribeOutcome } from './subscribe.types';

export const canSubscribe = true;

export async function requestSubscribe(kinds: readonly NotificationKind[]): Promise<SubscribeOutcome> {
  // No await before the request: WeChat shows the sheet only when asked straight from the tap.
  const wallet = subscriptionsResource.state().data;
  const tmplIds = templateIdsFor(wallet, kinds);
  if (!wallet?.wechatPushEnabled || tmplIds.length === 0) return { asked: false, results: {}, wallet: null };

  const answer = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<
    string,
    string
  >;
  const results: Record<string, SubscribeResult> = {};
  for (const id of tmplIds) {
    const value = answer[id];
    if ((SUBSCRIBE_RESULTS as readonly string[]).includes(value)) results[id] = value as SubscribeResult;
  }
  if (Object.keys(results).length === 0) return { asked: true, results, wallet: null };
  const updated = await notificationsApi.recordSubscriptions({ results });
  void subscriptionsResource.load({ force: true }).catch(() => undefined);
  return { asked: true, results, wallet: updated };
}
