import { useState } from 'react';
import { NotificationKind, type SubscriptionListResponse } from '@careerside/shared';
import { useSubscriptions } from '@/features/notifications/subscriptions';
import { canSubscribe, requestSubscribe } from '@/platform/subscribe';

const KINDS = [NotificationKind.JobAlert, NotificationKind.JobDigest];

export type AlertConsent = 'idle' | 'asking' | 'granted' | 'declined' | 'unavailable';

function isJobKind(kind: string): boolean {
  return (KINDS as string[]).includes(kind);
}

function grantedOf(wallet: SubscriptionListResponse | null): number {
  return (wallet?.items ?? [])
    .filter((item) => isJobKind(item.kind))
    .reduce((sum, item) => sum + item.remaining, 0);
}

/**
 * The WeChat consent prompt of the alert settings: the job alert and digest templates, asked only on the
 * student's tap through the notifications wallet (loaded with the page, so the tap goes straight to WeChat).
 * In a browser there are no subscribe messages: alerts still reach the in-app inbox.
 */
export function useAlertConsent() {
  const wallet = useSubscriptions();
  const [answer, setAnswer] = useState<Exclude<AlertConsent, 'idle'> | null>(null);
  const unavailable =
    !canSubscribe ||
    (wallet.status === 'error' && wallet.data === null) ||
    (wallet.data !== null &&
      (!wallet.data.wechatPushEnabled || !wallet.data.items.some((item) => isJobKind(item.kind))));

  const ask = async () => {
    setAnswer('asking');
    try {
      const outcome = await requestSubscribe(KINDS);
      if (!outcome.asked) setAnswer('unavailable');
      else setAnswer(Object.values(outcome.results).includes('accept') ? 'granted' : 'declined');
    } catch {
      setAnswer('declined');
    }
  };

  const state: AlertConsent = unavailable ? 'unavailable' : (answer ?? 'idle');
  // The wallet reloads after the answers are recorded, so the count follows the grant.
  return { state, ready: wallet.data !== null, granted: grantedOf(wallet.data), ask };
}
