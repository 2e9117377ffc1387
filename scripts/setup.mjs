// `npm run setup`: installs pnpm and the workspace's dependencies and builds everything, skipping what is current.
import { buildH5, buildServer, checkNode, installDependencies } from './lib/workspace.mjs';
import { fail } from './lib/run.mjs';

try {
  checkNode();
  installDependencies();
  if (!process.argv.includes('--install-only')) {
    buildServer();
    buildH5();
  }
} catch (error) {
  fail(error.message);
}
