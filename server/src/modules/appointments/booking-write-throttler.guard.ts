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
 * Booking writes (book, cancel, reschedule, and joining, accepting, declining or leaving a waitlist) share one
 * budget per signed-in student: BOOKING_WRITE_RATE_LIMIT per BOOKING_WRITE_RATE_WINDOW_MINUTES, 429
 * RATE_LIMITED beyond, so churning seats cannot keep the booking transactions and notifications busy.
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
