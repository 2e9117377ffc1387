// Benchmark: listing an advisor's slots over 14 days, requests per second, next to a bare Node HTTP server
// answering the same bytes, measured in the same run with the same load generator (its own process).
// Target: the API reaches at least 25% of the bare server. `npm run bench:slots` (server built, MariaDB).
import { spawn } from 'node:child_process';
import { log } from '../lib/run.mjs';
import { api, measureThroughput, scratchDatabase, startServer } from './bench-support.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
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

const database = await scratchDatabase();
let server;
let bare;
let failed;
try {
  // The demo seed gives advisor-1 weekday slots over the horizon.
  server = await startServer(database.url, { SEED_DEMO: 'true' });
  const student = await api(server.baseUrl, 'POST', 'auth/dev-login', {
    body: { openid: 'demo-student', role: 'student' },
  });
  const path = `/api/advisors/advisor-1/slots?from=${dateIn(0)}&to=${dateIn(14)}`;
  const headers = { authorization: `Bearer ${student.body.token}` };
  const sample = await fetch(`${server.baseUrl}${path}`, { headers });
  const body = await sample.text();
  const items = JSON.parse(body).items.length;
  log(`one answer: ${items} slots, ${body.length} bytes`);
  bare = await startBareServer(body);

  log(`bare node:http for ${SECONDS} s with ${CONNECTIONS} connections`);
  const baseline = await measureThroughput(`http://127.0.0.1:${bare.port}${path}`, {
    connections: CONNECTIONS,
    seconds: SECONDS,
  });
  log(`GET ${path} for ${SECONDS} s with ${CONNECTIONS} connections`);
  const measured = await measureThroughput(`${server.baseUrl}${path}`, {
    connections: CONNECTIONS,
    seconds: SECONDS,
    headers,
  });
  const ratio = measured.requestsPerSecond / baseline.requestsPerSecond;

  console.log('');
  console.log(
    `slot listing benchmark: ${items} slots over 14 days (${body.length} bytes), MariaDB, ${CONNECTIONS} connections`,
  );
  console.log(
    `  bare node:http      ${baseline.requestsPerSecond.toFixed(0)} req/s  ${JSON.stringify(baseline.statuses)}`,
  );
  console.log(
    `  careerside API      ${measured.requestsPerSecond.toFixed(0)} req/s  ${JSON.stringify(measured.statuses)}`,
  );
  console.log(`  ratio               ${(ratio * 100).toFixed(1)}% of the bare server (target >= 25%)`);
  const non200 = Object.entries(measured.statuses).filter(([status]) => status !== '200').length;
  failed = non200 > 0 || Math.abs(measured.bytesPerResponse - body.length) > 0;
  if (failed) console.error('slot listing benchmark: answers other than the expected 200 body');
  if (ratio < 0.25) console.log('  below the 25% target');
} finally {
  bare?.stop();
  await server?.stop();
  await database.drop();
}
process.exit(failed ? 1 : 0);
