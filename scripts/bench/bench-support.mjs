// What the benchmarks share: a scratch MariaDB database, the built server on a free port, percentiles and a
// closed-loop HTTP load generator that runs in its own process (so it never shares a core with the server).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, log, waitForHttp } from '../lib/run.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const requireFromServer = createRequire(join(ROOT, 'server', 'package.json'));

export const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/careerside_bench';

/** A new, empty database named after BENCH_MYSQL_URL and this process; `drop()` removes it. */
export async function scratchDatabase() {
  const { createConnection } = requireFromServer('mysql2/promise');
  const url = new URL(MYSQL_URL);
  const name = `${url.pathname.replace(/^\//, '') || 'careerside_bench'}_${process.pid}`;
  const admin = {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  };
  const run = async (sql, params) => {
    const connection = await createConnection({ ...admin, database: params?.database });
    try {
      return (await connection.query(sql, params?.values))[0];
    } finally {
      await connection.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS \`${name}\``);
  await run(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    query: (sql, values) => run(sql, { database: name, values }),
    drop: () => run(`DROP DATABASE IF EXISTS \`${name}\``),
  };
}

/**
 * The built server (server/dist) on a free port against `databaseUrl`, logging only errors unless `env` says
 * otherwise. `logFile` takes its standard output (the JSON log) instead of this terminal; `nodeArgs` go to
 * node.
 */
export async function startServer(databaseUrl, env = {}, { nodeArgs = [], logFile } = {}) {
  const main = join(ROOT, 'server', 'dist', 'main.js');
  if (!existsSync(main)) throw new Error('Build the server first: pnpm --filter @careerside/server build');
  const port = await freePort();
  const stdout = logFile ? openSync(logFile, 'a') : 'inherit';
  // BENCH_CPU_PROF=<dir> profiles the server (a .cpuprofile per start, written when it stops).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(process.execPath, [...profile, ...nodeArgs, main], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      AUTH_DEV_LOGIN: 'true',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
      QUIET_HOURS: 'off',
      ...env,
    },
    stdio: ['ignore', stdout, 'inherit'],
  });
  if (typeof stdout === 'number') closeSync(stdout);
  const baseUrl = `http://127.0.0.1:${port}`;
  if (!(await waitForHttp(`${baseUrl}/api/health`, 60_000))) {
    child.kill('SIGKILL');
    throw new Error('the server did not answer /api/health within 60 s');
  }
  log(`server ${child.pid} on ${baseUrl}`);
  return {
    baseUrl,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

export async function api(baseUrl, method, path, { token, body, headers = {} } = {}) {
  const response = await fetch(`${baseUrl}/api/${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, body: json, text };
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inBatches(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next;
        next += 1;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}

export function percentile(sortedValues, p) {
  if (sortedValues.length === 0) return NaN;
  const index = Math.min(sortedValues.length - 1, Math.ceil((p / 100) * sortedValues.length) - 1);
  return sortedValues[Math.max(0, index)];
}

const LOAD_GENERATOR = fileURLToPath(new URL('./load-generator.mjs', import.meta.url));

/** Requests per second a GET of `url` sustains with `connections` keep-alive connections for `seconds`. */
export function measureThroughput(
  url,
  { connections = 32, seconds = 10, warmupSeconds = 2, headers = {} } = {},
) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOAD_GENERATOR], {
      env: {
        ...process.env,
        LOAD_URL: url,
        LOAD_CONNECTIONS: String(connections),
        LOAD_SECONDS: String(seconds),
        LOAD_WARMUP_SECONDS: String(warmupSeconds),
        LOAD_HEADERS: JSON.stringify(headers),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      resolve(JSON.parse(output));
    });
  });
}
