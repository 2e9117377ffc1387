// Benchmark: listing an advisor's slots over 14 days, requests per second, next to a bare Node HTTP server
// answering the same bytes, measured in the same run with the same load generator (its own process), the same
// keep-alive connections and the same concurrency. The API runs as in production: NODE_ENV=production, the
// production log level (info: one JSON line per request, written to a file as a log collector would take it),
// helmet, CORS, the token guard and the validation pipe. Bare server and API take turns over several rounds so
// that other work on the machine weighs on both alike; the medians are compared.
// Target: the API reaches at least 25% of the bare server. `npm run bench:slots` (server built, MariaDB).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { log } from '../lib/run.mjs';
import { api, measureThroughput, scratchDatabase, startServer } from './bench-support.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

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
  const child = spawn(process.execPath, ['-e', source], {
    env: { ...process.env, BODY: Buffer.from(body).toString('base64') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => {
    child.stdout.once('data', (chunk) =>
      resolve({ port: Number(String(chunk).trim()), stop: () => child.kill('SIGTERM') }),
    );
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmtLoad = (values) => values.map((value) => value.toFixed(2)).join(' ');

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
  server = await startServer(database.url, { SEED_DEMO: 'true', ...secrets });
  const student = await api(server.baseUrl, 'POST', 'auth/dev-login', {
    body: { openid: 'demo-student', role: 'student' },
  });
  await server.stop();
  server = await startServer(
    database.url,
    { NODE_ENV: 'production', AUTH_DEV_LOGIN: 'false', SEED_DEMO: 'false', LOG_LEVEL: 'info', ...secrets },
    { logFile },
  );
  const path = `/api/advisors/advisor-1/slots?from=${dateIn(0)}&to=${dateIn(14)}`;
  const headers = { authorization: `Bearer ${student.body.token}` };
  const sample = await fetch(`${server.baseUrl}${path}`, { headers });
  const body = await sample.text();
  const items = JSON.parse(body).items.length;
  log(`one answer: ${items} slots, ${body.length} bytes, ${sample.headers.get('content-type')}`);
  bare = await startBareServer(body);

  const loadBefore = loadavg();
  const rounds = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    log(
      `round ${round}/${ROUNDS}: bare node:http, then GET ${path}, ${SECONDS} s each, ${CONNECTIONS} connections`,
    );
    const baseline = await measureThroughput(`http://127.0.0.1:${bare.port}${path}`, {
      connections: CONNECTIONS,
      seconds: SECONDS,
    });
    const measured = await measureThroughput(`${server.baseUrl}${path}`, {
      connections: CONNECTIONS,
      seconds: SECONDS,
      headers,
    });
    log(
      `  bare ${baseline.requestsPerSecond.toFixed(0)} req/s, API ${measured.requestsPerSecond.toFixed(0)} req/s ` +
        `(${((measured.requestsPerSecond / baseline.requestsPerSecond) * 100).toFixed(1)}%)`,
    );
    rounds.push({ baseline, measured });
  }
  const loadAfter = loadavg();
  const bareRps = median(rounds.map((round) => round.baseline.requestsPerSecond));
  const apiRps = median(rounds.map((round) => round.measured.requestsPerSecond));
  // Each round pairs runs a few seconds apart, so its ratio is the least disturbed by other load.
  const ratio = median(
    rounds.map((round) => round.measured.requestsPerSecond / round.baseline.requestsPerSecond),
  );
  const statuses = {};
  for (const { measured } of rounds)
    for (const [status, count] of Object.entries(measured.statuses))
      statuses[status] = (statuses[status] ?? 0) + count;
  const logLines = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"requestId"')).length;

  console.log('');
  console.log(
    `slot listing benchmark: ${items} slots over 14 days (${body.length} bytes), MariaDB, NODE_ENV=production, ` +
      `${CONNECTIONS} keep-alive connections, ${ROUNDS} rounds of ${SECONDS} s each`,
  );
  console.log(`  bare node:http      ${bareRps.toFixed(0)} req/s (median)`);
  console.log(`  careerside API      ${apiRps.toFixed(0)} req/s (median)  ${JSON.stringify(statuses)}`);
  console.log(
    `  ratio               ${(ratio * 100).toFixed(1)}% of the bare server, median of the rounds' ratios (target >= 25%)`,
  );
  console.log(`  request log lines   ${logLines} (production log level, to ${logFile})`);
  console.log(`  loadavg             before ${fmtLoad(loadBefore)}, after ${fmtLoad(loadAfter)}`);
  const wrongSize = rounds.some(({ measured }) => Math.abs(measured.bytesPerResponse - body.length) > 0);
  failed = Object.keys(statuses).some((status) => status !== '200') || wrongSize;
  if (failed) console.error('slot listing benchmark: answers other than the expected 200 body');
  if (ratio < 0.25) console.log('  below the 25% target');
} finally {
  bare?.stop();
  await server?.stop();
  await database.drop();
  rmSync(logFile, { force: true });
}
process.exit(failed ? 1 : 0);
