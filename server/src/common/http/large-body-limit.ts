import { createHash } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@careerside/shared';
import { DomainException } from '../errors/domain.exception';

const WINDOW_MS = 60_000;

export class LargeBodyRateLimitedException extends DomainException {
  constructor(retryAfterSeconds: number) {
    super(
      ErrorCode.RateLimited,
      HttpStatus.TOO_MANY_REQUESTS,
      'Too many large requests; try again in a minute',
      [],
      {
        headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
      },
    );
  }
}

/**
 * The first line of the large-body rate limit, before the body is read: a JSON request announcing at least
 * `largeBodyBytes` (or sent chunked, so of unknown size) counts against `limit` a minute per bearer token (per
 * client address without one), and over it is 429 at once, unread and unparsed. A flood from one client thus
 * costs the server a header lookup per request. The token is not verified here (that needs the user store);
 * LargeBodyThrottlerGuard counts the same bodies per verified user afterwards, so signing in again for a fresh
 * token does not buy a fresh budget. Counters live in the shared throttler storage (Redis when configured).
 */
export function registerLargeBodyLimit(
  fastify: FastifyInstance,
  options: { largeBodyBytes: number; limit: number },
  storage: () => ThrottlerStorage | null,
): void {
  fastify.addHook('preParsing', async (request, reply, payload) => {
    const counters = storage();
    if (!counters || !request.headers['content-type']?.toLowerCase().startsWith('application/json'))
      return payload;
    const length = Number(request.headers['content-length']);
    const chunked = request.headers['transfer-encoding'] !== undefined;
    if (!chunked && !(length >= options.largeBodyBytes)) return payload;
    const authorization = request.headers.authorization;
    const tracker = authorization
      ? `token:${createHash('sha256').update(authorization).digest('base64url')}`
      : `ip:${request.ip}`;
    const record = await counters.increment(
      `large-body-unread:${tracker}`,
      WINDOW_MS,
      options.limit,
      WINDOW_MS,
      'default',
    );
    if (record.isBlocked) {
      // The body stays unread: closing the connection spares reading (and discarding) it.
      void reply.header('connection', 'close');
      throw new LargeBodyRateLimitedException(record.timeToBlockExpire);
    }
    return payload;
  });
}
