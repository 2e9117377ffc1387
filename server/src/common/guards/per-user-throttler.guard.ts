import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';

/**
 * The module's rate limit counted per signed-in user rather than per address: on a campus network many
 * students share one address. For routes where guessing is the threat (redeeming an invite code).
 */
@Injectable()
export class PerUserThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const { user, ip } = request as unknown as FastifyRequest;
    return Promise.resolve(user ? `user:${user.id}` : `ip:${ip}`);
  }
}
