import { Injectable } from '@nestjs/common';
import { RuleThrottlerGuard, type ThrottleRule } from '../../common/guards/rule-throttler.guard';

/**
 * Guessing invite codes: each signed-in user gets WECHAT_SIGNIN_RATE_LIMIT tries a minute, and each client
 * address INVITE_ADDRESS_RATE_LIMIT per INVITE_ADDRESS_RATE_WINDOW_MINUTES, so many accounts guessing from one
 * machine are stopped too. (Redeeming is rare and one-off, so a shared campus address does not reach it.)
 */
@Injectable()
export class InviteThrottlerGuard extends RuleThrottlerGuard {
  protected rules(): ThrottleRule[] {
    const { inviteAddressRateLimit, inviteAddressRateWindowMs } = this.config.counselor;
    return [
      {
        bucket: 'invite:user',
        limit: this.config.wechat.signInRateLimit,
        windowMs: 60_000,
        tracker: (request) => this.userOrAddress(request),
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
