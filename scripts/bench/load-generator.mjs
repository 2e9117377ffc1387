// A closed-loop HTTP load generator: LOAD_CONNECTIONS keep-alive connections, each sending the next GET as
// soon as the last answer is read, for LOAD_SECONDS after LOAD_WARMUP_SECONDS. Prints one JSON line.
import { Agent, request } from 'node:http';

const url = new URL(process.env.LOAD_URL);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 32);
const seconds = Number(process.env.LOAD_SECONDS ?? 10);
const warmupSeconds = Number(process.env.LOAD_WARMUP_SECONDS ?? 2);
const headers = JSON.parse(process.env.LOAD_HEADERS ?? '{}');
const agent = new Agent({ keepAlive: true, maxSockets: connections });

let measuring = false;
let stopped = false;
let completed = 0;
let bytes = 0;
const statuses = {};

function once() {
  return new Promise((resolve) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'GET', headers, agent },
      (res) => {
        let length = 0;
        res.on('data', (chunk) => (length += chunk.length));
        res.on('end', () => {
          if (measuring) {
            completed += 1;
            bytes += length;
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          }
          resolve();
        });
      },
    );
    req.on('error', () => {
      if (measuring) statuses.error = (statuses.error ?? 0) + 1;
      resolve();
    });
    req.end();
  });
}

async function loop() {
  while (!stopped) await once();
}

const loops = Array.from({ length: connections }, loop);
await new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000));
measuring = true;
const started = process.hrtime.bigint();
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
measuring = false;
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
stopped = true;
await Promise.all(loops);
agent.destroy();
process.stdout.write(
  `${JSON.stringify({ requestsPerSecond: completed / elapsed, completed, seconds: elapsed, bytesPerResponse: completed ? bytes / completed : 0, statuses })}\n`,
);
