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

const KINDS: string[] = [NotificationKind.JobAlert, NotificationKind.JobDigest];

export type AlertConsent = 'idle' | 'asking' | 'granted' | 'declined' | 'unavailable';

/**
 * The WeChat consent prompt of the alert settings: the job alert and digest templates, asked only on the
 * student's tap (template ids are loaded with the page so the tap goes straight to WeChat). In a browser
 * there are no subscribe messages: alerts still reach the in-app inbox.
 */
export function useAlertConsent() {
  const [templateIds, setTemplateIds] = useState<string[] | null>(null);
  const [granted, setGranted] = useState(0);
  const [state, setState] = useState<AlertConsent>(env.platform === 'h5' ? 'unavailable' : 'idle');

  useEffect(() => {
    request<SubscriptionListResponse>({ path: ApiRoute.me.subscriptions }).then(
      (answer) => {
        const mine = answer.items.filter((item) => KINDS.includes(item.kind));
        if (!answer.wechatPushEnabled || mine.length === 0) setState('unavailable');
        setTemplateIds(mine.map((item) => item.templateId));
        setGranted(mine.reduce((sum, item) => sum + item.remaining, 0));
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
      const answer = await request<SubscriptionListResponse>({
        method: 'POST',
        path: ApiRoute.me.subscriptions,
        body: { results } satisfies UpdateSubscriptionsRequest,
      });
      setGranted(
        answer.items
          .filter((item) => KINDS.includes(item.kind))
          .reduce((sum, item) => sum + item.remaining, 0),
      );
      setState(Object.values(results).includes('accept') ? 'granted' : 'declined');
    } catch {
      setState('declined');
    }
  };

  return { state, ready: templateIds !== null, granted, ask };
}
