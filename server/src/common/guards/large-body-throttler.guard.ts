import { type ExecutionContext, Injectable } from '@nestjs/common';
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

const WINDOW_MS = 60_000;

/**
 * Every route: a request whose JSON body is at least LARGE_BODY_BYTES counts against one budget per signed-in
 * user (per client address when signed out) of LARGE_BODY_RATE_LIMIT a minute, over all routes together.
 * Large bodies are what make a request expensive to validate; ordinary requests never touch the counter.
 * Over the budget: 429 RATE_LIMITED with Retry-After, before the body is transformed and validated.
 * Runs after the access-token guard, which loads the user.
 */
@Injectable()
export class LargeBodyThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { largeBodyBytes, largeBodyRateLimit } = this.config.inputLimits;
    if ((request.jsonBodyBytes ?? 0) < largeBodyBytes) return true;
    return this.handleRequest({
      context,
      limit: largeBodyRateLimit,
      ttl: WINDOW_MS,
      blockDuration: WINDOW_MS,
      throttler: { name: 'default', limit: largeBodyRateLimit, ttl: WINDOW_MS },
      getTracker: (req) => this.getTracker(req),
      generateKey: (_context, tracker) => `large-body:${tracker}`,
    });
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const { user, ip } = request as unknown as FastifyRequest;
    return Promise.resolve(user ? `user:${user.id}` : `ip:${ip}`);
  }
}
