import { afterEach, describe, expect, it } from '@jest/globals';
import { InProcessWorkScheduler, nextDailyRun } from './in-process-work-scheduler';
import { validateWork } from './work-scheduler';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a condition, generously: timers run late on a busy machine. */
async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the condition never held');
    await sleep(10);
  }
}

describe(nextDailyRun.name, () => {
  it('is today at that time of the center clock when it is still ahead, else tomorrow', () => {
    // 07:00 and 08:00 in Shanghai (UTC+8).
    expect(nextDailyRun('07:30', new Date('2026-11-25T23:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-25T23:30:00.000Z',
    );
    expect(nextDailyRun('07:30', new Date('2026-11-26T00:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-26T23:30:00.000Z',
    );
    expect(nextDailyRun('07:30', new Date('2026-11-25T23:30:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-26T23:30:00.000Z',
    );
  });

  it('follows daylight saving in zones that have it', () => {
    expect(nextDailyRun('07:30', new Date('2026-03-07T20:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-03-08T11:30:00.000Z',
    );
  });
});

describe(InProcessWorkScheduler.name, () => {
  let scheduler: InProcessWorkScheduler;
  afterEach(() => scheduler.stop());

  it('runs work on its interval and right away when nudged', async () => {
    scheduler = new InProcessWorkScheduler('Asia/Shanghai', true);
    const runs: number[] = [];
    scheduler.register({
      name: 'tick',
      everyMs: 10_000,
      run: () => Promise.resolve(void runs.push(Date.now())),
    });
    scheduler.start();
    await sleep(50);
    expect(runs).toHaveLength(0);
    scheduler.nudge('tick');
    scheduler.nudge('tick');
    await until(() => runs.length === 1);
    await sleep(50);
    expect(runs).toHaveLength(1);

    const periodic: number[] = [];
    scheduler.register({
      name: 'fast',
      everyMs: 20,
      run: () => Promise.resolve(void periodic.push(Date.now())),
    });
    await until(() => periodic.length >= 3);
  });

  it('never overlaps runs of one work; a nudge during a run means one more run after it', async () => {
    scheduler = new InProcessWorkScheduler('UTC', true);
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    scheduler.register({
      name: 'slow',
      everyMs: 60_000,
      run: async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        runs += 1;
        await sleep(60);
        running -= 1;
      },
    });
    scheduler.start();
    scheduler.nudge('slow');
    await until(() => running === 1);
    for (let i = 0; i < 5; i += 1) scheduler.nudge('slow');
    await until(() => runs === 2 && running === 0);
    await sleep(150);
    expect(maxRunning).toBe(1);
    expect(runs).toBe(2);
  });

  it('runs again at once while the work reports more', async () => {
    scheduler = new InProcessWorkScheduler('UTC', true);
    let left = 4;
    scheduler.register({ name: 'drain', everyMs: 60_000, run: () => Promise.resolve({ more: --left > 0 }) });
    scheduler.start();
    scheduler.nudge('drain');
    await until(() => left === 0);
    expect(left).toBe(0);
  });

  it('keeps running after a run throws', async () => {
    scheduler = new InProcessWorkScheduler('UTC', true);
    let runs = 0;
    scheduler.register({
      name: 'flaky',
      everyMs: 20,
      run: () => {
        runs += 1;
        return Promise.reject(new Error('boom'));
      },
    });
    scheduler.start();
    await until(() => runs >= 2);
  });

  it('waits for a running run on stop, and runs nothing afterwards', async () => {
    scheduler = new InProcessWorkScheduler('UTC', true);
    let finished = false;
    let runs = 0;
    scheduler.register({
      name: 'long',
      everyMs: 20,
      run: async () => {
        runs += 1;
        await sleep(80);
        finished = true;
      },
    });
    scheduler.start();
    await sleep(40);
    await scheduler.stop();
    expect(finished).toBe(true);
    const after = runs;
    scheduler.nudge('long');
    await sleep(60);
    expect(runs).toBe(after);
  });

  it('runs nothing in a process that is not a worker', async () => {
    scheduler = new InProcessWorkScheduler('UTC', false);
    let runs = 0;
    scheduler.register({ name: 'x', everyMs: 10, run: () => Promise.resolve(void (runs += 1)) });
    scheduler.start();
    scheduler.nudge('x');
    await sleep(60);
    expect(runs).toBe(0);
  });
});

describe(validateWork.name, () => {
  it.each([
    [{ name: 'bad name!', everyMs: 100 }, /name/],
    [{ name: 'both', everyMs: 100, dailyAt: '07:30' }, /exactly one/],
    [{ name: 'neither' }, /exactly one/],
    [{ name: 'fast', everyMs: 1 }, /at least 10/],
    [{ name: 'daily', dailyAt: '7:30' }, /HH:MM/],
  ])('rejects %j', (work, message) => {
    expect(() => validateWork({ ...work, run: () => Promise.resolve() })).toThrow(message);
  });
});
