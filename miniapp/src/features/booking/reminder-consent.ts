import { useEffect, useState } from 'react';
import {
  ApiRoute,
  NotificationKind,
  type SubscriptionListResponse,
  type UpdateSubscriptionsRequest,
} from '@careerside/shared';
import { env } from '@/config/env';
import { askTemplateConsent } from '@/platform/reminder-consent';
import { request } from '@/services/http/request';

// WeChat asks for at most three templates at once: the ones that matter after a booking.
const KINDS = [
  NotificationKind.AppointmentReminder,
  NotificationKind.AppointmentCancelled,
  NotificationKind.WaitlistOffer,
];

export type ReminderConsent = 'idle' | 'asking' | 'granted' | 'declined' | 'unavailable';

/**
 * The "remind me" prompt after a booking: the template ids are loaded with the page, so the tap that asks
 * WeChat for consent does nothing else first (WeChat requires the request to come straight from a tap).
 */
export function useReminderConsent() {
  const [templateIds, setTemplateIds] = useState<string[] | null>(null);
  const [state, setState] = useState<ReminderConsent>(env.platform === 'h5' ? 'unavailable' : 'idle');

  useEffect(() => {
    request<SubscriptionListResponse>({ path: ApiRoute.me.subscriptions }).then(
      (answer) => {
        if (!answer.wechatPushEnabled) setState('unavailable');
        setTemplateIds(
          answer.items
            .filter((item) => (KINDS as string[]).includes(item.kind))
            .map((item) => item.templateId),
        );
      },
      () => setTemplateIds([]),
    );
  }, []);

  const ask = async () => {
    if (!templateIds || templateIds.length === 0) {
      setState('unavailable');
      return;
    }
    setState('asking');
    try {
      const results = await askTemplateConsent(templateIds);
      if (!results) {
        setState('unavailable');
        return;
      }
      await request({
        method: 'POST',
        path: ApiRoute.me.subscriptions,
        body: { results } satisfies UpdateSubscriptionsRequest,
      });
      setState(Object.values(results).includes('accept') ? 'granted' : 'declined');
    } catch {
      setState('declined');
    }
  };

  return { state, ready: templateIds !== null, ask };
}
