import type { IsoDate, IsoDateTime } from '@careerside/shared';

// Every date and time the app shows is the center's wall clock (CONTRACT: CENTER_TIMEZONE), whatever the
// phone's own time zone. The arithmetic is plain UTC offsets, never Intl time-zone data: WeChat's Android JS
// engine may ship without full ICU. The offset comes from `GET /api/meta` (`utcOffsetMinutes`, see
// features/meta/use-center-clock.ts); until meta has loaded it is Asia/Shanghai's UTC+8.

export const DEFAULT_UTC_OFFSET_MINUTES = 480;

const MINUTE_MS = 60_000;
const OWN_OFFSET = /([+-])(\d{2}):?(\d{2})$/;

const pad = (value: number) => String(value).padStart(2, '0');

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** `YYYY-MM-DD` */
  date: IsoDate;
  /** `HH:MM` */
  time: string;
}

/**
 * The center's calendar date and clock time of an instant. A time the server wrote with an explicit offset
 * (slots, appointments and counselor views come as `2026-11-30T09:00:00+08:00`) already is the center's wall
 * time, the right one even across a DST change, so it is read as written. A UTC time (`...Z`: jobs,
 * notifications, museum) is shifted by `offsetMinutes`, the center's current offset.
 */
export function wallClock(iso: IsoDateTime, offsetMinutes: number): WallClock {
  const own = OWN_OFFSET.exec(iso);
  const offset = own ? (own[1] === '-' ? -1 : 1) * (Number(own[2]) * 60 + Number(own[3])) : offsetMinutes;
  return wallClockAt(new Date(iso).getTime() + offset * MINUTE_MS);
}

/** The center's calendar date at `now`. */
export function centerToday(offsetMinutes: number, now: number = Date.now()): IsoDate {
  return wallClockAt(now + offsetMinutes * MINUTE_MS).date;
}

function wallClockAt(shiftedMs: number): WallClock {
  const shifted = new Date(shiftedMs);
  const year = shifted.getUTCFullYear();
  const month = shifted.getUTCMonth() + 1;
  const day = shifted.getUTCDate();
  const hour = shifted.getUTCHours();
  const minute = shifted.getUTCMinutes();
  return {
    year,
    month,
    day,
    hour,
    minute,
    date: `${year}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
  };
}

/** The center-time helpers bound to one offset; pages get one from `useCenterClock()`. */
export interface CenterClock {
  offsetMinutes: number;
  /** Today's date on the center's calendar. */
  today: (now?: number) => IsoDate;
  parts: (iso: IsoDateTime) => WallClock;
  /** `YYYY-MM-DD` */
  date: (iso: IsoDateTime) => IsoDate;
  /** `HH:MM` */
  time: (iso: IsoDateTime) => string;
  /** `YYYY-MM-DD HH:MM` */
  dateTime: (iso: IsoDateTime) => string;
}

export function centerClock(offsetMinutes: number = DEFAULT_UTC_OFFSET_MINUTES): CenterClock {
  const parts = (iso: IsoDateTime) => wallClock(iso, offsetMinutes);
  return {
    offsetMinutes,
    today: (now) => centerToday(offsetMinutes, now),
    parts,
    date: (iso) => parts(iso).date,
    time: (iso) => parts(iso).time,
    dateTime: (iso) => {
      const wall = parts(iso);
      return `${wall.date} ${wall.time}`;
    },
  };
}

// Calendar arithmetic on `YYYY-MM-DD` dates: no instant, so no time zone.

/** ISO weekday 1 (Monday) to 7 of a calendar date. */
export function weekdayOf(date: IsoDate): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function monthDay(date: IsoDate): { month: number; day: number } {
  return { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}
