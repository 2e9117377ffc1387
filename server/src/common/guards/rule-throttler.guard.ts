import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';

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
 * 429 with a plain Retry-After header, blocking for one window. A subclass only says which rules apply.
 */
export abstract class RuleThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @InjectConfig() protected readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  /** The rules this request counts against (none: it passes uncounted). */
  protected abstract rules(request: FastifyRequest): ThrottleRule[];

  /** The client address as the default guard counts it (an IPv6 address by its subnet). */
  protected clientAddress(request: FastifyRequest): Promise<string> {
    return this.getTracker(request);
  }

  /** The signed-in user, or the client address when there is none. */
  protected userOrAddress(request: FastifyRequest): string | Promise<string> {
    return request.user ? `user:${request.user.id}` : this.clientAddress(request);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    for (const rule of this.rules(context.switchToHttp().getRequest<FastifyRequest>())) {
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
