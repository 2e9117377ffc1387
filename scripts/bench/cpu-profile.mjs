// Reads a V8 .cpuprofile (node --cpu-prof) and prints where the time went: the functions and the modules (npm
// package, file of the server, node internals) with the most self time, as a share of the busy (non-idle) time.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The module a frame belongs to: the npm package, `server/<file>`, `node:<internal>`, or V8's own bucket. */
function moduleOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const packages = [...path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  if (packages.length > 0) return packages.at(-1)[1];
  if (path.startsWith('node:')) return path.split('/').slice(0, 2).join('/');
  if (path.startsWith(ROOT)) return relative(ROOT, path);
  return path;
}

/**
 * Self time per function and per module of one profile, in milliseconds; with `sinceUs` (a CLOCK_MONOTONIC
 * time in microseconds, as `process.hrtime.bigint() / 1000n` reads it, which is V8's profile clock) only the
 * samples from then on, so start-up and warm-up stay out.
 */
export function summarizeCpuProfile(file, { sinceUs } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map();
  // timeDeltas[i] is the time before sample i; the time a sample stands for is the next delta.
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    at += profile.timeDeltas[i] ?? 0;
    if (sinceUs !== undefined && at < sinceUs) continue;
    const delta = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + delta);
  }
  const functions = new Map();
  const modules = new Map();
  let idleMs = 0;
  let busyMs = 0;
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    if (functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    busyMs += ms;
    const module = moduleOf(url, functionName);
    const name = `${functionName || '(anonymous)'}  ${module}${url ? `:${lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    modules.set(module, (modules.get(module) ?? 0) + ms);
  }
  const top = (map, count) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => ({ name, ms, share: busyMs ? ms / busyMs : 0 }));
  return { busyMs, idleMs, functions: top(functions, 25), modules: top(modules, 20) };
}

export function printCpuProfile(file, { sinceUs } = {}) {
  const { busyMs, idleMs, functions, modules } = summarizeCpuProfile(file, { sinceUs });
  const row = ({ name, ms, share }) =>
    `    ${(share * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${name}`;
  console.log('');
  console.log(`CPU profile ${file}${sinceUs === undefined ? '' : ' (the measured rounds only)'}`);
  console.log(`  busy ${busyMs.toFixed(0)} ms, idle ${idleMs.toFixed(0)} ms; self time, share of busy:`);
  console.log('  modules');
  for (const entry of modules) console.log(row(entry));
  console.log('  functions');
  for (const entry of functions) console.log(row(entry));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) printCpuProfile(file);
}
