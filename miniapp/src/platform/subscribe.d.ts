// Taro picks subscribe.<TARO_ENV>.ts at build time; this declaration is what TypeScript sees.
import type { NotificationKind } from '@careerside/shared';
import type { SubscribeOutcome } from './subscribe.types';

/**
 * Asks for WeChat subscribe-message consent to these kinds (three templates at most) and records the
 * answers. Call it straight from a tap handler; load the wallet (subscriptionsResource) before the tap.
 */
export declare function requestSubscribe(kinds: readonly NotificationKind[]): Promise<SubscribeOutcome>;

/** Whether this platform can ask for subscribe messages at all. */
export declare const canSubscribe: boolean;
