// Benchmark (issue 11): one student floods the server with large JSON bodies; how slow does another student get?
// For each configuration the built server is started on a scratch SQLite database; a second student times
// GET /api/me one request at a time (paced, so the victim itself is no load) first alone, then while the
// flooder, in its own process, keeps BENCH_FLOOD_CONNECTIONS connections busy with PATCH /api/me/profile
// bodies of about 250 KiB: half a list of 125,000 numbers in `name` (what stalled the server before), half
// 20 unknown fields of 10,000 characters (within the parser's limits, so only the large-body rate limit
// stops them). Printed: the victim's p50/p99 alone and under the flood, their ratio, and what the flood got.
// The "limits off" run raises every new limit out of reach, which approximates the server before issue 11.
// `npm run bench:abuse` (needs the server built: pnpm --filter @careerside/server build).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from '../lib/run.mjs';
import { api, percentile, startServer } from './bench-support.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_FLOOD_CONNECTIONS ?? 2);
const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);

const LIMITS_OFF = {
  JSON_BODY_LIMIT: '1048576',
  JSON_MAX_DEPTH: '1000',
  JSON_MAX_ARRAY_LENGTH: '1000000',
  JSON_MAX_ITEMS: '10000000',
  JSON_MAX_STRING_LENGTH: '1048576',
  LARGE_BODY_RATE_LIMIT: '1000000',
};

function hugeList() {
  return JSON.stringify({ name: new Array(125_000).fill(1) });
}

function manyLongFields() {
  return JSON.stringify(
    Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`f${i}`, 'x'.repeat(10_000)])),
  );
}

/** The flooder process: CONNECTIONS loops of PATCH /api/me/profile until told to stop; prints its statuses. */
async function flood() {
  const url = new URL(process.env.FLOOD_URL);
  const token = process.env.FLOOD_TOKEN;
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const bodies = [Buffer.from(hugeList()), Buffer.from(manyLongFields())];
  const statuses = {};
  let sent = 0;
  let stopped = false;
  process.on('message', () => (stopped = true));
  const once = (body) =>
    new Promise((resolve) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/me/profile',
          method: 'PATCH',
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': body.length,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        statuses.error = (statuses.error ?? 0) + 1;
        resolve();
      });
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      for (let i = c; !stopped; i += 1) {
        await once(bodies[i % 2]);
        sent += 1;
      }
    }),
  );
  agent.destroy();
  process.send({ sent, seconds: (performance.now() - started) / 1000, statuses });
}

function startFlooder(baseUrl, token) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--flooder'], {
    env: { ...process.env, FLOOD_URL: baseUrl, FLOOD_TOKEN: token },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    stop: () =>
      new Promise((resolve) => {
        child.once('message', resolve);
        child.send('stop');
      }),
  };
}

/** The victim: GET /api/me every PACE_MS for `seconds`, one at a time; latencies in ms, sorted. */
async function victim(baseUrl, token, seconds) {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies = [];
  const statuses = {};
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    const status = await new Promise((resolve) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/me',
          agent,
          headers: { authorization: `Bearer ${token}` },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        },
      );
      req.on('error', () => resolve('error'));
      req.end();
    });
    const took = performance.now() - started;
    latencies.push(took);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (took < PACE_MS) await new Promise((resolve) => setTimeout(resolve, PACE_MS - took));
  }
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { latencies, statuses };
}

const fmt = (value) => `${value.toFixed(1)} ms`;

async function measure(name, env) {
  const dir = mkdtempSync(join(tmpdir(), 'careerside-abuse-'));
  const server = await startServer(`sqlite:${join(dir, 'bench.sqlite')}`, env);
  try {
    const signIn = async (openid) =>
      (await api(server.baseUrl, 'POST', 'auth/dev-login', { body: { openid, role: 'student' } })).body.token;
    const victimToken = await signIn('bench-victim');
    const flooderToken = await signIn('bench-flooder');
    // Warm up: first requests compile code paths.
    await victim(server.baseUrl, victimToken, 1);
    const results = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const alone = await victim(server.baseUrl, victimToken, SECONDS);
      const flooder = startFlooder(server.baseUrl, flooderToken);
      const underFlood = await victim(server.baseUrl, victimToken, SECONDS);
      const floodResult = await flooder.stop();
      const row = {
        alone: { p50: percentile(alone.latencies, 50), p99: percentile(alone.latencies, 99) },
        flood: { p50: percentile(underFlood.latencies, 50), p99: percentile(underFlood.latencies, 99) },
        victimStatuses: underFlood.statuses,
        floodRate: floodResult.sent / floodResult.seconds,
        floodStatuses: floodResult.statuses,
      };
      results.push(row);
      log(
        `${name}, round ${round + 1}: victim alone p50 ${fmt(row.alone.p50)} p99 ${fmt(row.alone.p99)}; ` +
          `under flood p50 ${fmt(row.flood.p50)} p99 ${fmt(row.flood.p99)} ` +
          `(p99 ${(row.flood.p99 / row.alone.p99).toFixed(2)}x); victim answers ${JSON.stringify(row.victimStatuses)}; ` +
          `flood ${row.floodRate.toFixed(0)} req/s answered ${JSON.stringify(row.floodStatuses)}`,
      );
    }
    return results;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--flooder')) {
  await flood();
} else {
  log(`flood: ${CONNECTIONS} connections, ${SECONDS} s per phase, victim paced every ${PACE_MS} ms`);
  const configurations = process.env.BENCH_ONLY === 'defaults' ? [] : [['limits off', LIMITS_OFF]];
  configurations.push(['defaults', {}]);
  const summary = [];
  for (const [name, env] of configurations) {
    const rows = await measure(name, env);
    const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    summary.push({
      name,
      aloneP50: median(rows.map((row) => row.alone.p50)),
      aloneP99: median(rows.map((row) => row.alone.p99)),
      floodP50: median(rows.map((row) => row.flood.p50)),
      floodP99: median(rows.map((row) => row.flood.p99)),
    });
  }
  console.log(
    `\nload average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')}`,
  );
  console.log('configuration | victim p50 alone | p99 alone | p50 under flood | p99 under flood | p99 ratio');
  for (const row of summary) {
    console.log(
      `${row.name} | ${fmt(row.aloneP50)} | ${fmt(row.aloneP99)} | ${fmt(row.floodP50)} | ${fmt(row.floodP99)} | ` +
        `${(row.floodP99 / row.aloneP99).toFixed(2)}x`,
    );
  }
  const defaults = summary.find((row) => row.name === 'defaults');
  const ratio = defaults.floodP99 / defaults.aloneP99;
  console.log(
    `\nwith the defaults, another student's p99 under the flood is ${ratio.toFixed(2)}x normal (target <= 2x)`,
  );
}
