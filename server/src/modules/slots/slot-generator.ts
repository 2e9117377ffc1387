import {
  type AppointmentMode,
  AvailabilityExceptionKind,
  type AvailabilityExceptionKind as ExceptionKind,
} from '@careerside/shared';
import { addDays } from '../../common/time/zoned-time';
import { instantAt, isoWeekday, minutesOfDay } from './slot-time';

export interface AvailabilityBlock {
  startTime: string;
  endTime: string;
  slotMinutes: number;
  bufferMinutes: number;
  capacity: number;
  mode: AppointmentMode;
  location: string | null;
  title: string | null;
}

export interface WeeklyRuleInput extends AvailabilityBlock {
  weekday: number;
}

export interface ExceptionInput {
  date: string;
  kind: ExceptionKind;
  startTime: string | null;
  endTime: string | null;
  slotMinutes: number | null;
  capacity: number | null;
  mode: AppointmentMode | null;
  location: string | null;
  title: string | null;
}

export interface GeneratedSlot {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  mode: AppointmentMode;
  location: string | null;
  title: string | null;
}

export interface SlotGenerationInput {
  rules: readonly WeeklyRuleInput[];
  exceptions: readonly ExceptionInput[];
  /** Center-wide closures, `YYYY-MM-DD`. */
  closedDates: ReadonlySet<string>;
  /** First and last calendar date, inclusive, in the center's time zone. */
  from: string;
  to: string;
  timeZone: string;
}

/**
 * The slots an advisor's availability describes between two dates: weekly rules plus extra hours, minus
 * leave and center closures. Pure: wall times are read in `timeZone`, so a slot at 09:00 stays at 09:00
 * local time across a daylight saving change; a wall time that does not exist that day makes no slot.
 */
export function generateSlots(input: SlotGenerationInput): GeneratedSlot[] {
  const slots = new Map<number, GeneratedSlot>();
  for (let date = input.from; date <= input.to; date = addDays(date, 1)) {
    if (input.closedDates.has(date)) continue;
    const weekday = isoWeekday(date);
    const exceptions = input.exceptions.filter((exception) => exception.date === date);
    const leave = exceptions.filter((exception) => exception.kind === AvailabilityExceptionKind.Unavailable);
    if (leave.some((exception) => exception.startTime === null || exception.endTime === null)) continue;
    const blocked = leave.map((exception) => ({
      start: minutesOfDay(exception.startTime as string),
      end: minutesOfDay(exception.endTime as string),
    }));

    const blocks: AvailabilityBlock[] = [
      ...input.rules.filter((rule) => rule.weekday === weekday),
      ...exceptions.filter((exception) => exception.kind === AvailabilityExceptionKind.Extra).map(extraBlock),
    ];
    for (const block of blocks) {
      const end = minutesOfDay(block.endTime);
      const step = block.slotMinutes + block.bufferMinutes;
      for (let start = minutesOfDay(block.startTime); start + block.slotMinutes <= end; start += step) {
        const slotEnd = start + block.slotMinutes;
        if (blocked.some((window) => start < window.end && window.start < slotEnd)) continue;
        const startsAt = instantAt(date, start, input.timeZone);
        if (!startsAt) continue;
        // Extra hours come after the weekly rules, so on a clash the date's own settings win.
        slots.set(startsAt.getTime(), {
          startsAt,
          endsAt: new Date(startsAt.getTime() + block.slotMinutes * 60_000),
          capacity: block.capacity,
          mode: block.mode,
          location: block.location,
          title: block.title,
        });
      }
    }
  }
  return [...slots.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

function extraBlock(exception: ExceptionInput): AvailabilityBlock {
  return {
    startTime: exception.startTime ?? '00:00',
    endTime: exception.endTime ?? '00:00',
    slotMinutes: exception.slotMinutes ?? 30,
    bufferMinutes: 0,
    capacity: exception.capacity ?? 1,
    mode: exception.mode ?? 'in_person',
    location: exception.location,
    title: exception.title,
  };
}
