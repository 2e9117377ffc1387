// Notifications on MariaDB: 50,000 students who each granted one subscribe message, one center announcement
// to all of them through the built server's API (NotificationsService.notifyRoles -> notifyMany), then the
// WeChat stand-in receiving every push. Prints inbox writes per second, deliveries per second at the
// configured send rate, and the server's peak RSS.
// `npm run bench:notifications`. BENCH_STUDENTS (50000), BENCH_SEND_RATE (WECHAT_SEND_RATE, default 2000),
// BENCH_CONCURRENCY (NOTIFY_CONCURRENCY, default the server's), BENCH_DELIVER=false (stop after the fan-out:
// inbox writes and peak RSS only, without waiting for every push),
// BENCH_MYSQL_URL (mysql://root@127.0.0.1:3306/careerside_bench; a database named after it and this process
// is created and dropped). Needs no Redis; BENCH_REDIS_URL runs the dispatcher on BullMQ instead.
import { randomUUID } from 'node:crypto';
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { log } from '../lib/run.mjs';
import { buildServer } from '../lib/workspace.mjs';
import { ROOT, api, scratchDatabase, startServer } from './bench-support.mjs';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 50_000);
const SEND_RATE = Number(process.env.BENCH_SEND_RATE ?? 2000);
const TARGET_INBOX_WRITES_PER_SECOND = 10_000;
const BATCH = 2000;
const DELIVER = process.env.BENCH_DELIVER !== 'false';

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** CPU seconds a process has used (user + system), from /proc (clock ticks of 10 ms). */
function cpuSecondsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** The WeChat stand-in of the server's tests (TypeScript), compiled on the fly and run in this process. */
async function startStandin() {
  const require = createRequire(join(ROOT, 'package.json'));
  const ts = require('typescript');
  const source = readFileSync(join(ROOT, 'server', 'test', 'support', 'wechat-standin.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const dir = mkdtempSync(join(tmpdir(), 'careerside-standin-'));
  const file = join(dir, 'wechat-standin.cjs');
  writeFileSync(file, outputText);
  const { WechatStandin } = createRequire(file)(file);
  rmSync(dir, { recursive: true, force: true });
  return WechatStandin.start();
}

async function seedStudents(db) {
  const now = new Date();
  for (let start = 0; start < STUDENTS; start += BATCH) {
    const users = [];
    const grants = [];
    for (let i = start; i < Math.min(STUDENTS, start + BATCH); i += 1) {
      const id = randomUUID();
      users.push([id, `bench-student-${i}`, 'student', `学生${i}`, now, now]);
      grants.push([id, 'DEMO-system', 'one_time', 1, 'accept', now, now]);
    }
    await db.query('INSERT INTO users (id, openid, role, name, created_at, updated_at) VALUES ?', [users]);
    await db.query(
      'INSERT INTO subscription_grants (user_id, template_id, mode, remaining, last_result, created_at, updated_at) VALUES ?',
      [grants],
    );
  }
  await db.query('ANALYZE TABLE users, subscription_grants');
}

async function statusCounts(db) {
  const rows = await db.query(
    'SELECT status, COUNT(*) AS count FROM notification_deliveries GROUP BY status',
  );
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}

async function main() {
  buildServer();
  const wechat = await startStandin();
  const db = await scratchDatabase();
  let server;
  try {
    server = await startServer(db.url, {
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPID: wechat.appId,
      WECHAT_SECRET: wechat.secret,
      WECHAT_SEND_RATE: String(SEND_RATE),
      NOTIFY_DAILY_PUSH_CAP: '0',
      ...(process.env.BENCH_CONCURRENCY ? { NOTIFY_CONCURRENCY: process.env.BENCH_CONCURRENCY } : {}),
      ...(process.env.BENCH_REDIS_URL
        ? { REDIS_URL: process.env.BENCH_REDIS_URL, REDIS_PREFIX: `careerside-bench-${process.pid}` }
        : {}),
    });
    log(`seeding ${STUDENTS.toLocaleString('en-US')} students, each with one granted subscribe message`);
    const seedStarted = Date.now();
    await seedStudents(db);
    log(`seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

    const admin = await api(server.baseUrl, 'POST', 'auth/dev-login', {
      body: { openid: 'bench-admin', role: 'admin' },
    });
    const before = memoryOf(server.pid);
    const loadBefore = load();
    const cpuBefore = cpuSecondsOf(server.pid);

    // The answer comes after the commit: every inbox entry and delivery row is written by then.
    const started = performance.now();
    const announced = await api(server.baseUrl, 'POST', 'admin/notifications/announcements', {
      token: admin.body.token,
      body: { title: '春季双选会报名开始', body: '3 月 15 日在体育馆举行，欢迎参加。', roles: ['student'] },
    });
    const enqueueMs = performance.now() - started;
    if (announced.status !== 201) throw new Error(`announce: ${announced.status} ${announced.text}`);
    const notified = announced.body.notified;
    const afterFanOut = memoryOf(server.pid);
    const [{ inbox }] = await db.query('SELECT COUNT(*) AS inbox FROM notifications');
    const [{ deliveries }] = await db.query('SELECT COUNT(*) AS deliveries FROM notification_deliveries');
    log(`enqueued ${notified.toLocaleString('en-US')} in ${(enqueueMs / 1000).toFixed(2)} s; delivering`);

    let counts = {};
    let lastReport = Date.now();
    for (;;) {
      counts = await statusCounts(db);
      if (!DELIVER) break;
      const settled = (counts.sent ?? 0) + (counts.dead ?? 0) + (counts.skipped_no_consent ?? 0);
      if (settled >= notified) break;
      if (Date.now() - lastReport > 5000) {
        log(`  ${JSON.stringify(counts)}`);
        lastReport = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const deliveredMs = performance.now() - started;
    const serverCpu = cpuSecondsOf(server.pid) - cpuBefore;
    const after = memoryOf(server.pid);
    const messages = wechat.sentMessages();
    let firstAt = Infinity;
    let lastAt = -Infinity;
    for (const message of messages) {
      firstAt = Math.min(firstAt, message.at.getTime());
      lastAt = Math.max(lastAt, message.at.getTime());
    }
    const perUser = wechat.sentCounts((message) => message.touser);
    const duplicates = [...perUser.values()].filter((count) => count > 1).length;
    const tokenCalls = wechat.requests('/cgi-bin/stable_token').length;

    const inboxPerSecond = notified / (enqueueMs / 1000);
    const sendPerSecond = messages.length / Math.max(0.001, (lastAt - firstAt) / 1000);
    console.log('');
    console.log(`notifications on MariaDB: ${STUDENTS.toLocaleString('en-US')} students, one announcement`);
    console.log(
      `  inbox entries committed   ${Number(inbox).toLocaleString('en-US')}, WeChat delivery rows ${Number(deliveries).toLocaleString('en-US')}`,
    );
    console.log(
      `  inbox writes per second   ${inboxPerSecond.toFixed(0)}   (${(enqueueMs / 1000).toFixed(2)} s; target ≥ ${TARGET_INBOX_WRITES_PER_SECOND}) ${inboxPerSecond >= TARGET_INBOX_WRITES_PER_SECOND ? 'ok' : 'SHORT'}`,
    );
    if (DELIVER)
      console.log(
        `  deliveries per second     ${sendPerSecond.toFixed(0)}   at WECHAT_SEND_RATE=${SEND_RATE} (${messages.length.toLocaleString('en-US')} sent in ${((lastAt - firstAt) / 1000).toFixed(1)} s; all settled ${(deliveredMs / 1000).toFixed(1)} s after the announcement)`,
      );
    console.log(
      `  server CPU                ${serverCpu.toFixed(1)} s over ${(deliveredMs / 1000).toFixed(1)} s (${((serverCpu / (deliveredMs / 1000)) * 100).toFixed(0)}% of one core; ${((serverCpu * 1e6) / notified).toFixed(0)} µs per notification, written and sent)`,
    );
    console.log(`  final statuses            ${JSON.stringify(counts)}`);
    console.log(`  sent twice                ${duplicates}   access token requests ${tokenCalls}`);
    console.log(
      `  server RSS before         ${before.rssMb.toFixed(0)} MB, after ${after.rssMb.toFixed(0)} MB`,
    );
    console.log(
      `  server peak RSS           ${afterFanOut.peakMb.toFixed(0)} MB when the announcement answered, ${after.peakMb.toFixed(0)} MB at the end`,
    );
    console.log(`  loadavg (1/5/15 min)      before ${loadBefore}, after ${load()} (2 cores)`);
    console.log(
      `  dispatcher                ${process.env.BENCH_REDIS_URL ? 'BullMQ (Redis)' : 'in process'}`,
    );
    if (!DELIVER) console.log('  (BENCH_DELIVER=false: stopped after the fan-out, pushes not awaited)');
    if (duplicates > 0 || Number(inbox) !== STUDENTS || (DELIVER && messages.length !== notified))
      process.exitCode = 1;
  } finally {
    await server?.stop();
    await db.drop();
    await wechat.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
