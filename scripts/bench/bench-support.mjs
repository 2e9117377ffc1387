// What the benchmarks share: a scratch MariaDB database, the built server on a free port (optionally pinned to
// cores and CPU-profiled), percentiles and wrk, the C load generator every HTTP benchmark measures with.
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capture, commandExists, freePort, log, waitForHttp } from '../lib/run.mjs';
import { ensureWrk } from '../lib/services.mjs';
import { printCpuProfile } from './cpu-profile.mjs';

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
 * Where BENCH_CPU_PROF asks for CPU profiles: `1` a new temporary directory, anything else that directory;
 * undefined when it is unset.
 */
function profileDir() {
  const setting = process.env.BENCH_CPU_PROF;
  if (!setting || setting === '0') return undefined;
  return setting === '1' ? mkdtempSync(join(tmpdir(), 'careerside-cpu-prof-')) : setting;
}

/**
 * The built server (server/dist) on a free port against `databaseUrl`, logging only errors unless `env` says
 * otherwise. `logFile` takes its standard output (the JSON log) instead of this terminal; `nodeArgs` go to
 * node; `cpus` pins it with taskset. With BENCH_CPU_PROF set, a start with `profile` (the default) runs under
 * `node --cpu-prof`, and `stop()` prints the functions and modules with the most self time (from the last
 * `markProfile()` on, when called: the measured part without start-up and warm-up).
 */
export async function startServer(
  databaseUrl,
  env = {},
  { nodeArgs = [], logFile, cpus, profile = true } = {},
) {
  const main = join(ROOT, 'server', 'dist', 'main.js');
  if (!existsSync(main)) throw new Error('Build the server first: pnpm --filter @careerside/server build');
  const port = await freePort();
  const stdout = logFile ? openSync(logFile, 'a') : 'inherit';
  const cpuProfDir = profile ? profileDir() : undefined;
  const profileArgs = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const [command, args] = pinned(process.execPath, [...profileArgs, ...nodeArgs, main], cpus);
  const child = spawn(command, args, {
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
  log(
    `server ${child.pid} on ${baseUrl}${cpus ? ` (cpus ${cpus})` : ''}${cpuProfDir ? ', CPU-profiled' : ''}`,
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let sinceUs;
  return {
    baseUrl,
    pid: child.pid,
    markProfile: () => {
      sinceUs = Number(process.hrtime.bigint() / 1000n);
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        await exited;
      }
      if (!cpuProfDir) return;
      // node names the file CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile
      const files = readdirSync(cpuProfDir).filter(
        (file) => file.endsWith('.cpuprofile') && file.includes(`.${child.pid}.`),
      );
      // The profile is written when the server shuts down; a SIGKILL leaves none.
      if (files.length === 0) log(`no CPU profile in ${cpuProfDir}`);
      for (const file of files) printCpuProfile(join(cpuProfDir, file), { sinceUs });
    },
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

// Every wrk run loads this before the benchmark's own script: it collects the threads, sums the counters each
// thread keeps in its global `report` table and prints one JSON line that runWrk reads. A script that has sent
// all it meant to calls finish(): wrk runs for its whole -d otherwise, so runWrk interrupts it (SIGINT), and
// wrk then reports the time it actually ran.
const WRK_PRELUDE = `
finish = function()
  io.write("\\nWRK_STOP\\n")
  io.flush()
  wrk.thread:stop()
end
local threads = {}
setup = function(thread) table.insert(threads, thread) end
done = function(summary, latency, requests)
  local counters = {}
  for _, thread in ipairs(threads) do
    local report = thread:get("report")
    if type(report) == "table" then
      for key, value in pairs(report) do counters[key] = (counters[key] or 0) + value end
    end
  end
  local parts = {}
  for key, value in pairs(counters) do parts[#parts + 1] = string.format("%q:%d", tostring(key), value) end
  local e = summary.errors
  io.write(string.format(
    '\\nWRK_JSON {"requests":%d,"durationUs":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"mean":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d},"report":{%s}}\\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency.max, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    table.concat(parts, ",")))
end
`;

/** `taskset -c <cpus>` in front of a command when `cpus` is given and taskset exists (BENCH_PIN). */
export function pinned(command, args, cpus) {
  return cpus && commandExists('taskset') ? ['taskset', ['-c', cpus, command, ...args]] : [command, args];
}

/**
 * Runs wrk (Debian's C load generator; installed when missing) against `url` for `seconds` with `connections`
 * keep-alive connections on `threads` threads. `script` is Lua for wrk's request/response/delay hooks; a
 * thread's global `report` table of counters comes back summed as `report`. Answers requests per second,
 * latency percentiles in milliseconds, socket errors and non-2xx/3xx answers (`errors.status`).
 */
export async function runWrk(
  url,
  { connections = 50, threads = 1, seconds = 5, timeoutSeconds = 10, headers = {}, script = '', cpus } = {},
) {
  ensureWrk();
  const dir = mkdtempSync(join(tmpdir(), 'careerside-wrk-'));
  const scriptFile = join(dir, 'bench.lua');
  writeFileSync(scriptFile, `${WRK_PRELUDE}\n${script}\n`);
  const args = [
    '-t',
    String(threads),
    '-c',
    String(connections),
    '-d',
    `${seconds}s`,
    '--timeout',
    `${timeoutSeconds}s`,
    '-s',
    scriptFile,
    ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
    url,
  ];
  try {
    const [command, commandArgs] = pinned('wrk', args, cpus);
    const output = await new Promise((resolve, reject) => {
      const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      let interrupted = false;
      child.stdout.on('data', (chunk) => {
        text += chunk;
        if (!interrupted && text.includes('WRK_STOP')) {
          interrupted = true;
          child.kill('SIGINT');
        }
      });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}:\n${text}`)),
      );
    });
    const line = output.split('\n').find((entry) => entry.startsWith('WRK_JSON '));
    if (!line) throw new Error(`wrk printed no summary:\n${output}`);
    const summary = JSON.parse(line.slice('WRK_JSON '.length));
    const ms = (us) => us / 1000;
    return {
      requestsPerSecond: summary.requests / (summary.durationUs / 1e6),
      requests: summary.requests,
      seconds: summary.durationUs / 1e6,
      bytesPerResponse: summary.requests ? summary.bytes / summary.requests : 0,
      errors: summary.errors,
      latencyMs: Object.fromEntries(Object.entries(summary.latencyUs).map(([key, us]) => [key, ms(us)])),
      report: summary.report,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CLOCK_TICKS = Number(capture('getconf', ['CLK_TCK']).stdout.trim()) || 100;

/**
 * CPU seconds (user + system) process `pid` has used so far, from /proc (Linux); undefined elsewhere. Divided
 * by the answers given, it is a cost per request that other load on the machine hardly moves.
 */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat(5), utime and stime; the slice starts at field 3.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** Runs wrk with `options` and adds the CPU microseconds process `pid` spent per answer. */
export async function runWrkMeasuringCpu(url, pid, options) {
  const before = cpuSeconds(pid);
  const result = await runWrk(url, options);
  const after = cpuSeconds(pid);
  const cpuUsPerRequest =
    before === undefined || after === undefined || result.requests === 0
      ? undefined
      : ((after - before) * 1e6) / result.requests;
  return { ...result, cpuUsPerRequest };
}

/** A Lua string literal for a wrk script. */
export const luaString = (value) => JSON.stringify(String(value));

export const fmtLoad = (values) => values.map((value) => value.toFixed(2)).join(' ');

/** The load average with the number of cores, for the benchmark's report. */
export const loadLine = () => `${fmtLoad(loadavg())} (1/5/15 min, ${cpus().length} cores)`;
