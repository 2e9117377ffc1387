import { describe, expect, it } from '@jest/globals';
import { utcOffsetMinutes, wallTime } from '../../common/time/zoned-time';
import { isoInZone } from './slot-time';

describe(isoInZone.name, () => {
  it('writes the wall time and offset of the zone, across daylight saving changes', () => {
    expect(isoInZone(new Date('2026-11-30T01:00:00.789Z'), 'Asia/Shanghai')).toBe(
      '2026-11-30T09:00:00+08:00',
    );
    expect(isoInZone(new Date('2026-03-08T06:59:00Z'), 'America/New_York')).toBe('2026-03-08T01:59:00-05:00');
    expect(isoInZone(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('2026-03-08T03:00:00-04:00');
    expect(isoInZone(new Date('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
    expect(isoInZone(new Date('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('2026-11-01T01:30:00-05:00');
    expect(isoInZone(new Date('2026-06-01T00:00:00Z'), 'Asia/Kathmandu')).toBe('2026-06-01T05:45:00+05:45');
  });

  it('agrees with Intl for every quarter hour of a year in a daylight saving zone', () => {
    const zone = 'Europe/Berlin';
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 15 * 60_000 * 7) {
      const at = new Date(t);
      const wall = wallTime(at, zone);
      const offset = utcOffsetMinutes(at, zone);
      const expected = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}T${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
      const iso = isoInZone(at, zone);
      expect(iso.slice(0, 16)).toBe(expected);
      expect(iso.slice(19)).toBe(`${offset < 0 ? '-' : '+'}0${Math.abs(offset) / 60}:00`);
    }
  });
});
