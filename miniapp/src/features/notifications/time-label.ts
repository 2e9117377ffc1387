import { format } from '@/utils/format';

export interface TimeWords {
  justNow: string;
  minutesAgo: string;
  hoursAgo: string;
  yesterday: string;
  dateTime: string;
  fullDate: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * When a notification arrived, as an inbox shows it: minutes and hours ago today, "yesterday" with the
 * time, the date and time within the year, the date alone before that. The phone's clock and calendar.
 */
export function timeLabel(iso: string, words: TimeWords, now: Date = new Date()): string {
  const at = new Date(iso);
  const ms = now.getTime() - at.getTime();
  if (ms < 60_000) return words.justNow;
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  if (at.getTime() >= startOfToday) {
    if (ms < 3_600_000) return format(words.minutesAgo, { count: Math.floor(ms / 60_000) });
    return format(words.hoursAgo, { count: Math.floor(ms / 3_600_000) });
  }
  if (at.getTime() >= startOfToday - 86_400_000) return format(words.yesterday, { time });
  const parts = { year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate(), time };
  return at.getFullYear() === now.getFullYear()
    ? format(words.dateTime, parts)
    : format(words.fullDate, parts);
}
