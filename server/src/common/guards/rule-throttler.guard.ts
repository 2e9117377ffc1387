import type { ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';

/** One limit a request is counted against: `limit` requests per `windowMs` per tracker, in `bucket`. */
export interface ThrottleRule {
  /** Routes that share a bucket share one budget (the default would count each route on its own). */
  bucket: string;
  limit: number;
  windowMs: number;
  tracker(request: FastifyRequest): string | Promise<string>;
}

/**
 * A throttler guard whose limits come from the subclass (config-driven), not from the module's throttler
 * list: each rule is counted in the module's storage (Redis when there), and the first exceeded one answers
 * 429 with a plain Retry-After header, blocking for one window.
 */
export abstract class RuleThrottlerGuard extends ThrottlerGuard {
  protected abstract rules(): ThrottleRule[];

  /** The client address as the default guard counts it (an IPv6 address by its subnet). */
  protected clientAddress(request: FastifyRequest): Promise<string> {
    return this.getTracker(request);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    for (const rule of this.rules()) {
      await this.handleRequest({
        context,
        limit: rule.limit,
        ttl: rule.windowMs,
        blockDuration: rule.windowMs,
        // Named "default" so the answer carries Retry-After rather than Retry-After-<name>.
        throttler: { name: 'default', limit: rule.limit, ttl: rule.windowMs },
        getTracker: (request) => rule.tracker(request as FastifyRequest),
        generateKey: (_context, tracker) => `${rule.bucket}:${tracker}`,
      });
    }
    return true;
  }
}
