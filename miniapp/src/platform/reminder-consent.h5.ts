import type { SubscribeResult } from '@careerside/shared';

// A browser cannot receive WeChat subscribe messages; notifications still reach the in-app inbox.
export function askTemplateConsent(): Promise<Record<string, SubscribeResult> | null> {
  return Promise.resolve(null);
}
