import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@careerside/shared';
import { DomainException } from '../../common/errors/domain.exception';
import { loadConfig } from '../../config/load-config';
import { SlotEntity } from '../slots/slot.entity';
import type { AppointmentsRepository } from './appointments.repository';
import { BookingRules } from './booking-rules';

const { config } = loadConfig({}, '/srv');
const rules = new BookingRules(config, {} as AppointmentsRepository);
const now = new Date('2026-11-26T02:00:00Z'); // 10:00 in Shanghai, a Thursday

const slot = (startsAt: string, overrides: Partial<SlotEntity> = {}) =>
  Object.assign(new SlotEntity(), {
    id: 's',
    advisorId: 'a',
    startsAt: new Date(startsAt),
    endsAt: new Date(new Date(startsAt).getTime() + 30 * 60_000),
    capacity: 1,
    booked: 0,
    withdrawn: false,
    ...overrides,
  });

const codeOf = (work: () => void): string | null => {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof DomainException ? error.code : String(error);
  }
};

describe(BookingRules.name, () => {
  it('wants two hours of notice', () => {
    expect(codeOf(() => rules.assertSlotTiming(slot('2026-11-26T03:59:00Z'), now))).toBe(
      ErrorCode.BookingTooSoon,
    );
    expect(codeOf(() => rules.assertSlotTiming(slot('2026-11-26T04:00:00Z'), now))).toBeNull();
  });

  it('takes bookings up to the 14th calendar day ahead in the center time zone', () => {
    // 2026-12-10 23:30 Shanghai is still day 14; 2026-12-11 00:00 Shanghai is day 15.
    expect(codeOf(() => rules.assertSlotTiming(slot('2026-12-10T15:30:00Z'), now))).toBeNull();
    expect(codeOf(() => rules.assertSlotTiming(slot('2026-12-10T16:00:00Z'), now))).toBe(
      ErrorCode.BookingTooFar,
    );
  });

  it('refuses withdrawn and started slots', () => {
    expect(codeOf(() => rules.assertSlotTiming(slot('2026-11-27T02:00:00Z', { withdrawn: true }), now))).toBe(
      ErrorCode.SlotNotAvailable,
    );
    expect(codeOf(() => rules.assertSlotTiming(slot('2026-11-26T01:00:00Z'), now))).toBe(
      ErrorCode.SlotNotAvailable,
    );
  });
});
