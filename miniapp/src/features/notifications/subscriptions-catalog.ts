import {
  MAX_TEMPLATES_PER_SUBSCRIBE_REQUEST,
  NotificationKind,
  type SubscriptionListResponse,
} from '@careerside/shared';

/** The kinds a student is offered in one tap from the wallet: what matters most, three at most. */
export const ESSENTIAL_KINDS: readonly NotificationKind[] = [
  NotificationKind.AppointmentReminder,
  NotificationKind.WaitlistOffer,
  NotificationKind.JobAlert,
];

/** Template ids of these kinds (each once, in order, at most three), from a loaded wallet. */
export function templateIdsFor(
  wallet: SubscriptionListResponse | null,
  kinds: readonly NotificationKind[],
): string[] {
  if (!wallet) return [];
  const ids: string[] = [];
  for (const kind of kinds) {
    const item = wallet.items.find((entry) => entry.kind === kind);
    if (item && !ids.includes(item.templateId)) ids.push(item.templateId);
  }
  return ids.slice(0, MAX_TEMPLATES_PER_SUBSCRIBE_REQUEST);
}
