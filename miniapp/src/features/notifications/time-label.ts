import { addDays, type CenterClock } from '@/utils/center-time';
import { format } from '@/utils/format';

export interface TimeWords {
  justNow: string;
  minutesAgo: string;
  hoursAgo: string;
  yesterday: string;
  dateTime: string;
  fullDate: string;
}

/**
 * When a notification arrived, as an inbox shows it: minutes and hours ago today, "yesterday" with the
 * time, the date and time within the year, the date alone before that. Days and clock are the center's.
 */
export function timeLabel(
  iso: string,
  words: TimeWords,
  clock: CenterClock,
  now: number = Date.now(),
): string {
  const ms = now - new Date(iso).getTime();
  if (ms < 60_000) return words.justNow;
  const at = clock.parts(iso);
  const today = clock.today(now);
  if (at.date === today) {
    if (ms < 3_600_000) return format(words.minutesAgo, { count: Math.floor(ms / 60_000) });
    return format(words.hoursAgo, { count: Math.floor(ms / 3_600_000) });
  }
  if (at.date === addDays(today, -1)) return format(words.yesterday, { time: at.time });
  const parts = { year: at.year, month: at.month, day: at.day, time: at.time };
  return at.year === Number(today.slice(0, 4))
    ? format(words.dateTime, parts)
    : format(words.fullDate, parts);
}
