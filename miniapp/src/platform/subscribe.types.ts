import type { SubscribeResult, SubscriptionListResponse } from '@careerside/shared';

export interface SubscribeOutcome {
  /** False where nothing was asked: a browser, pushes off on the server, or nothing to ask for. */
  asked: boolean;
  /** What the user answered per template id. */
  results: Record<string, SubscribeResult>;
  /** The wallet after recording the answers (null when nothing was recorded). */
  wallet: SubscriptionListResponse | null;
}
