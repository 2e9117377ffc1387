import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@careerside/shared';
import { DomainException } from '../../common/errors/domain.exception';
import { WechatApiError, WechatNotConfiguredError, WechatTransportError } from '../wechat/wechat.errors';
import { toSignInException } from './wechat-sign-in-errors';

const codeOf = (error: Error) => (error instanceof DomainException ? [error.getStatus(), error.code] : error);

describe(toSignInException.name, () => {
  it.each([
    [40029, 401, ErrorCode.WechatCodeInvalid],
    [40163, 401, ErrorCode.WechatCodeInvalid],
    [45011, 429, ErrorCode.WechatRateLimited],
    [40226, 403, ErrorCode.WechatUserBlocked],
    [-1, 503, ErrorCode.WechatUnavailable],
    [40013, 503, ErrorCode.WechatNotConfigured],
    [40125, 503, ErrorCode.WechatNotConfigured],
    [40164, 503, ErrorCode.WechatNotConfigured],
    [99999, 503, ErrorCode.WechatUnavailable],
  ])('maps errcode %i to %i %s', (errcode, status, code) => {
    expect(codeOf(toSignInException(new WechatApiError('jscode2session', errcode, 'x')))).toEqual([
      status,
      code,
    ]);
  });

  it('maps transport failures and missing configuration', () => {
    expect(codeOf(toSignInException(new WechatTransportError('jscode2session', 'timed out')))).toEqual([
      503,
      ErrorCode.WechatUnavailable,
    ]);
    expect(codeOf(toSignInException(new WechatNotConfiguredError()))).toEqual([
      503,
      ErrorCode.WechatNotConfigured,
    ]);
  });

  it('leaves unrelated errors alone so they surface as 500s', () => {
    const bug = new TypeError('undefined is not a function');
    expect(toSignInException(bug)).toBe(bug);
  });
});
