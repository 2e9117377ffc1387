// `npm start`: installs what is missing, builds, and runs the whole system on one port: the API under /api
// and the H5 app at /. The server migrates the database and seeds demo data into an empty one at start.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildH5, buildServer, checkNode, installDependencies } from './lib/workspace.mjs';
import { fail, log, waitForHttp } from './lib/run.mjs';

try {
  checkNode();
  installDependencies();
  buildServer();
  buildH5();
} catch (error) {
  fail(error.message);
}

const env = { SEED_DEMO: 'true', ...process.env };
const nodeArgs = [];
if (existsSync(join(ROOT, '.env'))) {
  nodeArgs.push(`--env-file=${join(ROOT, '.env')}`);
  log('reading settings from .env');
}
const server = spawn(process.execPath, [...nodeArgs, join(ROOT, 'server', 'dist', 'main.js')], {
  cwd: ROOT,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

// The server logs JSON lines; once it answers, say in plain words where to go.
const port = env.PORT ?? '3000';
if (await waitForHttp(`http://127.0.0.1:${port}/api/health`, 120_000)) {
  const address = env.PUBLIC_URL ?? `http://localhost:${port}`;
  log(`careerside is running: open ${address}`);
  log(
    `API docs at ${address}/api/docs; sign in on the page with the 学生 / 咨询师 / 管理员 picker. Ctrl+C stops.`,
  );
}
