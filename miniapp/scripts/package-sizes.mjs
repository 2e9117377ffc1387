// Prints the size of the WeChat main package and of each subpackage in dist/weapp, the way WeChat counts
// them (the main package is everything outside the subpackage roots), and fails when one is over budget.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const KB = 1024;
const BUDGET = { main: 600 * KB, subpackage: 500 * KB };
// Files WeChat DevTools does not upload.
const IGNORED = [/\.map$/, /\.LICENSE\.txt$/, /^project(\.private)?\.config\.json$/];

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'weapp');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

let appJson;
try {
  appJson = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'));
} catch (error) {
  console.error(
    `package-sizes: cannot read ${join(root, 'app.json')} (${error.message}); build weapp first.`,
  );
  process.exit(2);
}

const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) =>
  sub.root.replace(/\/+$/, ''),
);
const totals = new Map([['main', 0], ...subRoots.map((subRoot) => [subRoot, 0])]);

for (const file of files(root)) {
  const path = relative(root, file).split(sep).join('/');
  if (IGNORED.some((pattern) => pattern.test(path.split('/').pop()))) continue;
  const owner = subRoots.find((subRoot) => path.startsWith(`${subRoot}/`)) ?? 'main';
  totals.set(owner, totals.get(owner) + statSync(file).size);
}

const format = (bytes) => `${(bytes / KB).toFixed(1).padStart(7)} KB`;
let over = false;
console.log(`WeChat package sizes (${relative(process.cwd(), root) || '.'})`);
for (const [name, bytes] of totals) {
  const budget = name === 'main' ? BUDGET.main : BUDGET.subpackage;
  const ok = bytes <= budget;
  over ||= !ok;
  const label = name === 'main' ? 'main package' : `subpackage ${name}`;
  console.log(
    `  ${ok ? 'ok  ' : 'OVER'} ${label.padEnd(32)} ${format(bytes)}  (budget ${format(budget).trim()})`,
  );
}
const total = [...totals.values()].reduce((sum, bytes) => sum + bytes, 0);
console.log(`  total ${format(total).trim()}`);
if (over) {
  console.error('package-sizes: over budget');
  process.exit(1);
}
