// Wall-clock arithmetic in an IANA time zone with nothing but Intl: what the center's clock says at an
// instant, and the instant at which it says a given date and time.

export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The center's wall clock at this instant. */
export function wallTime(at: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Minutes the zone is ahead of UTC at this instant (+480 for Asia/Shanghai). */
export function utcOffsetMinutes(at: Date, timeZone: string): number {
  const wall = wallTime(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant the zone's clock shows this wall time. An ambiguous time (clocks going back) is its first
 * occurrence; a time that never shows (clocks going forward) is moved past the gap.
 */
export function zonedTimeToUtc(
  wall: Pick<WallTime, 'year' | 'month' | 'day'> & Partial<Pick<WallTime, 'hour' | 'minute' | 'second'>>,
  timeZone: string,
): Date {
  const target = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour ?? 0,
    wall.minute ?? 0,
    wall.second ?? 0,
  );
  const hour = 3_600_000;
  const offsets = [
    utcOffsetMinutes(new Date(target - 14 * hour), timeZone),
    utcOffsetMinutes(new Date(target + 14 * hour), timeZone),
  ];
  const candidates = [...new Set(offsets)].map((offset) => target - offset * 60_000);
  const exact = candidates.filter((instant) => {
    const shown = wallTime(new Date(instant), timeZone);
    return (
      Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute, shown.second) === target
    );
  });
  return new Date(exact.length > 0 ? Math.min(...exact) : Math.max(...candidates));
}

/** The center's calendar date at this instant, `YYYY-MM-DD`. */
export function zonedDate(at: Date, timeZone: string): string {
  const { year, month, day } = wallTime(at, timeZone);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Date.UTC without its rule that years 0-99 mean 1900-1999: such years are shifted by whole 400-year
 * Gregorian cycles (same leap years) and shifted back.
 */
function utcMidnight(year: number, month: number, day: number): Date {
  const shift = year < 100 ? 400 * Math.ceil((100 - year) / 400) : 0;
  const date = new Date(Date.UTC(year + shift, month - 1, day));
  if (shift > 0) date.setUTCFullYear(date.getUTCFullYear() - shift);
  return date;
}

/**
 * A calendar date plus whole days. Callers pass dates from MIN_CALENDAR_YEAR to MAX_CALENDAR_YEAR (see
 * calendar-date.ts); a result outside years 0-9999 has no `YYYY-MM-DD` and is an error, not a wrong date.
 */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const result = utcMidnight(year, month, day + days);
  const resultYear = result.getUTCFullYear();
  if (Number.isNaN(result.getTime()) || resultYear < 0 || resultYear > 9999) {
    throw new RangeError(`${date} plus ${days} days is outside years 0-9999`);
  }
  return `${pad(resultYear, 4)}-${pad(result.getUTCMonth() + 1)}-${pad(result.getUTCDate())}`;
}

/** The first instant of a calendar date in the zone. */
export function startOfZonedDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return zonedTimeToUtc({ year, month, day }, timeZone);
}

export function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
