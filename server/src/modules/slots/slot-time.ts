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

/** ISO 8601 with the center's offset, e.g. `2026-11-30T09:00:00+08:00`: what slots and appointments send. */
export function isoInZone(at: Date, timeZone: string): string {
  const wall = wallTime(at, timeZone);
  const offset = utcOffsetMinutes(at, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
