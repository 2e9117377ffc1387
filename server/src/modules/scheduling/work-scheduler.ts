/** What a run of scheduled work may report back. */
export interface WorkOutcome {
  /** There is more to do right now: run again at once (and, on BullMQ, let other processes join in). */
  more?: boolean;
}

export interface ScheduledWork {
  /** Unique, stable name: also the BullMQ job name and scheduler id (letters, digits, . - _). */
  name: string;
  /** Run every this many milliseconds... */
  everyMs?: number;
  /** ...or once a day at this time of the center's clock, `HH:MM`. */
  dailyAt?: string;
  run(): Promise<WorkOutcome | void>;
}

/**
 * Periodic and on-demand work shared by every server process. With REDIS_URL it runs on BullMQ: job
 * schedulers tick the work and any process's worker may take a run. Without Redis it runs in this
 * process on timers. Either way a run of one piece of work never overlaps another run of it in the same
 * process; runs in different processes must be safe together (claim rows, use dedupe keys).
 *
 * Register in `onModuleInit`; the scheduler starts after the application has bootstrapped and drains
 * running work on shutdown.
 */
export abstract class WorkScheduler {
  abstract register(work: ScheduledWork): void;

  /** Run this work soon (after `delayMs`), in some process; several nudges before it runs are one run. */
  abstract nudge(name: string, delayMs?: number): void;
}

const NAME = /^[A-Za-z0-9._-]{1,64}$/;
const DAILY_AT = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function validateWork(work: ScheduledWork): void {
  if (!NAME.test(work.name))
    throw new Error(`Scheduled work needs a name of letters, digits, . - _ (got "${work.name}")`);
  const hasEvery = work.everyMs !== undefined;
  const hasDaily = work.dailyAt !== undefined;
  if (hasEvery === hasDaily)
    throw new Error(`Scheduled work ${work.name} needs exactly one of everyMs and dailyAt`);
  if (hasEvery && (!Number.isInteger(work.everyMs) || (work.everyMs ?? 0) < 10)) {
    throw new Error(`Scheduled work ${work.name}: everyMs must be an integer of at least 10`);
  }
  if (hasDaily && !DAILY_AT.test(work.dailyAt ?? '')) {
    throw new Error(`Scheduled work ${work.name}: dailyAt must be HH:MM (got "${work.dailyAt}")`);
  }
}

export function parseDailyAt(dailyAt: string): { hour: number; minute: number } {
  const [hour, minute] = dailyAt.split(':').map(Number);
  return { hour, minute };
}
