// Benchmark: the counselor day view (GET /api/counselor/schedule) over 200,000 appointments on MariaDB.
// Seeds advisors, students, slots and appointments with multi-row INSERTs straight into a scratch database
// (after the built server has migrated it), adds private notes through the API, then times day views of
// random counselors on random days one after another (wrk, one connection, a Lua script picking the counselor
// and day of each request) and prints p50/p99 latency and the SQL statements per day view (the server counts
// them and reports them in the X-Db-Queries header).
// `npm run bench:counselor` (needs the server built and MariaDB at BENCH_MYSQL_URL, default
// mysql://root@127.0.0.1:3306/careerside_bench; a scratch database is created and dropped). Run it under
// `flock /tmp/careerside-bench.lock` on a shared machine: a loaded machine measures nothing.
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

const APPOINTMENTS = Number(process.env.BENCH_APPOINTMENTS ?? 200_000);
const ADVISORS = Number(process.env.BENCH_ADVISORS ?? 200);
const STUDENTS_PER_ADVISOR = 100;
const PER_DAY = 8;
const COUNSELORS = 20;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const NOTES = 200;
const CHUNK = 1000;
const TZ_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai, the default CENTER_TIMEZONE

const perAdvisor = Math.ceil(APPOINTMENTS / ADVISORS);
const days = Math.ceil(perAdvisor / PER_DAY);
// Most of the history is in the past, a few weeks ahead are booked.
const firstDayOffset = -Math.floor(days * 0.8);

const sqlTime = (date) => date.toISOString().slice(0, 19).replace('T', ' ');
const centerDate = (offsetDays) =>
  new Date(Date.now() + TZ_OFFSET_MS + offsetDays * 86_400_000).toISOString().slice(0, 10);
/** The instant the center's clock shows `date` at `hour`:00. */
const at = (date, hour) =>
  new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`) - TZ_OFFSET_MS);

async function insertRows(database, table, columns, rows) {
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await database.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')}`,
      chunk.flat(),
    );
  }
}

const database = await scratchDatabase();
let server;
let failed;
try {
  server = await startServer(database.url, { QUIET_HOURS: 'off' });
  const { baseUrl } = server;

  log(
    `seeding ${ADVISORS} advisors, ${ADVISORS * STUDENTS_PER_ADVISOR} students, ${APPOINTMENTS} appointments`,
  );
  const seedStarted = performance.now();
  const advisors = Array.from({ length: ADVISORS }, (_, i) => [
    `bench-advisor-${i}`,
    `B${String(i).padStart(6, '0')}`,
    `老师${i}`,
    '就业指导老师',
    '',
    '["career_planning","resume"]',
    `学生活动中心 ${300 + (i % 50)}`,
    '["in_person"]',
    1,
  ]);
  await insertRows(
    database,
    'advisors',
    ['id', 'short_code', 'name', 'title', 'bio', 'topics', 'location', 'modes', 'active'],
    advisors,
  );
  const students = [];
  for (let a = 0; a < ADVISORS; a += 1) {
    for (let s = 0; s < STUDENTS_PER_ADVISOR; s += 1) {
      const id = `bench-student-${a}-${s}`;
      students.push([id, id, 'student', `学生${a}-${s}`, '计算机学院', '软件工程', 'bachelor', 2027]);
    }
  }
  await insertRows(
    database,
    'users',
    ['id', 'openid', 'role', 'name', 'college', 'major', 'degree', 'graduation_year'],
    students,
  );

  const now = Date.now();
  let inserted = 0;
  for (let a = 0; a < ADVISORS && inserted < APPOINTMENTS; a += 1) {
    const slots = [];
    const appointments = [];
    for (let k = 0; k < perAdvisor && inserted < APPOINTMENTS; k += 1, inserted += 1) {
      const date = centerDate(firstDayOffset + Math.floor(k / PER_DAY));
      const startsAt = at(date, 9 + (k % PER_DAY));
      const endsAt = new Date(startsAt.getTime() + 45 * 60_000);
      const past = endsAt.getTime() < now;
      const roll = (a * 7919 + k * 104_729) % 100;
      const status = !past ? 'booked' : roll < 80 ? 'attended' : roll < 90 ? 'no_show' : 'cancelled';
      const slotId = randomUUID();
      slots.push([
        slotId,
        `bench-advisor-${a}`,
        sqlTime(startsAt),
        sqlTime(endsAt),
        1,
        status === 'cancelled' ? 0 : 1,
        'in_person',
        0,
      ]);
      appointments.push([
        randomUUID(),
        slotId,
        `bench-advisor-${a}`,
        `bench-student-${a}-${(k * 37) % STUDENTS_PER_ADVISOR}`,
        sqlTime(startsAt),
        sqlTime(endsAt),
        'career_planning',
        k % 3 === 0 ? '想聊聊秋招投递' : null,
        status,
        status === 'cancelled' ? null : slotId,
        status === 'attended' ? sqlTime(startsAt) : null,
        0,
        status === 'attended' && roll < 40 ? 1 + (roll % 5) : null,
      ]);
    }
    await insertRows(
      database,
      'slots',
      ['id', 'advisor_id', 'starts_at', 'ends_at', 'capacity', 'booked', 'mode', 'withdrawn'],
      slots,
    );
    await insertRows(
      database,
      'appointments',
      [
        'id',
        'slot_id',
        'advisor_id',
        'student_id',
        'starts_at',
        'ends_at',
        'topic',
        'note',
        'status',
        'active_key',
        'checked_in_at',
        'late_cancellation',
        'rating',
      ],
      appointments,
    );
  }
  const [{ total }] = await database.query('SELECT COUNT(*) AS total FROM appointments');
  log(`seeded ${total} appointments in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  await database.query('ANALYZE TABLE appointments, slots, users, advisors');

  log(`signing in ${COUNSELORS} counselors and writing ${NOTES} private notes through the API`);
  const counselors = await inBatches(
    Array.from({ length: COUNSELORS }, (_, i) => i),
    4,
    async (i) => {
      const session = await api(baseUrl, 'POST', 'auth/dev-login', {
        body: {
          openid: `bench-counselor-${i}`,
          role: 'counselor',
          name: `老师${i}`,
          advisorId: `bench-advisor-${i}`,
        },
      });
      if (session.status !== 200) throw new Error(`dev-login: ${session.text}`);
      return { token: session.body.token, advisorId: `bench-advisor-${i}` };
    },
  );
  const noted = await database.query(
    `SELECT id, advisor_id FROM appointments WHERE advisor_id IN (${counselors.map(() => '?').join(', ')})
     AND status = 'attended' ORDER BY id LIMIT ${NOTES}`,
    counselors.map((counselor) => counselor.advisorId),
  );
  await inBatches(noted, 4, async (row) => {
    const counselor = counselors.find((entry) => entry.advisorId === row.advisor_id);
    const response = await api(baseUrl, 'POST', `counselor/appointments/${row.id}/notes`, {
      token: counselor.token,
      body: { text: '上次聊了简历修改方向，下次跟进投递情况' },
    });
    if (response.status !== 201) throw new Error(`note: ${response.status} ${response.text}`);
  });

  const viewDays = Array.from({ length: days }, (_, i) => centerDate(firstDayOffset + i));
  // Warm up connections, caches and the JIT.
  for (let i = 0; i < 100; i += 1) {
    const response = await api(baseUrl, 'GET', `counselor/schedule?date=${viewDays[i % days]}`, {
      token: counselors[i % COUNSELORS].token,
    });
    if (response.status !== 200) throw new Error(`schedule: ${response.status} ${response.text}`);
  }

  log(`${REQUESTS} day views, one at a time (wrk, one connection)`);
  const script = `
local tokens = { ${counselors.map((counselor) => luaString(counselor.token)).join(', ')} }
local days = { ${viewDays.map(luaString).join(', ')} }
local requests = ${REQUESTS}
local i = 0
local answered = 0
report = {}
local function count(key, n) report[key] = (report[key] or 0) + (n or 1) end
request = function()
  local token = tokens[(i * 7) % #tokens + 1]
  local day = days[(i * 13) % #days + 1]
  i = i + 1
  return wrk.format("GET", "/api/counselor/schedule?date=" .. day, { ["Authorization"] = "Bearer " .. token })
end
response = function(status, headers, body)
  count("status " .. status)
  count("queries " .. (headers["X-Db-Queries"] or headers["x-db-queries"] or "?"))
  local _, items = body:gsub('"lastNote":', "")
  local _, notes = body:gsub('"lastNote":{', "")
  count("items", items)
  if notes > 0 then count("with notes") end
  answered = answered + 1
  if answered == requests then finish() end
end
`;
  const loadBefore = loadLine();
  const result = await runWrk(`${baseUrl}/api/counselor/schedule`, {
    connections: 1,
    seconds: 600,
    script,
  });
  const loadAfter = loadLine();
  const answered = result.report[`status 200`] ?? 0;
  const queryCounts = new Map(
    Object.entries(result.report)
      .filter(([key]) => key.startsWith('queries '))
      .map(([key, count]) => [Number(key.slice('queries '.length)), count]),
  );
  const maxQueries = Math.max(...queryCounts.keys());
  const withNotes = result.report['with notes'] ?? 0;
  const items = (result.report.items ?? 0) / Math.max(1, result.requests);

  console.log('');
  console.log(`counselor day view benchmark: ${total} appointments, ${ADVISORS} advisors, MariaDB`);
  console.log(
    `  day views             ${REQUESTS} sequential (${items.toFixed(1)} appointments each, ${withNotes} with notes)`,
  );
  console.log(
    `  answers               ${answered} 200 of ${result.requests}, ${result.errors.status} other, ` +
      `${result.requestsPerSecond.toFixed(0)} req/s`,
  );
  console.log(`  latency p50           ${result.latencyMs.p50.toFixed(2)} ms (wrk)`);
  console.log(`  latency p99           ${result.latencyMs.p99.toFixed(2)} ms`);
  console.log(`  latency max           ${result.latencyMs.max.toFixed(2)} ms`);
  console.log(
    `  SQL per day view      max ${maxQueries} (${[...queryCounts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([queries, count]) => `${queries} queries: ${count}`)
      .join(', ')})`,
  );
  console.log(`  loadavg               before ${loadBefore}; after ${loadAfter}`);
  failed =
    maxQueries > 3 || !Number.isFinite(maxQueries) || answered !== REQUESTS || Number(total) < APPOINTMENTS;
  if (failed)
    console.error(
      'counselor day view benchmark: an answer not 200 or more than 3 SQL statements in a day view',
    );
} finally {
  await server?.stop();
  await database.drop();
}
process.exit(failed ? 1 : 0);
