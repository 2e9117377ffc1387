import type { EnvReader } from './env-reader';

/** Booking rules and windows (issue 4). Every value has a documented default in .env.example. */
export interface BookingConfig {
  /** A slot can be booked until this many minutes before it starts. */
  minNoticeMinutes: number;
  /** How far ahead slots can be booked, in days from today (center time). */
  horizonDays: number;
  maxActiveAppointments: number;
  /** Cancelling later than this many minutes before the start counts as a late cancellation. */
  cancellationCutoffMinutes: number;
  /** No-shows plus late cancellations within `strikeWindowDays` that suspend booking. */
  strikeLimit: number;
  strikeWindowDays: number;
  suspensionDays: number;
  /** How long a freed seat is held for the first student on the waitlist. */
  waitlistHoldMinutes: number;
  /** Lines (waiting or holding a seat) one student may be in at once (WAITLIST_LIMIT_REACHED). */
  maxWaitlistEntries: number;
  /** Booking writes (book, cancel, reschedule, waitlist join/accept/decline/leave) per student per window. */
  writeRateLimit: number;
  writeRateWindowMs: number;
  checkInOpensMinutesBefore: number;
  checkInClosesMinutesAfter: number;
  /** Booking needs name, college, degree and graduation year. */
  requireCompleteProfile: boolean;
  /** How long an Idempotency-Key answer is replayed. */
  idempotencyTtlHours: number;
}

export function parseBookingConfig(read: EnvReader): BookingConfig {
  return {
    minNoticeMinutes: read.integer('BOOKING_MIN_NOTICE_MINUTES', 120, { min: 0, max: 7 * 24 * 60 }),
    horizonDays: read.integer('BOOKING_HORIZON_DAYS', 14, { min: 1, max: 90 }),
    maxActiveAppointments: read.integer('BOOKING_MAX_ACTIVE', 2, { min: 1, max: 20 }),
    cancellationCutoffMinutes: read.integer('BOOKING_CANCELLATION_CUTOFF_MINUTES', 120, {
      min: 0,
      max: 7 * 24 * 60,
    }),
    strikeLimit: read.integer('BOOKING_STRIKE_LIMIT', 3, { min: 1, max: 20 }),
    strikeWindowDays: read.integer('BOOKING_STRIKE_WINDOW_DAYS', 90, { min: 1, max: 365 }),
    suspensionDays: read.integer('BOOKING_SUSPENSION_DAYS', 30, { min: 1, max: 365 }),
    waitlistHoldMinutes: read.integer('WAITLIST_HOLD_MINUTES', 30, { min: 1, max: 24 * 60 }),
    maxWaitlistEntries: read.integer('WAITLIST_MAX_ACTIVE', 3, { min: 1, max: 100 }),
    writeRateLimit: read.integer('BOOKING_WRITE_RATE_LIMIT', 20, { min: 1, max: 100_000 }),
    writeRateWindowMs:
      read.integer('BOOKING_WRITE_RATE_WINDOW_MINUTES', 10, { min: 1, max: 24 * 60 }) * 60_000,
    checkInOpensMinutesBefore: read.integer('CHECK_IN_OPENS_MINUTES_BEFORE', 30, { min: 0, max: 240 }),
    checkInClosesMinutesAfter: read.integer('CHECK_IN_CLOSES_MINUTES_AFTER', 15, { min: 0, max: 240 }),
    requireCompleteProfile: read.boolean('BOOKING_REQUIRE_PROFILE', true),
    idempotencyTtlHours: read.integer('IDEMPOTENCY_TTL_HOURS', 24, { min: 24, max: 24 * 30 }),
  };
}
