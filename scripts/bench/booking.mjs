// Benchmark: 500 students try to book the same one-seat slot at the same moment, on MariaDB.
// Expect exactly one 201, 499 answers 409 SLOT_FULL and no 5xx; prints p50/p99 latency. wrk sends the
// attempts, one keep-alive connection and one token per student, all at once (a Lua script hands out the
// tokens, lets each connection send one request and counts the answers by status and code).
// `npm run bench:booking` (needs the server built and MariaDB at BENCH_MYSQL_URL, default
// mysql://root@127.0.0.1:3306/careerside_bench; a scratch database is created and dropped).
import { randomUUID } from 'node:crypto';
import { log } from '../lib/run.mjs';
import {
  api,
  inBatches,
  loadLine,
  luaString,
  runWrk,
  scratchDatabase,
  startServer,
} from './bench-support.mjs';

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
    // Two spare students: wrk calls the request hook once before it sends anything.
    Array.from({ length: STUDENTS + 2 }, (_, i) => i),
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

  log(`${STUDENTS} concurrent booking attempts on one seat (wrk, ${STUDENTS} connections)`);
  const body = JSON.stringify({ slotId, topic: 'resume' });
  const script = `
local tokens = { ${tokens.map(luaString).join(', ')} }
local body = ${luaString(body)}
local students = ${STUDENTS}
local next_token = 0
local sent = 0
local answered = 0
report = {}
delay = function()
  sent = sent + 1
  if sent > students then return 3600000 end
  return 0
end
request = function()
  next_token = next_token + 1
  local token = tokens[next_token]
  if token == nil then return wrk.format("GET", "/api/health") end
  return wrk.format("POST", "/api/appointments",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
response = function(status, headers, text)
  local code = text:match('"code"%s*:%s*"([A-Z_]+)"')
  local key = tostring(status) .. (code and (" " .. code) or "")
  report[key] = (report[key] or 0) + 1
  answered = answered + 1
  if answered == students then finish() end
end
`;
  const loadBefore = loadLine();
  const result = await runWrk(`${baseUrl}/api/appointments`, {
    connections: STUDENTS,
    seconds: 120,
    timeoutSeconds: 60,
    script,
  });
  const wallMs = result.seconds * 1000;

  const byStatus = {};
  for (const [key, count] of Object.entries(result.report)) {
    const status = key.split(' ')[0];
    byStatus[status] = (byStatus[status] ?? 0) + count;
  }
  const answered = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
  const successes = byStatus[201] ?? 0;
  const conflicts = result.report['409 SLOT_FULL'] ?? 0;
  const serverErrors = Object.entries(byStatus)
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, count]) => sum + count, 0);
  const others = answered - successes - conflicts;
  const socketErrors = ['connect', 'read', 'write', 'timeout'].reduce(
    (sum, key) => sum + result.errors[key],
    0,
  );
  const [row] = await database.query(
    'SELECT booked, (SELECT COUNT(*) FROM appointments WHERE slot_id = ?) AS appointments FROM slots WHERE id = ?',
    [slotId, slotId],
  );

  console.log('');
  console.log(`booking benchmark: ${STUDENTS} students, one 1-seat slot, MariaDB`);
  console.log(`  201 booked         ${successes}`);
  console.log(`  409 SLOT_FULL      ${conflicts}`);
  console.log(`  other statuses     ${others} ${others ? JSON.stringify(result.report) : ''}`);
  console.log(`  socket errors      ${socketErrors} ${socketErrors ? JSON.stringify(result.errors) : ''}`);
  console.log(`  5xx                ${serverErrors}`);
  console.log(`  seats taken (db)   ${row.booked}, appointments in db ${row.appointments}`);
  console.log(`  latency p50        ${result.latencyMs.p50.toFixed(1)} ms (wrk)`);
  console.log(`  latency p99        ${result.latencyMs.p99.toFixed(1)} ms`);
  console.log(`  latency max        ${result.latencyMs.max.toFixed(1)} ms`);
  console.log(`  all answered in    ${wallMs.toFixed(0)} ms`);
  console.log(`  loadavg            before ${loadBefore}; after ${loadLine()}`);
  failed =
    answered !== STUDENTS ||
    socketErrors > 0 ||
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
