import { WechatApiError, WechatNotConfiguredError, WechatTransportError } from './wechat.errors';

/** How a failed subscribe-message send should be handled. */
export type SendFailure =
  /** WeChat was busy, rate-limited us, timed out or answered 5xx: try again later. */
  | { kind: 'retry'; reason: string }
  /** 43101: the user has no subscription left for this template (or turned them off). Never retried. */
  | { kind: 'refused'; reason: string }
  /** The message itself is wrong (data, template, page, openid): sending it again would fail again. */
  | { kind: 'rejected'; reason: string };

// errcodes that say the request can never succeed as it is.
const REJECTED = new Set([
  40003, // invalid openid
  40037, // invalid template_id
  41030, // invalid page
  47003, // template data invalid
  43104, // appid and openid do not match
]);

const TOKEN_ERRCODES = new Set([40001, 42001, 40014]);

/** The access token was rejected: refresh it once and try again at once. */
export function isTokenRejection(error: unknown): boolean {
  return error instanceof WechatApiError && TOKEN_ERRCODES.has(error.errcode);
}

export function classifySendFailure(error: unknown): SendFailure {
  if (error instanceof WechatApiError) {
    const reason = `errcode ${error.errcode}: ${error.errmsg}`.slice(0, 480);
    if (error.errcode === 43101) return { kind: 'refused', reason };
    if (REJECTED.has(error.errcode)) return { kind: 'rejected', reason };
    // -1 (system busy), 45009 (daily quota), 45011 (minute quota), token trouble and anything unknown:
    // retried with backoff, and dead after the last attempt.
    return { kind: 'retry', reason };
  }
  if (error instanceof WechatTransportError) return { kind: 'retry', reason: error.message.slice(0, 480) };
  if (error instanceof WechatNotConfiguredError) return { kind: 'rejected', reason: error.message };
  return { kind: 'retry', reason: (error instanceof Error ? error.message : String(error)).slice(0, 480) };
}
