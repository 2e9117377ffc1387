// Makes sure the services the test suites and benchmarks need answer: MariaDB, Redis, Chromium and wrk. Whatever is missing is
// installed from Debian's packages (as root) and started; what already answers is left alone.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capture, commandExists, isRoot, log, portOpen, run, waitForPort } from './run.mjs';

let aptUpdated = false;

function aptInstall(packages) {
  if (!isRoot)
    throw new Error(
      `${packages.join(', ')} missing and not root: install them (apt-get install -y ${packages.join(' ')})`,
    );
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq']);
    aptUpdated = true;
  }
  log(`installing ${packages.join(', ')} from Debian's packages`);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

export async function ensureMariaDb({ host = '127.0.0.1', port = 3306 } = {}) {
  if (await portOpen(port, host)) return;
  if (host !== '127.0.0.1' && host !== 'localhost')
    throw new Error(`MariaDB at ${host}:${port} does not answer`);
  if (!existsSync('/usr/sbin/mariadbd')) aptInstall(['mariadb-server']);
  log('starting MariaDB');
  mkdirSync('/run/mysqld', { recursive: true });
  capture('chown', ['mysql:mysql', '/run/mysqld']);
  run('start-stop-daemon', [
    '--start',
    '--oknodo',
    '--background',
    '--exec',
    '/usr/sbin/mariadbd',
    '--',
    '--user=mysql',
    `--port=${port}`,
    '--bind-address=127.0.0.1',
  ]);
  if (!(await waitForPort(port, host, 60_000))) throw new Error('MariaDB did not start within 60 s');
  // A fresh Debian install lets root in only through the unix socket; the tests connect over TCP with no password.
  const socketAuth = capture('mariadb', [
    '-uroot',
    '-e',
    "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')",
  ]);
  if (!socketAuth.ok) log(`note: could not adjust root authentication: ${socketAuth.stderr.trim()}`);
}

export async function ensureRedis({ host = '127.0.0.1', port = 6379 } = {}) {
  if (await portOpen(port, host)) return;
  if (host !== '127.0.0.1' && host !== 'localhost')
    throw new Error(`Redis at ${host}:${port} does not answer`);
  if (!commandExists('redis-server')) aptInstall(['redis-server']);
  log('starting Redis');
  run('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    tmpdir(),
  ]);
  if (!(await waitForPort(port, host, 30_000))) throw new Error('Redis did not start within 30 s');
}

export function ensureChromium() {
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  let found = candidates.find((path) => existsSync(path));
  if (!found) {
    aptInstall(['chromium', 'fonts-noto-cjk']);
    found = candidates.find((path) => existsSync(path));
  }
  if (!found) throw new Error('Chromium is not installed');
  return found;
}

/** wrk, the C load generator the benchmarks measure with (a Node one tops out far below the server). */
export function ensureWrk() {
  if (!commandExists('wrk')) aptInstall(['wrk']);
  if (!commandExists('wrk')) throw new Error('wrk is not installed');
  return 'wrk';
}

/** Chinese text renders as boxes in screenshots without a CJK font; install one when missing. */
export function ensureCjkFont() {
  const fonts = capture('fc-list', [':lang=zh']);
  if (fonts.ok && fonts.stdout.trim()) return;
  if (isRoot) aptInstall(['fonts-noto-cjk']);
}

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}
