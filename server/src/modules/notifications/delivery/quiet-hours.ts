import type { QuietHours } from '../../../config/app-config';
import {
  addDays,
  startOfZonedDay,
  wallTime,
  zonedDate,
  zonedTimeToUtc,
} from '../../../common/time/zoned-time';

/** Whether the center's clock at this instant is inside the quiet window (start inclusive, end exclusive). */
export function isQuietTime(at: Date, quiet: QuietHours | null, timeZone: string): boolean {
  if (!quiet) return false;
  const { hour, minute } = wallTime(at, timeZone);
  const now = hour * 60 + minute;
  return quiet.startMinute < quiet.endMinute
    ? now >= quiet.startMinute && now < quiet.endMinute
    : now >= quiet.startMinute || now < quiet.endMinute;
}

/** The earliest instant at or after `at` when a push may go out: `at` itself, or the end of its quiet window. */
export function nextPushTime(at: Date, quiet: QuietHours | null, timeZone: string): Date {
  if (!quiet || !isQuietTime(at, quiet, timeZone)) return at;
  const { hour, minute } = wallTime(at, timeZone);
  const now = hour * 60 + minute;
  const today = zonedDate(at, timeZone);
  // A window that wraps past midnight and started this evening ends tomorrow morning.
  const endDate = quiet.startMinute > quiet.endMinute && now >= quiet.startMinute ? addDays(today, 1) : today;
  const [year, month, day] = endDate.split('-').map(Number);
  return zonedTimeToUtc(
    { year, month, day, hour: Math.floor(quiet.endMinute / 60), minute: quiet.endMinute % 60 },
    timeZone,
  );
}

/** When the digest of pushes folded today goes out: the first push time of the next center day. */
export function nextDayPushTime(at: Date, quiet: QuietHours | null, timeZone: string): Date {
  const tomorrow = addDays(zonedDate(at, timeZone), 1);
  return nextPushTime(startOfZonedDay(tomorrow, timeZone), quiet, timeZone);
}
