import { AlertFrequency } from '@careerside/shared';
import { addDays, wallTime, zonedDate, zonedTimeToUtc } from '../../common/time/zoned-time';

export const DEFAULT_DIGEST_MINUTE = 9 * 60;
export const DEFAULT_DIGEST_WEEKDAY = 1;

/** `HH:MM` -> minutes after midnight, or null. */
export function parseWallTime(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatWallTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** ISO weekday (1 = Monday) of a calendar date. */
function isoWeekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * When the next digest after `after` is due: daily at the chosen time on the center's clock, weekly on the
 * chosen weekday at that time. Null for instant and off, which have no digest.
 */
export function nextDigestAt(
  schedule: { frequency: AlertFrequency; digestMinute: number; digestWeekday: number },
  after: Date,
  timeZone: string,
): Date | null {
  if (schedule.frequency !== AlertFrequency.Daily && schedule.frequency !== AlertFrequency.Weekly)
    return null;
  const hour = Math.floor(schedule.digestMinute / 60);
  const minute = schedule.digestMinute % 60;
  let date = zonedDate(after, timeZone);
  // Today may still be ahead; a weekly digest is at most a week (and a day for the time of day) away.
  for (let i = 0; i < 9; i += 1, date = addDays(date, 1)) {
    if (schedule.frequency === AlertFrequency.Weekly && isoWeekday(date) !== schedule.digestWeekday) continue;
    const [year, month, day] = date.split('-').map(Number);
    const at = zonedTimeToUtc({ year, month, day, hour, minute }, timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new Error('nextDigestAt: no digest time within nine days');
}

/** The center's date of a digest, for its dedupe key and its text. */
export function digestDay(at: Date, timeZone: string): string {
  const { year, month, day } = wallTime(at, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
