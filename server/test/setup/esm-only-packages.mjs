// Jest 30 can require() an ES module only on Node 24.9+. On Node 20 the server's CommonJS graph
// (our code, @nestjs/throttler, nestjs-pino, @fastify/static) reaches ESM-only packages (Nest 12,
// content-disposition), so Jest compiles exactly those packages to CommonJS, one instance each,
// the way the production build loads them through Node's require(esm).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function packageDirs(nodeModules) {
  if (!existsSync(nodeModules)) return [];
  return readdirSync(nodeModules).flatMap((name) => {
    if (name.startsWith('.')) return [];
    if (!name.startsWith('@')) return [name];
    return readdirSync(join(nodeModules, name)).map((child) => `${name}/${child}`);
  });
}

function isEsmOnly(packageJsonPath) {
  try {
    const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
    return pkg.type === 'module';
  } catch {
    return false;
  }
}

/** Names of installed packages whose `.js` files are ES modules (`"type": "module"`). */
export function esmOnlyPackageNames() {
  const names = new Set();
  const store = join(workspaceRoot, 'node_modules', '.pnpm');
  const roots = existsSync(store)
    ? readdirSync(store).map((entry) => join(store, entry, 'node_modules'))
    : [join(workspaceRoot, 'node_modules')];
  for (const nodeModules of roots) {
    for (const name of packageDirs(nodeModules)) {
      if (isEsmOnly(join(nodeModules, name, 'package.json'))) names.add(name);
    }
  }
  return [...names].sort();
}

/** A transformIgnorePatterns entry that skips node_modules except the ESM-only packages. */
export function transformIgnorePatternForCommonJs() {
  const escaped = esmOnlyPackageNames().map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `^(?!.*/node_modules/(?:${escaped.join('|')})/).*/node_modules/`;
}
