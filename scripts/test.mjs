// `npm test`: every suite. Lint and types, the shared package, the server on SQLite and on MariaDB, and the
// H5 app end to end in Chromium against a real server. Missing services are installed and started first.
// TEST_ONLY=lint,shared,miniapp,server-sqlite,server-mysql,e2e runs a subset; TEST_MYSQL_URL overrides the MariaDB URL.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  buildH5,
  buildServer,
  buildShared,
  buildWeapp,
  checkNode,
  installDependencies,
} from './lib/workspace.mjs';
import { fail, freePort, log, run, runTee, waitForHttp } from './lib/run.mjs';
import { ensureChromium, ensureCjkFont, ensureMariaDb, tempDir } from './lib/services.mjs';

const MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/careerside_test';
const only = process.env.TEST_ONLY ? new Set(process.env.TEST_ONLY.split(',')) : null;
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const results = [];

function wanted(stage) {
  return !only || only.has(stage);
}

async function stage(name, work) {
  log(`── ${name}`);
  const started = Date.now();
  let outcome;
  try {
    outcome = await work();
  } catch (error) {
    outcome = { passed: 0, failed: 1, error: error.message };
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, seconds, ...outcome });
  const status = outcome.failed ? '\x1b[31mFAILED\x1b[0m' : 'ok';
  log(
    `── ${name}: ${status} (${outcome.passed} passed, ${outcome.failed} failed) in ${seconds} s${outcome.error ? `: ${outcome.error}` : ''}`,
  );
}

async function jest(cwd, env = {}) {
  const reportDir = tempDir('careerside-jest-');
  const report = join(reportDir, 'report.json');
  const { code } = await runTee(
    process.execPath,
    // Two workers on this 2-core machine: Jest's default (cores - 1) runs the files one by one, which left a
    // core idle while each file waited on its database; every file has its own database and Redis prefix.
    [
      '--experimental-vm-modules',
      JEST,
      '--config',
      'jest.config.mjs',
      '--maxWorkers=2',
      '--json',
      `--outputFile=${report}`,
    ],
    { cwd, env: { ...process.env, ...env } },
  );
  let passed = 0;
  let failed = code === 0 ? 0 : 1;
  try {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    passed = summary.numPassedTests;
    failed =
      summary.numFailedTests +
      summary.numRuntimeErrorTestSuites +
      (code !== 0 && summary.numFailedTests === 0 ? 1 : 0);
  } catch {
    // no report: the run itself failed, counted as one failure
  }
  rmSync(reportDir, { recursive: true, force: true });
  return { passed, failed };
}

async function nodeTest(files, env) {
  const { code, output } = await runTee(process.execPath, ['--test', '--test-concurrency=1', ...files], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  const count = (label) => Number(output.match(new RegExp(`[#ℹ] ${label} (\\d+)`))?.[1] ?? 0);
  const failed = count('fail');
  return { passed: count('pass'), failed: failed || (code === 0 ? 0 : 1) };
}

function command(name, args) {
  try {
    run(name, args, { cwd: ROOT });
    return { passed: 1, failed: 0 };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

/**
 * Server settings one e2e file needs beyond the defaults, by file name. Keep this list short and say why.
 * booking: takes bookings up to the start (no 2-hour minimum notice), so the file can book a time that starts
 * within the check-in window and cancel late ones for a real suspension, all through the real API.
 * waitlist: holds a freed seat for 2 minutes (not 30), so the file sees a hold run out and pass to the next in line.
 */
const E2E_SERVER_ENV = {
  'booking.e2e.mjs': { BOOKING_MIN_NOTICE_MINUTES: '0' },
  'waitlist.e2e.mjs': { WAITLIST_HOLD_MINUTES: '2' },
};

async function startServer(env) {
  const port = await freePort();
  const dataDir = tempDir('careerside-e2e-');
  const child = spawn(process.execPath, [join(ROOT, 'server', 'dist', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dataDir, 'e2e.sqlite')}`,
      MEDIA_DIR: join(dataDir, 'media'),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SEED_DEMO: 'true',
      AUTH_DEV_LOGIN: 'true',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  if (!(await waitForHttp(`${baseUrl}/api/health`, 180_000))) {
    child.kill('SIGKILL');
    throw new Error('the server did not answer /api/health within 180 s');
  }
  return {
    baseUrl,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }).finally(() => rmSync(dataDir, { recursive: true, force: true })),
  };
}

const started = Date.now();
try {
  checkNode();
  installDependencies();
  // Type-aware lint and the typecheck of the mini-program read the shared package's built types.
  buildShared();
} catch (error) {
  fail(error.message);
}

if (wanted('lint')) {
  await stage('lint (eslint)', () =>
    command(join(ROOT, 'node_modules', '.bin', 'eslint'), ['.', '--max-warnings', '0']),
  );
  await stage('format (prettier)', () =>
    command(join(ROOT, 'node_modules', '.bin', 'prettier'), ['--check', '.', '--log-level', 'warn']),
  );
  await stage('typecheck', () => {
    const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
    return ['shared', 'server', 'miniapp'].reduce(
      (total, pkg) => {
        const one = command(tsc, ['-p', `${pkg}/tsconfig.json`, '--noEmit']);
        return { passed: total.passed + one.passed, failed: total.failed + one.failed };
      },
      { passed: 0, failed: 0 },
    );
  });
}
if (wanted('shared')) await stage('shared package', () => jest(join(ROOT, 'shared')));
if (wanted('miniapp')) await stage('mini-program units', () => jest(join(ROOT, 'miniapp')));
if (wanted('server-sqlite')) await stage('server on SQLite', () => jest(join(ROOT, 'server')));
if (wanted('server-mysql')) {
  await stage('server on MariaDB', async () => {
    const url = new URL(MYSQL_URL);
    await ensureMariaDb({ host: url.hostname, port: Number(url.port || 3306) });
    return jest(join(ROOT, 'server'), { TEST_DATABASE_URL: MYSQL_URL });
  });
}
if (wanted('e2e')) {
  await stage('WeChat package build and size budget', () => {
    buildWeapp();
    return command(process.execPath, [join(ROOT, 'miniapp', 'scripts', 'package-sizes.mjs')]);
  });
  // Tencent's miniprogram-ci, offline: the DevTools code-quality items and a full compile of dist/weapp.
  await stage('WeChat code quality and compile', () =>
    command(process.execPath, [join(ROOT, 'miniapp', 'scripts', 'wechat-checks.mjs')]),
  );
  await stage('H5 end to end in Chromium', async () => {
    buildServer();
    buildH5();
    const chromium = ensureChromium();
    ensureCjkFont();
    mkdirSync(join(ROOT, 'artifacts', 'screenshots'), { recursive: true });
    // Each file gets its own server and freshly seeded database, so one file's sign-ins and bookings never
    // change what another sees.
    const e2eDir = join(ROOT, 'miniapp', 'e2e');
    const files = readdirSync(e2eDir)
      .filter((f) => f.endsWith('.e2e.mjs'))
      // E2E_ONLY=booking,museum runs only those files (a quick loop while working on one area).
      .filter(
        (f) => !process.env.E2E_ONLY || process.env.E2E_ONLY.split(',').includes(f.replace('.e2e.mjs', '')),
      )
      .sort((a, b) => (a === 'shell.e2e.mjs' ? -1 : b === 'shell.e2e.mjs' ? 1 : a.localeCompare(b)));
    const total = { passed: 0, failed: 0 };
    for (const file of files) {
      log(`   ${file}`);
      const server = await startServer(E2E_SERVER_ENV[file]);
      try {
        const one = await nodeTest([join(e2eDir, file)], {
          BASE_URL: server.baseUrl,
          CHROMIUM_PATH: chromium,
        });
        total.passed += one.passed;
        total.failed += one.failed;
      } finally {
        await server.stop();
      }
    }
    return total;
  });
}

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
log(`summary (${((Date.now() - started) / 1000).toFixed(0)} s):`);
for (const r of results)
  log(`  ${r.failed ? '✗' : '✓'} ${r.name}: ${r.passed} passed, ${r.failed} failed (${r.seconds} s)`);
process.stdout.write(`careerside: ${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
