import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RuleThrottlerGuard, type ThrottleRule } from './rule-throttler.guard';

/**
 * Every route: a request whose JSON body is at least LARGE_BODY_BYTES counts against one budget per signed-in
 * user (per client address when signed out) of LARGE_BODY_RATE_LIMIT a minute, over all routes together.
 * Large bodies are what make a request expensive to validate; ordinary requests never touch the counter.
 * Over the budget: 429 RATE_LIMITED with Retry-After, before the body is transformed and validated.
 * Runs after the access-token guard, which loads the user.
 */
@Injectable()
export class LargeBodyThrottlerGuard extends RuleThrottlerGuard {
  protected rules(request: FastifyRequest): ThrottleRule[] {
    const { largeBodyBytes, largeBodyRateLimit } = this.config.inputLimits;
    if ((request.jsonBodyBytes ?? 0) < largeBodyBytes) return [];
    return [
      {
        bucket: 'large-body',
        limit: largeBodyRateLimit,
        windowMs: 60_000,
        tracker: (req) => this.userOrAddress(req),
      },
    ];
  }
}
