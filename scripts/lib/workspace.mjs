// Brings a fresh clone to a runnable state: pnpm, dependencies (better-sqlite3 built against the local
// Node headers, no downloads), and builds. Each step records a hash of its inputs and is skipped when
// nothing changed, so a second run takes a second or two.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capture, log, run } from './run.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];
const TOOLS_DIR = join(ROOT, '.cache', 'tools');

let pnpmCommand;

/** pnpm at the pinned version: the global one when it matches, otherwise a private copy under .cache/. */
export function pnpm() {
  if (pnpmCommand) return pnpmCommand;
  const global = capture('pnpm', ['--version']);
  if (global.ok && global.stdout.trim() === PNPM_VERSION) {
    pnpmCommand = 'pnpm';
    return pnpmCommand;
  }
  const local = join(TOOLS_DIR, 'node_modules', '.bin', 'pnpm');
  const localVersion = existsSync(local) ? capture(local, ['--version']).stdout.trim() : '';
  if (localVersion !== PNPM_VERSION) {
    log(`installing pnpm ${PNPM_VERSION} into .cache/tools`);
    mkdirSync(TOOLS_DIR, { recursive: true });
    run('npm', [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--prefix',
      TOOLS_DIR,
      `pnpm@${PNPM_VERSION}`,
    ]);
  }
  pnpmCommand = local;
  return pnpmCommand;
}

/** Environment for installs: node-gyp reads headers from the local Node instead of downloading them. */
function installEnv() {
  const env = { ...process.env };
  const candidates = [resolve(dirname(process.execPath), '..'), '/usr', '/usr/local'];
  const nodedir = candidates.find((dir) => existsSync(join(dir, 'include', 'node', 'node_api.h')));
  if (nodedir) env.npm_config_nodedir = nodedir;
  return env;
}

function hashFiles(paths) {
  const hash = createHash('sha256');
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (entry === 'node_modules' || entry === 'dist' || entry === '.temp' || entry === '.swc') continue;
        visit(join(path, entry));
      }
    } else {
      hash.update(relative(ROOT, path));
      hash.update(readFileSync(path));
    }
  };
  paths.forEach((path) => visit(join(ROOT, path)));
  hash.update(process.version);
  return hash.digest('hex');
}

/** Runs `work` unless the stamp file holds the same input hash. */
function step(name, stampPath, inputs, work) {
  const stamp = join(ROOT, stampPath);
  const digest = hashFiles(inputs);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
    log(`${name}: up to date`);
    return;
  }
  log(`${name}...`);
  const started = Date.now();
  work();
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, digest);
  log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const MANIFESTS = [
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'shared/package.json',
  'server/package.json',
  'miniapp/package.json',
];

export function installDependencies() {
  step('install dependencies', 'node_modules/.careerside/install', MANIFESTS, () => {
    run(pnpm(), ['install', '--frozen-lockfile'], { cwd: ROOT, env: installEnv() });
  });
}

export function buildShared() {
  step(
    'build shared',
    'shared/dist/.stamp',
    [
      'shared/src',
      'shared/package.json',
      'shared/tsconfig.esm.json',
      'shared/tsconfig.cjs.json',
      'tsconfig.base.json',
    ],
    () => {
      run(pnpm(), ['--filter', '@careerside/shared', 'run', 'build'], { cwd: ROOT });
    },
  );
}

export function buildServer() {
  buildShared();
  step(
    'build server',
    'server/dist/.stamp',
    ['server/src', 'server/package.json', 'server/tsconfig.json', 'server/tsconfig.build.json', 'shared/src'],
    () => {
      run(pnpm(), ['--filter', '@careerside/server', 'run', 'build'], { cwd: ROOT });
    },
  );
}

const MINIAPP_INPUTS = [
  'miniapp/src',
  'miniapp/config',
  'miniapp/types',
  'miniapp/package.json',
  'miniapp/babel.config.js',
  'miniapp/tsconfig.json',
  'miniapp/project.config.json',
  'shared/src',
];

export function buildH5() {
  buildShared();
  step('build H5 app', 'miniapp/dist/h5/.stamp', [...MINIAPP_INPUTS, 'miniapp/.env.production'], () => {
    run(pnpm(), ['--filter', '@careerside/miniapp', 'run', 'build:h5'], { cwd: ROOT });
  });
}

export function buildWeapp() {
  buildShared();
  step(
    'build WeChat package',
    'miniapp/dist/weapp/.stamp',
    [...MINIAPP_INPUTS, 'miniapp/.env.production'],
    () => {
      run(pnpm(), ['--filter', '@careerside/miniapp', 'run', 'build:weapp'], { cwd: ROOT });
    },
  );
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    throw new Error(`careerside needs Node 20.19 or newer (found ${process.version})`);
  }
}
