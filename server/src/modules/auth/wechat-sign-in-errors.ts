import { WechatApiError, WechatNotConfiguredError, WechatTransportError } from '../wechat/wechat.errors';
import {
  WechatCodeInvalidException,
  WechatNotConfiguredException,
  WechatRateLimitedException,
  WechatUnavailableException,
  WechatUserBlockedException,
} from './auth.exception';

// errcodes of auth.code2Session that mean our appid/secret (or server IP allow-list) is wrong, not the user's code.
const MISCONFIGURED = new Set([40002, 40013, 40125, 40164, 41002, 41004]);

/** What a failed code exchange means for the person signing in. Pure: the caller logs. */
export function toSignInException(error: unknown): Error {
  if (error instanceof WechatNotConfiguredError) return new WechatNotConfiguredException(error);
  if (error instanceof WechatTransportError) return new WechatUnavailableException(error);
  if (!(error instanceof WechatApiError)) return error instanceof Error ? error : new Error(String(error));

  switch (error.errcode) {
    case 40029:
    case 40163:
      return new WechatCodeInvalidException();
    case 45011:
      return new WechatRateLimitedException();
    case 40226:
      return new WechatUserBlockedException();
    default:
      if (MISCONFIGURED.has(error.errcode)) return new WechatNotConfiguredException(error);
      return new WechatUnavailableException(error);
  }
}
