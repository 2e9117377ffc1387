import type { IsoDate, IsoDateTime } from '@careerside/shared';

// Times from the server carry the center's offset (`2026-11-30T09:00:00+08:00`): showing their date and
// clock as written shows the center's time, whatever the phone's time zone.

export function datePart(iso: IsoDateTime): IsoDate {
  return iso.slice(0, 10);
}

export function timePart(iso: IsoDateTime): string {
  return iso.slice(11, 16);
}

/** ISO weekday 1 (Monday) to 7 of a calendar date. */
export function weekdayOf(date: IsoDate): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Today in the center's time zone (UTC+8 unless the server says otherwise, see slots' `timezone`). */
export function centerToday(offsetMinutes = 480, now = Date.now()): IsoDate {
  return new Date(now + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

export function monthDay(date: IsoDate): { month: number; day: number } {
  return { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}
