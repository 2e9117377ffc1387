// Taro picks reminder-consent.<TARO_ENV>.ts at build time; this declaration is what TypeScript sees.
import type { SubscribeResult } from '@careerside/shared';

/** Asks WeChat for consent to these templates; null where the platform has no subscribe messages. */
export declare function askTemplateConsent(
  templateIds: string[],
): Promise<Record<string, SubscribeResult> | null>;
