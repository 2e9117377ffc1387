import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  startOfZonedDay,
  utcOffsetMinutes,
  wallTime,
  zonedDate,
  zonedTimeToUtc,
} from './zoned-time';

describe(zonedTimeToUtc.name, () => {
  it('round-trips wall times in zones with and without daylight saving', () => {
    for (const timeZone of ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata']) {
      for (const iso of ['2026-01-15T03:30:00Z', '2026-07-01T23:59:00Z', '2026-03-29T01:15:00Z']) {
        const instant = new Date(iso);
        const wall = wallTime(instant, timeZone);
        expect(zonedTimeToUtc(wall, timeZone).toISOString()).toBe(instant.toISOString());
      }
    }
  });

  it('places 08:00 in Shanghai at 00:00 UTC', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 11, day: 27, hour: 8 }, 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-27T00:00:00.000Z',
    );
  });

  it('moves a time that does not exist (clocks going forward) past the gap', () => {
    // New York skipped 02:00-03:00 on 2026-03-08.
    const instant = zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York');
    expect(instant.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(wallTime(instant, 'America/New_York')).toMatchObject({ hour: 3, minute: 30 });
  });

  it('takes the first of two equal wall times (clocks going back)', () => {
    // New York showed 01:30 twice on 2026-11-01: first in EDT (UTC-4).
    const instant = zonedTimeToUtc(
      { year: 2026, month: 11, day: 1, hour: 1, minute: 30 },
      'America/New_York',
    );
    expect(instant.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('calendar helpers', () => {
  it('reads the center date and offset', () => {
    const lateEvening = new Date('2026-11-26T16:30:00Z');
    expect(zonedDate(lateEvening, 'Asia/Shanghai')).toBe('2026-11-27');
    expect(zonedDate(lateEvening, 'UTC')).toBe('2026-11-26');
    expect(utcOffsetMinutes(lateEvening, 'Asia/Shanghai')).toBe(480);
    expect(utcOffsetMinutes(new Date('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('adds days across months and years and finds the start of a day', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(startOfZonedDay('2026-11-27', 'Asia/Shanghai').toISOString()).toBe('2026-11-26T16:00:00.000Z');
  });

  it('reads years 0-99 as themselves, not as the 1900s', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('0004-03-01', -1)).toBe('0004-02-29');
    expect(addDays('0001-01-01', 0)).toBe('0001-01-01');
  });

  it('refuses a result without a four-digit year instead of answering a broken date', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });
});
