import { Logger } from '@nestjs/common';
import { addDays, zonedDate, zonedTimeToUtc } from '../../common/time/zoned-time';
import { parseDailyAt, type ScheduledWork, validateWork, WorkScheduler } from './work-scheduler';

interface Entry {
  work: ScheduledWork;
  timer: NodeJS.Timeout | null;
  timerDueAt: number;
  running: Promise<void> | null;
  /** A nudge arrived while running: run again right after. */
  rerun: boolean;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** The next time the center's clock shows HH:MM, strictly after `after`. */
export function nextDailyRun(dailyAt: string, after: Date, timeZone: string): Date {
  const { hour, minute } = parseDailyAt(dailyAt);
  let date = zonedDate(after, timeZone);
  for (let i = 0; i < 3; i += 1) {
    const [year, month, day] = date.split('-').map(Number);
    const candidate = zonedTimeToUtc({ year, month, day, hour, minute }, timeZone);
    if (candidate.getTime() > after.getTime()) return candidate;
    date = addDays(date, 1);
  }
  throw new Error(`no next run for ${dailyAt}`);
}

/** One process, timers only: what runs without Redis (and with SQLite there is only one process anyway). */
export class InProcessWorkScheduler extends WorkScheduler {
  private readonly logger = new Logger('WorkScheduler');
  private readonly entries = new Map<string, Entry>();
  private started = false;
  private stopped = false;

  constructor(
    private readonly timeZone: string,
    /** False in processes that only serve requests: nothing runs here. */
    private readonly enabled: boolean,
  ) {
    super();
  }

  register(work: ScheduledWork): void {
    validateWork(work);
    if (this.entries.has(work.name)) throw new Error(`Scheduled work ${work.name} is registered twice`);
    this.entries.set(work.name, { work, timer: null, timerDueAt: 0, running: null, rerun: false });
    if (this.started) this.plan(work.name);
  }

  nudge(name: string, delayMs = 0): void {
    const entry = this.entries.get(name);
    if (!entry || !this.started || this.stopped) return;
    if (entry.running) {
      entry.rerun = true;
      return;
    }
    this.schedule(entry, delayMs);
  }

  start(): void {
    if (!this.enabled || this.started) return;
    this.started = true;
    for (const name of this.entries.keys()) this.plan(name);
  }

  /** Stops the timers and waits for running work to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const entry of this.entries.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
    }
    await Promise.all([...this.entries.values()].map((entry) => entry.running ?? Promise.resolve()));
  }

  private plan(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    const { work } = entry;
    if (work.everyMs !== undefined) {
      this.schedule(entry, work.everyMs);
    } else if (work.dailyAt !== undefined) {
      const next = nextDailyRun(work.dailyAt, new Date(), this.timeZone);
      this.schedule(entry, next.getTime() - Date.now());
    }
  }

  /** Sets the entry's one timer; an earlier time always wins over a later one. */
  private schedule(entry: Entry, delayMs: number): void {
    if (this.stopped) return;
    const due = Date.now() + Math.max(0, delayMs);
    if (entry.timer && entry.timerDueAt <= due) return;
    if (entry.timer) clearTimeout(entry.timer);
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, delayMs));
    entry.timerDueAt = due;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (wait < delayMs) this.schedule(entry, delayMs - wait);
      else this.runNow(entry);
    }, wait);
    entry.timer.unref();
  }

  private runNow(entry: Entry): void {
    if (this.stopped || entry.running) return;
    entry.rerun = false;
    entry.running = (async () => {
      let more = false;
      try {
        more = (await entry.work.run())?.more === true;
      } catch (error) {
        this.logger.error({ err: error, work: entry.work.name }, 'Scheduled work failed');
      }
      entry.running = null;
      if (this.stopped) return;
      if (more || entry.rerun) this.schedule(entry, 0);
      else this.plan(entry.work.name);
    })();
  }
}
