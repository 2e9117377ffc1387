import { zonedTimeToUtc } from '../../../common/time/zoned-time';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
// 2026-12-31, 2026/12/31, 2026.12.31, 2026年12月31日, each optionally followed by a time: spreadsheets write all of these.
const LOCAL =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/u;

/**
 * A deadline as staff and employers write it: an ISO 8601 date-time with an offset, or a calendar date (the
 * end of that day) or date and time on the center's clock. Null when it is not a real date.
 */
export function parseDeadline(value: string, timeZone: string): Date | null {
  const text = value.trim();
  if (ISO_WITH_OFFSET.test(text)) {
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) return null;
    // `new Date` rolls 2026-02-30 over into March; a deadline that is not on the calendar is a typo.
    return isCalendarDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)))
      ? date
      : null;
  }
  const match = LOCAL.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isCalendarDate(year, month, day)) return null;
  if (match[4] === undefined)
    return zonedTimeToUtc({ year, month, day, hour: 23, minute: 59, second: 59 }, timeZone);
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  return zonedTimeToUtc({ year, month, day, hour, minute, second }, timeZone);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
