// `npm run build:weapp` / `npm run build:h5`: builds the mini-program after making sure the workspace is installed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, buildH5, buildServer, buildWeapp, checkNode, installDependencies } from './lib/workspace.mjs';
import { fail } from './lib/run.mjs';

const target = process.argv[2] ?? 'all';
try {
  checkNode();
  installDependencies();
  if (target === 'weapp' || target === 'all') {
    buildWeapp();
    // Sizes are printed on every call, also when the build was already current.
    const sizes = spawnSync(process.execPath, [join(ROOT, 'miniapp', 'scripts', 'package-sizes.mjs')], {
      stdio: 'inherit',
      cwd: join(ROOT, 'miniapp'),
    });
    if (sizes.status !== 0) process.exit(sizes.status ?? 1);
  }
  if (target === 'h5' || target === 'all') buildH5();
  if (target === 'all') buildServer();
} catch (error) {
  fail(error.message);
}
