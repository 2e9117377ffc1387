import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export interface TestDatabase {
  /** The DATABASE_URL for the app under test. */
  url: string;
  kind: 'sqlite' | 'mysql';
  drop(): Promise<void>;
}

let counter = 0;

/**
 * A fresh, empty database for one test file. TEST_DATABASE_URL unset: a SQLite file in a new temp folder.
 * `mysql://root@127.0.0.1:3306/careerside_test`: a new database named after it plus the worker, process and a
 * counter, so parallel workers and runs never share one.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const dir = await mkdtemp(join(tmpdir(), 'careerside-test-'));
    return {
      url: `sqlite:${join(dir, 'test.sqlite')}`,
      kind: 'sqlite',
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }

  const url = new URL(base);
  const prefix = url.pathname.replace(/^\//, '') || 'careerside_test';
  counter += 1;
  const name = `${prefix}_${process.env.JEST_WORKER_ID ?? '0'}_${process.pid}_${counter}`;
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new Error(`Unusable test database name ${name}`);
  const admin = {
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  };
  const run = async (sql: string) => {
    const connection = await createConnection(admin);
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS \`${name}\``);
  await run(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  url.pathname = `/${name}`;
  return { url: url.toString(), kind: 'mysql', drop: () => run(`DROP DATABASE IF EXISTS \`${name}\``) };
}
