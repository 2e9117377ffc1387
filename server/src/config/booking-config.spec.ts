import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, loadConfig } from './load-config';

describe('booking configuration', () => {
  it('defaults to the rules of the issue', () => {
    expect(loadConfig({}, '/srv').config.booking).toEqual({
      minNoticeMinutes: 120,
      horizonDays: 14,
      maxActiveAppointments: 2,
      cancellationCutoffMinutes: 120,
      strikeLimit: 3,
      strikeWindowDays: 90,
      suspensionDays: 30,
      waitlistHoldMinutes: 30,
      maxWaitlistEntries: 3,
      writeRateLimit: 20,
      writeRateWindowMs: 600_000,
      checkInOpensMinutesBefore: 30,
      checkInClosesMinutesAfter: 15,
      requireCompleteProfile: true,
      idempotencyTtlHours: 24,
    });
  });

  it('reads overrides and names each bad value', () => {
    expect(
      loadConfig(
        {
          BOOKING_HORIZON_DAYS: '7',
          BOOKING_MAX_ACTIVE: '3',
          WAITLIST_MAX_ACTIVE: '5',
          BOOKING_WRITE_RATE_LIMIT: '4',
          BOOKING_WRITE_RATE_WINDOW_MINUTES: '2',
        },
        '/srv',
      ).config.booking,
    ).toMatchObject({
      horizonDays: 7,
      maxActiveAppointments: 3,
      maxWaitlistEntries: 5,
      writeRateLimit: 4,
      writeRateWindowMs: 120_000,
    });
    try {
      loadConfig(
        {
          BOOKING_HORIZON_DAYS: '0',
          IDEMPOTENCY_TTL_HOURS: '1',
          WAITLIST_HOLD_MINUTES: 'soon',
          WAITLIST_MAX_ACTIVE: '0',
          BOOKING_WRITE_RATE_LIMIT: 'many',
        },
        '/srv',
      );
      throw new Error('expected a ConfigValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect((error as ConfigValidationError).issues.map((issue) => issue.variable).sort()).toEqual([
        'BOOKING_HORIZON_DAYS',
        'BOOKING_WRITE_RATE_LIMIT',
        'IDEMPOTENCY_TTL_HOURS',
        'WAITLIST_HOLD_MINUTES',
        'WAITLIST_MAX_ACTIVE',
      ]);
    }
  });
});
