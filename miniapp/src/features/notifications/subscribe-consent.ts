import { useState } from 'react';
import type { NotificationKind } from '@careerside/shared';
import { useSubscriptions } from '@/features/notifications/subscriptions';
import { canSubscribe, requestSubscribe } from '@/platform/subscribe';

export type SubscribeConsent = 'idle' | 'asking' | 'granted' | 'declined' | 'unavailable';

/**
 * A "remind me" prompt for some kinds of subscribe message (at most three: WeChat's limit per request),
 * through the notifications wallet. The wallet is loaded with the page, so the tap that asks WeChat does
 * nothing else first (WeChat requires the request to come straight from a tap). In a browser, or when the
 * center has no template for these kinds, the prompt is unavailable: the messages still reach the inbox.
 */
export function useSubscribeConsent(kinds: readonly NotificationKind[]) {
  const wallet = useSubscriptions();
  const [answer, setAnswer] = useState<Exclude<SubscribeConsent, 'idle'> | null>(null);
  const mine = (wallet.data?.items ?? []).filter((item) => (kinds as readonly string[]).includes(item.kind));
  const unavailable =
    !canSubscribe ||
    (wallet.status === 'error' && wallet.data === null) ||
    (wallet.data !== null && (!wallet.data.wechatPushEnabled || mine.length === 0));

  const ask = async () => {
    setAnswer('asking');
    try {
      const outcome = await requestSubscribe(kinds);
      if (!outcome.asked) setAnswer('unavailable');
      else setAnswer(Object.values(outcome.results).includes('accept') ? 'granted' : 'declined');
    } catch {
      setAnswer('declined');
    }
  };

  const state: SubscribeConsent = unavailable ? 'unavailable' : (answer ?? 'idle');
  // The wallet reloads after the answers are recorded, so the count follows the grant.
  const granted = mine.reduce((sum, item) => sum + item.remaining, 0);
  return { state, ready: wallet.data !== null, granted, ask };
}
