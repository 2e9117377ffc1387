import { useState } from 'react';
import { NotificationKind } from '@careerside/shared';
import { useSubscriptions } from '@/features/notifications/subscriptions';
import { canSubscribe, requestSubscribe } from '@/platform/subscribe';

// WeChat asks for at most three templates at once: the ones that matter after a booking.
const KINDS = [
  NotificationKind.AppointmentReminder,
  NotificationKind.AppointmentCancelled,
  NotificationKind.WaitlistOffer,
];

export type ReminderConsent = 'idle' | 'asking' | 'granted' | 'declined' | 'unavailable';

/**
 * The "remind me" prompt after a booking, through the notifications wallet: it is loaded with the page, so
 * the tap that asks WeChat for consent does nothing else first (WeChat requires the request to come straight
 * from a tap). In a browser there are no subscribe messages: reminders still reach the in-app inbox.
 */
export function useReminderConsent() {
  const wallet = useSubscriptions();
  const [answer, setAnswer] = useState<Exclude<ReminderConsent, 'idle'> | null>(null);
  const unavailable =
    !canSubscribe ||
    (wallet.status === 'error' && wallet.data === null) ||
    (wallet.data !== null &&
      (!wallet.data.wechatPushEnabled ||
        !wallet.data.items.some((item) => (KINDS as string[]).includes(item.kind))));

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

  const state: ReminderConsent = unavailable ? 'unavailable' : (answer ?? 'idle');
  return { state, ready: wallet.data !== null, ask };
}
