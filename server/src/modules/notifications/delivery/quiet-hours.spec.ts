import { describe, expect, it } from '@jest/globals';
import type { QuietHours } from '../../../config/app-config';
import { isQuietTime, nextDayPushTime, nextPushTime } from './quiet-hours';

const NIGHT: QuietHours = { startMinute: 22 * 60, endMinute: 8 * 60, label: '22:00-08:00' };
const LUNCH: QuietHours = { startMinute: 12 * 60 + 30, endMinute: 14 * 60, label: '12:30-14:00' };
const SHANGHAI = 'Asia/Shanghai';

// Shanghai is UTC+8 all year: 22:00 there is 14:00 UTC.
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe(nextPushTime.name, () => {
  it.each([
    ['2026-11-26T21:59:59', '2026-11-26T21:59:59'],
    ['2026-11-26T22:00:00', '2026-11-27T08:00:00'],
    ['2026-11-26T23:30:00', '2026-11-27T08:00:00'],
    ['2026-11-27T00:00:00', '2026-11-27T08:00:00'],
    ['2026-11-27T07:59:59', '2026-11-27T08:00:00'],
    ['2026-11-27T08:00:00', '2026-11-27T08:00:00'],
    ['2026-12-31T23:00:00', '2027-01-01T08:00:00'],
  ])('with 22:00-08:00 moves a push at %s (Shanghai) to %s', (at, expected) => {
    expect(nextPushTime(shanghai(at), NIGHT, SHANGHAI).toISOString()).toBe(shanghai(expected).toISOString());
  });

  it('handles a window that does not wrap past midnight', () => {
    expect(nextPushTime(shanghai('2026-11-26T12:45:00'), LUNCH, SHANGHAI)).toEqual(
      shanghai('2026-11-26T14:00:00'),
    );
    expect(nextPushTime(shanghai('2026-11-26T14:00:00'), LUNCH, SHANGHAI)).toEqual(
      shanghai('2026-11-26T14:00:00'),
    );
    expect(nextPushTime(shanghai('2026-11-26T23:00:00'), LUNCH, SHANGHAI)).toEqual(
      shanghai('2026-11-26T23:00:00'),
    );
  });

  it('leaves every time alone when quiet hours are off', () => {
    const at = shanghai('2026-11-26T23:30:00');
    expect(nextPushTime(at, null, SHANGHAI)).toBe(at);
    expect(isQuietTime(at, null, SHANGHAI)).toBe(false);
  });

  it('reads the window in the center time zone, not the server one', () => {
    // 15:00 UTC is 23:00 in Shanghai (quiet) but 15:00 in London (not quiet).
    const at = new Date('2026-11-26T15:00:00Z');
    expect(isQuietTime(at, NIGHT, SHANGHAI)).toBe(true);
    expect(isQuietTime(at, NIGHT, 'Europe/London')).toBe(false);
    expect(nextPushTime(at, NIGHT, SHANGHAI).toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });

  it('ends the window at 08:00 local time on both sides of a daylight-saving change', () => {
    // New York moved its clocks forward on 2026-03-08: 08:00 is 13:00 UTC before, 12:00 UTC after.
    const ny = 'America/New_York';
    expect(nextPushTime(new Date('2026-03-08T04:00:00Z'), NIGHT, ny).toISOString()).toBe(
      '2026-03-08T12:00:00.000Z',
    );
    expect(nextPushTime(new Date('2026-03-07T04:00:00Z'), NIGHT, ny).toISOString()).toBe(
      '2026-03-07T13:00:00.000Z',
    );
  });
});

describe(nextDayPushTime.name, () => {
  it('is the end of the next morning quiet window', () => {
    expect(nextDayPushTime(shanghai('2026-11-26T10:00:00'), NIGHT, SHANGHAI)).toEqual(
      shanghai('2026-11-27T08:00:00'),
    );
    expect(nextDayPushTime(shanghai('2026-11-26T23:59:00'), NIGHT, SHANGHAI)).toEqual(
      shanghai('2026-11-27T08:00:00'),
    );
    // Just after midnight is already the next center day.
    expect(nextDayPushTime(shanghai('2026-11-27T00:10:00'), NIGHT, SHANGHAI)).toEqual(
      shanghai('2026-11-28T08:00:00'),
    );
  });

  it('is midnight when quiet hours are off', () => {
    expect(nextDayPushTime(shanghai('2026-11-26T10:00:00'), null, SHANGHAI)).toEqual(
      shanghai('2026-11-27T00:00:00'),
    );
  });
});
