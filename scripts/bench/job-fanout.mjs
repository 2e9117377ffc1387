// Job alert fan-out on MariaDB: 100,000 students with alert preferences in a scratch database, one posting
// that matches exactly half of them, published through the real API of the built server. Prints the time
// until every inbox entry (and its WeChat delivery row) is committed, and the server's peak RSS.
// `npm run bench:jobs` (BENCH_STUDENTS, default 100000; BENCH_MYSQL_URL=mysql://root@127.0.0.1:3306/careerside_bench
// by default; the database named after it and this process is created and dropped). Builds the server first.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { log } from '../lib/run.mjs';
import { buildServer } from '../lib/workspace.mjs';
import { api, scratchDatabase, startServer } from './bench-support.mjs';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 100_000);
// 5 s for 100,000 students, 15 s for 400,000; the fan-out streams its matches, so the memory target is flat.
const TARGET_MS = Math.max(5000, (15_000 * STUDENTS) / 400_000);
const TARGET_RSS_MB = 220;
const BATCH = 2000;

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/**
 * Half the students match the posting (aerospace, key sector aerospace, 西安, master's and above, "结构" in
 * its text) in four different ways; the other half miss it in four ways, one of them by turning alerts off.
 */
function preferencesOf(index) {
  const kind = Math.floor(index / 2) % 4;
  if (index % 2 === 0) {
    return [
      { degree: 'master', keySectors: ['aerospace'] },
      { degree: 'doctorate', industries: ['aerospace'], locations: ['西安'] },
      { degree: null },
      { degree: 'master', keywords: ['结构'] },
    ][kind];
  }
  return [
    { degree: 'master', industries: ['energy'] },
    { degree: 'master', locations: ['北京'] },
    { degree: 'master', frequency: 'off' },
    { degree: 'bachelor', keySectors: ['aerospace'] },
  ][kind];
}

async function insertRows(db, table, columns, rows) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`, [chunk]);
  }
}

async function seedStudents(db) {
  const now = new Date();
  const users = [];
  const settings = [];
  const values = {
    job_alert_industries: [],
    job_alert_key_sectors: [],
    job_alert_locations: [],
    job_alert_keywords: [],
  };
  for (let i = 0; i < STUDENTS; i += 1) {
    const id = randomUUID();
    const preference = preferencesOf(i);
    users.push([id, `bench-student-${i}`, 'student', `学生${i}`, preference.degree ?? 'master', now, now]);
    settings.push([
      id,
      preference.frequency ?? 'instant',
      preference.degree,
      540,
      1,
      preference.industries ? 0 : 1,
      preference.keySectors ? 0 : 1,
      preference.locations ? 0 : 1,
      preference.keywords ? 0 : 1,
      null,
      now,
      now,
    ]);
    for (const industry of preference.industries ?? []) values.job_alert_industries.push([id, industry]);
    for (const sector of preference.keySectors ?? []) values.job_alert_key_sectors.push([id, sector]);
    for (const location of preference.locations ?? []) values.job_alert_locations.push([id, location]);
    for (const keyword of preference.keywords ?? []) values.job_alert_keywords.push([id, keyword]);
  }
  await insertRows(
    db,
    'users',
    ['id', 'openid', 'role', 'name', 'degree', 'created_at', 'updated_at'],
    users,
  );
  await insertRows(
    db,
    'job_alert_settings',
    [
      'user_id',
      'frequency',
      'degree',
      'digest_minute',
      'digest_weekday',
      'any_industry',
      'any_key_sector',
      'any_location',
      'any_keyword',
      'next_digest_at',
      'created_at',
      'updated_at',
    ],
    settings,
  );
  const valueColumns = {
    job_alert_industries: 'industry',
    job_alert_key_sectors: 'key_sector',
    job_alert_locations: 'location',
    job_alert_keywords: 'keyword',
  };
  for (const [table, rows] of Object.entries(values))
    await insertRows(db, table, ['user_id', valueColumns[table]], rows);
  await db.query(
    'ANALYZE TABLE users, job_alert_settings, job_alert_industries, job_alert_key_sectors, job_alert_locations, job_alert_keywords',
  );
}

async function main() {
  buildServer();
  const db = await scratchDatabase();
  let server;
  try {
    // WeChat is "configured" (at an address nobody answers) so publishing also writes a delivery row per
    // alert, as in production; without consent grants the dispatcher never calls it.
    server = await startServer(db.url, {
      WECHAT_APPID: 'wx0000000000000000',
      WECHAT_SECRET: 'bench-secret',
      WECHAT_API_BASE: 'http://127.0.0.1:9',
    });
    log(`seeding ${STUDENTS.toLocaleString('en-US')} students with alert preferences`);
    const seedStarted = Date.now();
    await seedStudents(db);
    log(`seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

    const admin = await api(server.baseUrl, 'POST', 'auth/dev-login', {
      body: { openid: 'bench-admin', role: 'admin' },
    });
    const token = admin.body.token;
    const draft = await api(server.baseUrl, 'POST', 'admin/jobs', {
      token,
      body: {
        title: '飞行器结构设计工程师',
        employer: '长缨航天动力研究院',
        employerType: 'research_institute',
        industry: 'aerospace',
        keySectors: ['aerospace'],
        locations: ['西安'],
        degree: 'master',
        deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        applyUrl: 'https://hr.example.cn/apply',
        description: '负责飞行器总体结构设计与强度校核。',
      },
    });
    if (draft.status !== 201) throw new Error(`create job: ${draft.status} ${draft.text}`);
    const before = memoryOf(server.pid);

    const loadBefore = loadavg();
    const started = performance.now();
    const published = await api(server.baseUrl, 'POST', `admin/jobs/${draft.body.id}/publish`, { token });
    const elapsedMs = performance.now() - started;
    if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
    const after = memoryOf(server.pid);

    // The response comes after the commit: every entry must be readable now.
    const [[{ inbox }]] = [
      await db.query('SELECT COUNT(*) AS inbox FROM notifications WHERE dedupe_key = ?', [
        `job_alert:${draft.body.id}`,
      ]),
    ];
    const [[{ deliveries }]] = [
      await db.query(
        'SELECT COUNT(*) AS deliveries FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.dedupe_key = ?',
        [`job_alert:${draft.body.id}`],
      ),
    ];
    const expected = STUDENTS / 2;
    const ok = published.body.alerts.matched === expected && Number(inbox) === expected;

    console.log('');
    console.log(
      `job alert fan-out on MariaDB: ${STUDENTS.toLocaleString('en-US')} students with preferences`,
    );
    console.log(
      `  matched                      ${published.body.alerts.matched.toLocaleString('en-US')} (expected ${expected.toLocaleString('en-US')})`,
    );
    console.log(
      `  inbox entries committed      ${Number(inbox).toLocaleString('en-US')}, WeChat delivery rows ${Number(deliveries).toLocaleString('en-US')}`,
    );
    console.log(
      `  publish until all committed  ${(elapsedMs / 1000).toFixed(2)} s   (target ≤ ${TARGET_MS / 1000} s) ${elapsedMs <= TARGET_MS ? 'ok' : 'OVER'}`,
    );
    console.log(`  ${(expected / (elapsedMs / 1000)).toFixed(0)} inbox entries per second`);
    console.log(
      `  server RSS before publish    ${before.rssMb.toFixed(0)} MB, after ${after.rssMb.toFixed(0)} MB`,
    );
    console.log(
      `  server peak RSS              ${after.peakMb.toFixed(0)} MB   (target ≤ ${TARGET_RSS_MB} MB) ${after.peakMb <= TARGET_RSS_MB ? 'ok' : 'OVER'}`,
    );
    const fmt = (load) => load.map((value) => value.toFixed(2)).join(' ');
    console.log(`  loadavg before publish       ${fmt(loadBefore)}, after ${fmt(loadavg())}`);
    if (!ok) {
      console.error('job-fanout: the alerts written do not match the students expected');
      process.exitCode = 1;
    }
  } finally {
    await server?.stop();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
