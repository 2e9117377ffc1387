import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { BullMqWorkScheduler } from '../../src/modules/scheduling/bullmq-work-scheduler';

// The project's machines run Redis here; TEST_REDIS_URL points elsewhere.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two schedulers on one prefix stand for two server processes sharing Redis. */
describe(BullMqWorkScheduler.name, () => {
  const prefix = `cs-test-${randomBytes(4).toString('hex')}`;
  const schedulers: BullMqWorkScheduler[] = [];
  const redis = new Redis(REDIS_URL);

  const scheduler = (runWorker = true) => {
    const created = new BullMqWorkScheduler({
      redisUrl: REDIS_URL,
      prefix,
      timeZone: 'Asia/Shanghai',
      runWorker,
      concurrency: 4,
      fanOut: 2,
    });
    schedulers.push(created);
    return created;
  };

  afterEach(async () => {
    await Promise.all(schedulers.splice(0).map((created) => created.stop()));
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  });
  afterAll(() => redis.quit());

  it('runs each tick of a schedule in one process only', async () => {
    const runs = { a: 0, b: 0 };
    for (const name of ['a', 'b'] as const) {
      const created = scheduler();
      created.register({ name: 'tick', everyMs: 200, run: () => Promise.resolve(void (runs[name] += 1)) });
      created.start();
    }
    await sleep(2100);
    const total = runs.a + runs.b;
    // About ten ticks in two seconds (fewer on a busy machine); each run by one of the two, never by both.
    expect(total).toBeGreaterThanOrEqual(3);
    expect(total).toBeLessThanOrEqual(13);
  });

  it('runs a nudge from a web-only process in a worker process, and several nudges as one run', async () => {
    let runs = 0;
    const web = scheduler(false);
    const worker = scheduler(true);
    for (const created of [web, worker]) {
      created.register({ name: 'dispatch', everyMs: 60_000, run: () => Promise.resolve(void (runs += 1)) });
      created.start();
    }
    await sleep(300);
    const before = runs;
    for (let i = 0; i < 5; i += 1) web.nudge('dispatch');
    for (let waited = 0; runs === before && waited < 5000; waited += 50) await sleep(50);
    await sleep(300);
    expect(runs - before).toBeGreaterThanOrEqual(1);
    expect(runs - before).toBeLessThanOrEqual(2);
  });

  it('lets other processes join in while a run reports more work', async () => {
    const seen = new Set<string>();
    let left = 40;
    for (const name of ['a', 'b']) {
      const created = scheduler();
      created.register({
        name: 'backlog',
        everyMs: 60_000,
        run: async () => {
          if (left <= 0) return {};
          seen.add(name);
          left -= 1;
          await sleep(25);
          return { more: left > 0 };
        },
      });
      created.start();
    }
    await sleep(200);
    schedulers[0]?.nudge('backlog');
    const deadline = Date.now() + 5000;
    while (left > 0 && Date.now() < deadline) await sleep(50);
    expect(left).toBe(0);
    expect([...seen].sort()).toEqual(['a', 'b']);
  });

  it('schedules daily work at the center time', async () => {
    const created = scheduler(false);
    created.register({ name: 'agenda', dailyAt: '07:30', run: () => Promise.resolve() });
    created.start();
    const queue = new Queue('work', { connection: { url: REDIS_URL }, prefix });
    try {
      let schedulers: Awaited<ReturnType<Queue['getJobSchedulers']>> = [];
      for (let i = 0; i < 40 && schedulers.length === 0; i += 1) {
        await sleep(50);
        schedulers = await queue.getJobSchedulers();
      }
      expect(schedulers).toEqual([
        expect.objectContaining({
          key: 'tick.agenda',
          name: 'agenda',
          pattern: '30 7 * * *',
          tz: 'Asia/Shanghai',
        }),
      ]);
    } finally {
      await queue.close();
    }
  });
});
