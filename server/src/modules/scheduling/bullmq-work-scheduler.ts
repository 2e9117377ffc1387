import { Logger } from '@nestjs/common';
import { type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { parseDailyAt, type ScheduledWork, validateWork, WorkScheduler } from './work-scheduler';

const QUEUE = 'work';
const STOP_WAIT_MS = 15_000;

/** True when the promise settled within the time, false when it did not. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

interface Entry {
  work: ScheduledWork;
  running: Promise<void> | null;
  rerun: boolean;
}

export interface BullMqWorkSchedulerOptions {
  redisUrl: string;
  /** Namespaces the queue's keys in a shared Redis. */
  prefix: string;
  timeZone: string;
  /** False in processes that only serve requests: they schedule and nudge, but run nothing. */
  runWorker: boolean;
  /** Runs of one piece of work this process may have at once across different works. */
  concurrency: number;
  /** When a run reports more work, this many follow-up runs are queued so other processes join in. */
  fanOut: number;
}

/**
 * Scheduled work on BullMQ: one job scheduler per work ticks it, nudges and follow-ups are jobs with fixed
 * ids (so a burst of nudges is one job), and every process runs a Worker that takes whatever job comes.
 */
export class BullMqWorkScheduler extends WorkScheduler {
  private readonly logger = new Logger('WorkScheduler');
  private readonly entries = new Map<string, Entry>();
  /** The queue's connection fails fast while Redis is down: a lost nudge is covered by the next tick. */
  private readonly connection: Redis;
  private readonly workerConnection: Redis;
  private readonly queue: Queue;
  private worker: Worker | null = null;
  private installing: Promise<void> | null = null;
  private stopped = false;
  private redisTroubleLogged = false;

  constructor(private readonly options: BullMqWorkSchedulerOptions) {
    super();
    this.connection = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.workerConnection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    for (const connection of [this.connection, this.workerConnection]) {
      connection.on('error', (error: Error) => this.noteRedisError(error));
      connection.on('ready', () => {
        this.redisTroubleLogged = false;
      });
    }
    this.queue = new Queue(QUEUE, { connection: this.connection, prefix: options.prefix });
    this.queue.on('error', (error) => this.noteRedisError(error));
  }

  register(work: ScheduledWork): void {
    validateWork(work);
    if (this.entries.has(work.name)) throw new Error(`Scheduled work ${work.name} is registered twice`);
    this.entries.set(work.name, { work, running: null, rerun: false });
  }

  nudge(name: string, delayMs = 0): void {
    if (this.stopped || !this.entries.has(name)) return;
    this.enqueue(name, `nudge.${name}`, delayMs);
  }

  /**
   * Starts the worker and installs the job schedulers in the background: the server starts (and serves
   * requests, writing to the outbox) while Redis is down, and work resumes when it is back.
   */
  start(): void {
    this.installing = this.installSchedulers();
    if (!this.options.runWorker) return;
    this.worker = new Worker(QUEUE, (job) => this.process(job), {
      connection: this.workerConnection,
      prefix: this.options.prefix,
      concurrency: this.options.concurrency,
    });
    this.worker.on('error', (error) => this.noteRedisError(error));
    this.worker.on('failed', (job, error) =>
      this.logger.error({ work: job?.name, reason: error.message }, 'Scheduled work failed'),
    );
  }

  /** Stops taking jobs, lets the running ones finish (for a while), then closes the connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.worker) {
      // Without Redis there is nothing to drain, and a graceful close would wait for a connection.
      const reachable = this.workerConnection.status === 'ready';
      const closed = reachable && (await within(this.worker.close(), STOP_WAIT_MS));
      if (!closed) await within(this.worker.close(true), 1000);
    }
    await within(
      Promise.all([...this.entries.values()].map((entry) => entry.running ?? Promise.resolve())),
      STOP_WAIT_MS,
    );
    await within(this.installing ?? Promise.resolve(), 1000);
    await within(this.queue.close(), 1000);
    this.connection.disconnect();
    this.workerConnection.disconnect();
  }

  private async installSchedulers(): Promise<void> {
    for (const { work } of this.entries.values()) {
      const repeat =
        work.everyMs !== undefined
          ? { every: work.everyMs }
          : (() => {
              const { hour, minute } = parseDailyAt(work.dailyAt ?? '00:00');
              return { pattern: `${minute} ${hour} * * *`, tz: this.options.timeZone };
            })();
      for (;;) {
        if (this.stopped) return;
        try {
          await this.queue.upsertJobScheduler(`tick.${work.name}`, repeat, {
            name: work.name,
            data: {},
            opts: { removeOnComplete: true, removeOnFail: 100 },
          });
          break;
        } catch (error) {
          this.noteRedisError(error as Error);
          await new Promise((resolve) => setTimeout(resolve, 2000));
        }
      }
    }
  }

  /** Redis trouble is logged once until it clears, not on every reconnect attempt. */
  private noteRedisError(error: Error): void {
    if (this.redisTroubleLogged) return;
    this.redisTroubleLogged = true;
    this.logger.warn(
      { reason: error.message },
      'BullMQ cannot reach Redis; scheduled work waits until it can',
    );
  }

  private async process(job: Job): Promise<void> {
    const entry = this.entries.get(job.name);
    // A job from another version of the app, or a run this process already has going (which will loop).
    if (!entry) return;
    if (entry.running) {
      entry.rerun = true;
      return;
    }
    entry.running = this.runLoop(entry);
    try {
      await entry.running;
    } finally {
      entry.running = null;
    }
  }

  private async runLoop(entry: Entry): Promise<void> {
    for (;;) {
      entry.rerun = false;
      const outcome = await entry.work.run();
      if (this.stopped) return;
      if (outcome?.more) {
        // Let other processes take a share of the backlog while this one carries on.
        for (let i = 0; i < this.options.fanOut; i += 1)
          this.enqueue(entry.work.name, `more.${entry.work.name}.${i}`, 0);
        continue;
      }
      if (!entry.rerun) return;
    }
  }

  private enqueue(name: string, jobId: string, delayMs: number): void {
    this.queue
      .add(name, {}, { jobId, delay: Math.max(0, delayMs), removeOnComplete: true, removeOnFail: true })
      .catch((error: Error) => this.noteRedisError(error));
  }
}
