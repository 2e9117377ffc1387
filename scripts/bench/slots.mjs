// Benchmark: listing an advisor's slots over 14 days, requests per second, next to a bare node:http server
// answering the same bytes, both measured with wrk (a C load generator: one Node process cannot load even the
// bare server) with the same keep-alive connections, in the same run. The API runs as in production:
// NODE_ENV=production, the production log level (info: one JSON line per request, written to a file as a log
// collector would take it), helmet, CORS, the token guard and the validation pipe. Bare server and API take
// turns over several rounds so that other work on the machine weighs on both alike; the medians are compared.
// Target: the API reaches at least 40% of the bare server. `npm run bench:slots` (server built, MariaDB).
// BENCH_PIN=1 pins both servers to core 0 and wrk to core 1 (taskset); BENCH_CPU_PROF=1 profiles the API.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { log } from '../lib/run.mjs';
import {
  api,
  loadLine,
  pinned,
  runWrk,
  runWrkMeasuringCpu,
  scratchDatabase,
  startServer,
} from './bench-support.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const TARGET = 0.4;
const PIN = process.env.BENCH_PIN === '1';
const SERVER_CPUS = PIN ? '0' : undefined;
const WRK_CPUS = PIN ? '1' : undefined;

function dateIn(days) {
  const date = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** A bare node:http server in its own process that answers every request with exactly these bytes. */
function startBareServer(body) {
  const source = `
    const http = require('node:http');
    const body = Buffer.from(process.env.BODY, 'base64');
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      res.end(body);
    });
    server.keepAliveTimeout = 60000;
    server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
  `;
  const [command, args] = pinned(process.execPath, ['-e', source], SERVER_CPUS);
  const child = spawn(command, args, {
    env: { ...process.env, BODY: Buffer.from(body).toString('base64') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => {
    child.stdout.once('data', (chunk) =>
      resolve({
        port: Number(String(chunk).trim()),
        pid: child.pid,
        stop: () => child.kill('SIGTERM'),
      }),
    );
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmtUs = (result) =>
  result.cpuUsPerRequest === undefined ? 'n/a' : `${result.cpuUsPerRequest.toFixed(0)} µs`;

const database = await scratchDatabase();
const logFile = join(tmpdir(), `careerside-bench-slots-${process.pid}.log`);
// Production refuses dev sign-in: sign in once on a development start, then serve the same database in
// production mode with the same signing secret.
const secrets = {
  JWT_SECRET: randomBytes(32).toString('hex'),
  NOTES_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
};
let server;
let bare;
let failed;
try {
  // The demo seed gives advisor-1 weekday slots over the horizon.
  server = await startServer(database.url, { SEED_DEMO: 'true', ...secrets }, { profile: false });
  const student = await api(server.baseUrl, 'POST', 'auth/dev-login', {
    body: { openid: 'demo-student', role: 'student' },
  });
  await server.stop();
  server = await startServer(
    database.url,
    { NODE_ENV: 'production', AUTH_DEV_LOGIN: 'false', SEED_DEMO: 'false', LOG_LEVEL: 'info', ...secrets },
    { logFile, cpus: SERVER_CPUS },
  );
  const path = `/api/advisors/advisor-1/slots?from=${dateIn(0)}&to=${dateIn(14)}`;
  const headers = { authorization: `Bearer ${student.body.token}` };
  const sample = await fetch(`${server.baseUrl}${path}`, { headers });
  const body = await sample.text();
  const items = JSON.parse(body).items.length;
  log(`one answer: ${items} slots, ${body.length} bytes, ${sample.headers.get('content-type')}`);
  bare = await startBareServer(body);

  const apiUrl = `${server.baseUrl}${path}`;
  const bareUrl = `http://127.0.0.1:${bare.port}${path}`;
  const wrkOptions = { connections: CONNECTIONS, seconds: SECONDS, cpus: WRK_CPUS };
  log(`warming up both servers (${SECONDS} s each)`);
  await runWrk(bareUrl, wrkOptions);
  await runWrk(apiUrl, { ...wrkOptions, headers });

  server.markProfile();
  const loadBefore = loadLine();
  const rounds = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    log(
      `round ${round}/${ROUNDS}: bare node:http, then GET ${path}; wrk 1 thread, ${CONNECTIONS} connections, ` +
        `${SECONDS} s each`,
    );
    const baseline = await runWrkMeasuringCpu(bareUrl, bare.pid, wrkOptions);
    const measured = await runWrkMeasuringCpu(apiUrl, server.pid, { ...wrkOptions, headers });
    const ratio = measured.requestsPerSecond / baseline.requestsPerSecond;
    log(
      `  bare ${baseline.requestsPerSecond.toFixed(0)} req/s, API ${measured.requestsPerSecond.toFixed(0)} req/s ` +
        `(${(ratio * 100).toFixed(1)}%; API p50 ${measured.latencyMs.p50.toFixed(1)} ms, ` +
        `p99 ${measured.latencyMs.p99.toFixed(1)} ms); server CPU per answer: bare ${fmtUs(baseline)}, ` +
        `API ${fmtUs(measured)}; loadavg ${loadLine()}`,
    );
    rounds.push({ baseline, measured, ratio });
  }
  const loadAfter = loadLine();
  const bareRps = median(rounds.map((round) => round.baseline.requestsPerSecond));
  const apiRps = median(rounds.map((round) => round.measured.requestsPerSecond));
  // Each round pairs runs a few seconds apart, so its ratio is the least disturbed by other load.
  const ratio = median(rounds.map((round) => round.ratio));
  const sum = (pick) => rounds.reduce((total, round) => total + pick(round), 0);
  const apiRequests = sum((round) => round.measured.requests);
  const nonSuccess = sum((round) => round.measured.errors.status + round.baseline.errors.status);
  const socketErrors = sum(({ measured, baseline }) =>
    ['connect', 'read', 'write', 'timeout'].reduce(
      (total, key) => total + measured.errors[key] + baseline.errors[key],
      0,
    ),
  );
  const after = await fetch(apiUrl, { headers });
  const sameBytes = after.status === 200 && (await after.text()) === body;
  const logLines = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"requestId"')).length;

  console.log('');
  console.log(
    `slot listing benchmark: ${items} slots over 14 days (${body.length} bytes), MariaDB, NODE_ENV=production, ` +
      `wrk 1 thread, ${CONNECTIONS} keep-alive connections, ${ROUNDS} alternating rounds of ${SECONDS} s` +
      (PIN ? `, servers pinned to cpu ${SERVER_CPUS} and wrk to cpu ${WRK_CPUS}` : ''),
  );
  console.log(`  bare node:http      ${bareRps.toFixed(0)} req/s (median)`);
  console.log(
    `  careerside API      ${apiRps.toFixed(0)} req/s (median), ${apiRequests} answers, ` +
      `${nonSuccess} not 2xx, ${socketErrors} socket errors or timeouts`,
  );
  console.log(
    `  ratio               ${(ratio * 100).toFixed(1)}% of the bare server, median of the rounds' ratios ` +
      `(${rounds.map((round) => `${(round.ratio * 100).toFixed(1)}%`).join(', ')}; target >= ${TARGET * 100}%)`,
  );
  const cpuBare = median(rounds.map((round) => round.baseline.cpuUsPerRequest ?? NaN));
  const cpuApi = median(rounds.map((round) => round.measured.cpuUsPerRequest ?? NaN));
  if (Number.isFinite(cpuBare) && Number.isFinite(cpuApi))
    console.log(
      `  server CPU/answer   bare ${cpuBare.toFixed(1)} µs, API ${cpuApi.toFixed(1)} µs (median; ` +
        `${((cpuBare / cpuApi) * 100).toFixed(1)}%, hardly moved by other load on the machine)`,
    );
  console.log(`  request log lines   ${logLines} (production log level, to ${logFile})`);
  console.log(`  loadavg             before ${loadBefore}; after ${loadAfter}`);
  failed = nonSuccess > 0 || socketErrors > 0 || !sameBytes;
  if (failed) console.error('slot listing benchmark: answers other than the expected 200 body');
  if (ratio < TARGET) console.log(`  below the ${TARGET * 100}% target`);
} finally {
  bare?.stop();
  await server?.stop();
  await database.drop();
  rmSync(logFile, { force: true });
}
process.exit(failed ? 1 : 0);
