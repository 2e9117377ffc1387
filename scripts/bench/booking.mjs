// Benchmark: 500 students try to book the same one-seat slot at the same moment, on MariaDB.
// Expect exactly one 201, 499 answers 409 SLOT_FULL and no 5xx; prints p50/p99 latency.
// `npm run bench:booking` (needs the server built and MariaDB at BENCH_MYSQL_URL, default
// mysql://root@127.0.0.1:3306/careerside_bench; a scratch database is created and dropped).
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { log } from '../lib/run.mjs';
import { api, inBatches, percentile, scratchDatabase, startServer } from './bench-support.mjs';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 500);

const database = await scratchDatabase();
let server;
let failed;
try {
  server = await startServer(database.url);
  const { baseUrl } = server;

  const admin = await api(baseUrl, 'POST', 'auth/dev-login', {
    body: { openid: 'bench-admin', role: 'admin' },
  });
  const advisor = await api(baseUrl, 'POST', 'advisors', {
    token: admin.body.token,
    body: { name: '压测老师', title: '就业指导', topics: ['resume'], location: '305', modes: ['in_person'] },
  });
  if (advisor.status !== 201) throw new Error(`could not create the advisor: ${advisor.text}`);
  // One slot with one seat, tomorrow: the only thing everyone wants.
  const slotId = randomUUID();
  const startsAt = new Date(Math.ceil((Date.now() + 24 * 3_600_000) / 3_600_000) * 3_600_000);
  await database.query(
    'INSERT INTO slots (id, advisor_id, starts_at, ends_at, capacity, booked, mode, location, title, withdrawn) VALUES (?, ?, ?, ?, 1, 0, ?, NULL, NULL, 0)',
    [slotId, advisor.body.id, startsAt, new Date(startsAt.getTime() + 30 * 60_000), 'in_person'],
  );

  log(`signing in ${STUDENTS} students`);
  const tokens = await inBatches(
    Array.from({ length: STUDENTS }, (_, i) => i),
    16,
    async (i) => {
      const session = await api(baseUrl, 'POST', 'auth/dev-login', {
        body: { openid: `bench-student-${i}`, role: 'student', name: `学生${i}` },
      });
      const profile = await api(baseUrl, 'PATCH', 'me/profile', {
        token: session.body.token,
        body: { college: '计算机学院', degree: 'bachelor', graduationYear: 2027 },
      });
      if (profile.status !== 200) throw new Error(`profile: ${profile.text}`);
      return session.body.token;
    },
  );

  log(`${STUDENTS} concurrent booking attempts on one seat`);
  const loadBefore = loadavg();
  const started = performance.now();
  const results = await Promise.all(
    tokens.map(async (token) => {
      const t0 = performance.now();
      const response = await api(baseUrl, 'POST', 'appointments', {
        token,
        body: { slotId, topic: 'resume' },
      });
      return { status: response.status, code: response.body?.code, ms: performance.now() - t0 };
    }),
  );
  const wallMs = performance.now() - started;

  const byStatus = {};
  for (const result of results) byStatus[result.status] = (byStatus[result.status] ?? 0) + 1;
  const successes = byStatus[201] ?? 0;
  const conflicts = results.filter((r) => r.status === 409 && r.code === 'SLOT_FULL').length;
  const serverErrors = results.filter((r) => r.status >= 500).length;
  const others = results.length - successes - conflicts;
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const [row] = await database.query(
    'SELECT booked, (SELECT COUNT(*) FROM appointments WHERE slot_id = ?) AS appointments FROM slots WHERE id = ?',
    [slotId, slotId],
  );

  console.log('');
  console.log(`booking benchmark: ${STUDENTS} students, one 1-seat slot, MariaDB`);
  console.log(`  201 booked         ${successes}`);
  console.log(`  409 SLOT_FULL      ${conflicts}`);
  console.log(`  other statuses     ${others} ${others ? JSON.stringify(byStatus) : ''}`);
  console.log(`  5xx                ${serverErrors}`);
  console.log(`  seats taken (db)   ${row.booked}, appointments in db ${row.appointments}`);
  console.log(`  latency p50        ${percentile(latencies, 50).toFixed(1)} ms`);
  console.log(`  latency p99        ${percentile(latencies, 99).toFixed(1)} ms`);
  console.log(`  latency max        ${latencies.at(-1).toFixed(1)} ms`);
  console.log(`  all answered in    ${wallMs.toFixed(0)} ms`);
  const fmtLoad = (values) => values.map((value) => value.toFixed(2)).join(' ');
  console.log(`  loadavg            before ${fmtLoad(loadBefore)}, after ${fmtLoad(loadavg())}`);
  failed =
    successes !== 1 ||
    conflicts !== STUDENTS - 1 ||
    serverErrors > 0 ||
    Number(row.booked) !== 1 ||
    Number(row.appointments) !== 1;
  if (failed) console.error('booking benchmark: FAILED the correctness expectations');
} finally {
  await server?.stop();
  await database.drop();
}
process.exit(failed ? 1 : 0);
