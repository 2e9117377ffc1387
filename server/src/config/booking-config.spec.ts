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
      checkInOpensMinutesBefore: 30,
      checkInClosesMinutesAfter: 15,
      requireCompleteProfile: true,
      idempotencyTtlHours: 24,
    });
  });

  it('reads overrides and names each bad value', () => {
    expect(
      loadConfig({ BOOKING_HORIZON_DAYS: '7', BOOKING_MAX_ACTIVE: '3' }, '/srv').config.booking,
    ).toMatchObject({
      horizonDays: 7,
      maxActiveAppointments: 3,
    });
    try {
      loadConfig(
        { BOOKING_HORIZON_DAYS: '0', IDEMPOTENCY_TTL_HOURS: '1', WAITLIST_HOLD_MINUTES: 'soon' },
        '/srv',
      );
      throw new Error('expected a ConfigValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect((error as ConfigValidationError).issues.map((issue) => issue.variable).sort()).toEqual([
        'BOOKING_HORIZON_DAYS',
        'IDEMPOTENCY_TTL_HOURS',
        'WAITLIST_HOLD_MINUTES',
      ]);
    }
  });
});
