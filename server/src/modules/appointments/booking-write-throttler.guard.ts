import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { RuleThrottlerGuard, type ThrottleRule } from '../../common/guards/rule-throttler.guard';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';

/**
 * Booking writes that take a seat or a place in line (book, reschedule, joining a waitlist, accepting a held
 * seat) share one budget per signed-in student: BOOKING_WRITE_RATE_LIMIT per BOOKING_WRITE_RATE_WINDOW_MINUTES,
 * 429 RATE_LIMITED beyond, so churning seats cannot keep the booking transactions and notifications busy.
 * Writes that give a seat back (cancel, decline, leave) are never refused: each needs a seat or a place taken
 * within the budget, so churn stays bounded, and a limited student can still free what they hold instead of
 * becoming a no-show or sitting on a held seat.
 */
@Injectable()
export class BookingWriteThrottlerGuard extends RuleThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  protected rules(): ThrottleRule[] {
    const { writeRateLimit, writeRateWindowMs } = this.config.booking;
    return [
      {
        bucket: 'booking-write',
        limit: writeRateLimit,
        windowMs: writeRateWindowMs,
        // The global token guard has run, so these routes always have a user; the address is a fallback.
        tracker: (request) => (request.user ? `user:${request.user.id}` : this.clientAddress(request)),
      },
    ];
  }
}

/** Counts the route against the student's booking-write budget, and documents its 429. */
export const BookingWriteLimit = (): MethodDecorator =>
  applyDecorators(
    UseGuards(BookingWriteThrottlerGuard),
    ApiErrors([429, 'RATE_LIMITED: too many booking writes; Retry-After says when to try again']),
  );
