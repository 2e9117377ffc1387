import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  centerClock,
  centerToday,
  DEFAULT_UTC_OFFSET_MINUTES,
  monthDay,
  wallClock,
  weekdayOf,
} from './center-time';

const NEW_YORK_WINTER = -300;

describe('center time', () => {
  it('defaults to UTC+8 (Asia/Shanghai) until meta reports the offset', () => {
    expect(DEFAULT_UTC_OFFSET_MINUTES).toBe(480);
    expect(centerClock().offsetMinutes).toBe(480);
    expect(centerClock().dateTime('2026-12-31T15:59:59.000Z')).toBe('2026-12-31 23:59');
    expect(centerClock().dateTime('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00');
  });

  it("shows UTC times on the center's clock at its offset", () => {
    const deadline = '2026-12-31T15:59:59.000Z';
    expect(centerClock(480).parts(deadline)).toEqual({
      year: 2026,
      month: 12,
      day: 31,
      hour: 23,
      minute: 59,
      date: '2026-12-31',
      time: '23:59',
    });
    expect(centerClock(0).dateTime(deadline)).toBe('2026-12-31 15:59');
    expect(centerClock(NEW_YORK_WINTER).dateTime(deadline)).toBe('2026-12-31 10:59');
    expect(centerClock(NEW_YORK_WINTER).dateTime('2027-01-01T03:00:00.000Z')).toBe('2026-12-31 22:00');
    expect(centerClock(NEW_YORK_WINTER).parts('2027-01-01T03:00:00.000Z')).toMatchObject({
      year: 2026,
      month: 12,
      day: 31,
    });
    expect(centerClock(345).time('2026-06-01T00:00:00Z')).toBe('05:45');
  });

  it('reads a time the server wrote with the center offset as written, whatever the offset now', () => {
    // New York in summer (-04:00) read while meta says winter (-300): the slot still shows 09:00.
    expect(wallClock('2026-07-01T09:00:00-04:00', NEW_YORK_WINTER)).toMatchObject({
      date: '2026-07-01',
      time: '09:00',
    });
    expect(centerClock(480).dateTime('2026-11-30T09:00:00+08:00')).toBe('2026-11-30 09:00');
    expect(centerClock(0).date('2026-11-30T00:30:00+08:00')).toBe('2026-11-30');
    expect(centerClock(480).time('2026-06-01T05:45:00+0545')).toBe('05:45');
  });

  it("gives today's date on the center's calendar", () => {
    const now = Date.parse('2026-11-26T20:30:00Z');
    expect(centerToday(480, now)).toBe('2026-11-27');
    expect(centerToday(0, now)).toBe('2026-11-26');
    expect(centerToday(NEW_YORK_WINTER, now)).toBe('2026-11-26');
    const earlyUtc = Date.parse('2026-11-27T03:00:00Z');
    expect(centerClock(480).today(earlyUtc)).toBe('2026-11-27');
    expect(centerClock(0).today(earlyUtc)).toBe('2026-11-27');
    expect(centerClock(NEW_YORK_WINTER).today(earlyUtc)).toBe('2026-11-26');
    expect(centerClock(NEW_YORK_WINTER).today(Date.parse('2027-01-01T04:59:59Z'))).toBe('2026-12-31');
    expect(centerClock(NEW_YORK_WINTER).today(Date.parse('2027-01-01T05:00:00Z'))).toBe('2027-01-01');
  });

  it('does calendar arithmetic without a time zone', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2026-11-30')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
    expect(monthDay('2026-03-08')).toEqual({ month: 3, day: 8 });
  });
});
