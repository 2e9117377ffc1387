import { describe, expect, it } from '@jest/globals';
import { AlertFrequency } from '@careerside/shared';
import { formatWallTime, nextDigestAt, parseWallTime } from './digest-schedule';

const SHANGHAI = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);

describe(nextDigestAt.name, () => {
  const daily = { frequency: AlertFrequency.Daily, digestMinute: 9 * 60, digestWeekday: 1 };
  const weekly = { frequency: AlertFrequency.Weekly, digestMinute: 18 * 60 + 30, digestWeekday: 5 };

  it('is today at the chosen time while that is still ahead, tomorrow after it', () => {
    // 2026-06-03 07:00 in Shanghai.
    expect(nextDigestAt(daily, at('2026-06-02T23:00:00Z'), SHANGHAI)?.toISOString()).toBe(
      '2026-06-03T01:00:00.000Z',
    );
    // 09:00 exactly has gone out: the next one is tomorrow.
    expect(nextDigestAt(daily, at('2026-06-03T01:00:00Z'), SHANGHAI)?.toISOString()).toBe(
      '2026-06-04T01:00:00.000Z',
    );
  });

  it('is on the chosen weekday for weekly digests', () => {
    // Wednesday 2026-06-03 -> Friday 2026-06-05 18:30 Shanghai.
    expect(nextDigestAt(weekly, at('2026-06-03T02:00:00Z'), SHANGHAI)?.toISOString()).toBe(
      '2026-06-05T10:30:00.000Z',
    );
    // Friday after 18:30 -> next Friday.
    expect(nextDigestAt(weekly, at('2026-06-05T11:00:00Z'), SHANGHAI)?.toISOString()).toBe(
      '2026-06-12T10:30:00.000Z',
    );
    // Sunday (7).
    expect(
      nextDigestAt({ ...weekly, digestWeekday: 7 }, at('2026-06-03T02:00:00Z'), SHANGHAI)?.toISOString(),
    ).toBe('2026-06-07T10:30:00.000Z');
  });

  it('follows the center clock across a daylight saving change', () => {
    // Berlin moves to summer time on 2026-03-29: 09:00 is 08:00Z before and 07:00Z after.
    const berlin = 'Europe/Berlin';
    expect(nextDigestAt(daily, at('2026-03-28T09:00:00Z'), berlin)?.toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
  });

  it('has no digest for instant and off', () => {
    expect(nextDigestAt({ ...daily, frequency: AlertFrequency.Instant }, new Date(), SHANGHAI)).toBeNull();
    expect(nextDigestAt({ ...daily, frequency: AlertFrequency.Off }, new Date(), SHANGHAI)).toBeNull();
  });
});

describe('digest time', () => {
  it('reads and writes HH:MM', () => {
    expect(parseWallTime('07:05')).toBe(425);
    expect(parseWallTime('24:00')).toBeNull();
    expect(parseWallTime('7:05')).toBeNull();
    expect(formatWallTime(425)).toBe('07:05');
    expect(formatWallTime(0)).toBe('00:00');
  });
});
