import { useState } from 'react';
import { NotificationKind } from '@careerside/shared';
import { useSubscriptions } from '@/features/notifications/subscriptions';
import { canSubscribe, requestSubscribe } from '@/platform/subscribe';

const KINDS = [NotificationKind.CounselorAgenda];

export type AgendaConsent = 'idle' | 'asking' | 'granted' | 'declined' | 'unavailable';

/**
 * The morning agenda's subscribe message is a one-time template: each "accept" allows one message, so the
 * day view offers to subscribe to tomorrow's agenda. In a browser there are no subscribe messages (the
 * agenda still reaches the inbox), so the prompt is hidden there.
 */
export function useAgendaConsent() {
  const wallet = useSubscriptions();
  const [answer, setAnswer] = useState<Exclude<AgendaConsent, 'idle'> | null>(null);
  const unavailable =
    !canSubscribe ||
    (wallet.status === 'error' && wallet.data === null) ||
    (wallet.data !== null &&
      (!wallet.data.wechatPushEnabled ||
        !wallet.data.items.some((item) => item.kind === NotificationKind.CounselorAgenda)));

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

  const state: AgendaConsent = unavailable ? 'unavailable' : (answer ?? 'idle');
  return { state, ready: wallet.data !== null, ask };
}
