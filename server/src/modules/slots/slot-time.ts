import { pad, utcOffsetMinutes, wallTime, zonedTimeToUtc } from '../../common/time/zoned-time';

/** `HH:MM` to minutes after midnight. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

export function wallTimeOf(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** ISO weekday (1 = Monday) of a calendar date; no time zone involved. */
export function isoWeekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * The instant the center's clock shows `date` at `minutes` past midnight, or null when that wall time does not
 * exist (the hour skipped when clocks go forward), so no slot is made for it.
 */
export function instantAt(date: string, minutes: number, timeZone: string): Date | null {
  const [year, month, day] = date.split('-').map(Number);
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const instant = zonedTimeToUtc({ year, month, day, hour, minute }, timeZone);
  const shown = wallTime(instant, timeZone);
  const exists =
    shown.year === year &&
    shown.month === month &&
    shown.day === day &&
    shown.hour === hour &&
    shown.minute === minute;
  return exists ? instant : null;
}

// Intl's formatToParts costs about 60 µs a call; a listing of 14 days formats hundreds of times. A zone's
// offset only changes on a quarter hour, so it is looked up once per zone and quarter hour and cached.
const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<string, number>();

function offsetMinutesAt(at: Date, timeZone: string): number {
  const quarter = Math.floor(at.getTime() / QUARTER_HOUR_MS);
  const key = `${timeZone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size >= 50_000) offsets.clear();
    offset = utcOffsetMinutes(new Date(quarter * QUARTER_HOUR_MS), timeZone);
    offsets.set(key, offset);
  }
  return offset;
}

/** ISO 8601 with the center's offset, e.g. `2026-11-30T09:00:00+08:00`: what slots and appointments send. */
export function isoInZone(at: Date, timeZone: string): string {
  const offset = offsetMinutesAt(at, timeZone);
  const wall = new Date(Math.floor(at.getTime() / 1000) * 1000 + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
