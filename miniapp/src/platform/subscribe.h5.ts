import type { NotificationKind } from '@careerside/shared';
import type { SubscribeOutcome } from './subscribe.types';

// A browser has no WeChat subscribe messages: nothing is asked. Pushes arrive in the WeChat mini-program,
// and every notification reaches the in-app inbox here too.
export const canSubscribe = false;

export function requestSubscribe(_kinds: readonly NotificationKind[]): Promise<SubscribeOutcome> {
  return Promise.resolve({ asked: false, results: {}, wallet: null });
}
