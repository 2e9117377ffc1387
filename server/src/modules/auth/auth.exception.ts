import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@careerside/shared';
import { DomainException } from '../../common/errors/domain.exception';

export class UnauthenticatedException extends DomainException {
  constructor() {
    super(
      ErrorCode.Unauthenticated,
      HttpStatus.UNAUTHORIZED,
      'Sign in first: send Authorization: Bearer <token>',
    );
  }
}

export class TokenExpiredException extends DomainException {
  constructor() {
    super(ErrorCode.TokenExpired, HttpStatus.UNAUTHORIZED, 'The access token has expired; sign in again');
  }
}

export class TokenInvalidException extends DomainException {
  constructor(reason = 'The access token is not valid; sign in again') {
    super(ErrorCode.TokenInvalid, HttpStatus.UNAUTHORIZED, reason);
  }
}

export class TokenRevokedException extends DomainException {
  constructor() {
    super(
      ErrorCode.TokenRevoked,
      HttpStatus.UNAUTHORIZED,
      'This access token was revoked (signed out, or the role changed); sign in again',
    );
  }
}

export class DevLoginDisabledException extends DomainException {
  constructor() {
    super(ErrorCode.DevLoginDisabled, HttpStatus.NOT_FOUND, 'Dev sign-in is turned off on this server');
  }
}

export class WechatCodeInvalidException extends DomainException {
  constructor() {
    super(
      ErrorCode.WechatCodeInvalid,
      HttpStatus.UNAUTHORIZED,
      'The WeChat login code is invalid, expired or already used; call wx.login again',
    );
  }
}

export class WechatRateLimitedException extends DomainException {
  constructor() {
    super(
      ErrorCode.WechatRateLimited,
      HttpStatus.TOO_MANY_REQUESTS,
      'WeChat is limiting sign-ins; try again in a minute',
      undefined,
      {
        headers: { 'retry-after': '60' },
      },
    );
  }
}

export class WechatUserBlockedException extends DomainException {
  constructor() {
    super(
      ErrorCode.WechatUserBlocked,
      HttpStatus.FORBIDDEN,
      'WeChat has blocked sign-in for this account (high-risk user)',
    );
  }
}

export class WechatUnavailableException extends DomainException {
  constructor(cause?: unknown) {
    super(
      ErrorCode.WechatUnavailable,
      HttpStatus.SERVICE_UNAVAILABLE,
      'WeChat sign-in is unavailable right now; try again shortly',
      undefined,
      {
        cause,
        headers: { 'retry-after': '5' },
      },
    );
  }
}

export class WechatNotConfiguredException extends DomainException {
  constructor(cause?: unknown) {
    super(
      ErrorCode.WechatNotConfigured,
      HttpStatus.SERVICE_UNAVAILABLE,
      'WeChat sign-in is not configured on this server (WECHAT_APPID / WECHAT_SECRET)',
      undefined,
      { cause },
    );
  }
}
