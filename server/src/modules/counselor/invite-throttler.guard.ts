import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { RuleThrottlerGuard, type ThrottleRule } from '../../common/guards/rule-throttler.guard';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';

/**
 * Guessing invite codes: each signed-in user gets WECHAT_SIGNIN_RATE_LIMIT tries a minute, and each client
 * address INVITE_ADDRESS_RATE_LIMIT per INVITE_ADDRESS_RATE_WINDOW_MINUTES, so many accounts guessing from one
 * machine are stopped too. (Redeeming is rare and one-off, so a shared campus address does not reach it.)
 */
@Injectable()
export class InviteThrottlerGuard extends RuleThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  protected rules(): ThrottleRule[] {
    const { inviteAddressRateLimit, inviteAddressRateWindowMs } = this.config.counselor;
    return [
      {
        bucket: 'invite:user',
        limit: this.config.wechat.signInRateLimit,
        windowMs: 60_000,
        tracker: (request) => (request.user ? `user:${request.user.id}` : this.clientAddress(request)),
      },
      {
        bucket: 'invite:address',
        limit: inviteAddressRateLimit,
        windowMs: inviteAddressRateWindowMs,
        tracker: (request) => this.clientAddress(request),
      },
    ];
  }
}
