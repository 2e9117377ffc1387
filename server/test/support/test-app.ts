import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RouteOptions } from 'fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { APP_CONFIG, type AppConfig } from '../../src/config/app-config';
import type { RawEnv } from '../../src/config/env-reader';
import { ApiClient } from './api-client';
import { LogCapture } from './log-capture';
import { createTestDatabase, type TestDatabase } from './test-database';

/** What every test app runs with unless a test says otherwise. */
export const TEST_ENV: RawEnv = {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'info',
  SEED_DEMO: 'false',
  JWT_SECRET: 'test-only-secret-0123456789abcdef0123456789',
  WECHAT_SIGNIN_RATE_LIMIT: '1000',
  BOOKING_WRITE_RATE_LIMIT: '1000',
  // Never pick up a real miniapp build from the repository.
  H5_DIST_DIR: join(tmpdir(), 'careerside-test-no-h5'),
};

export interface TestApp {
  app: NestFastifyApplication;
  api: ApiClient;
  baseUrl: string;
  config: AppConfig;
  dataSource: DataSource;
  database: TestDatabase;
  /** Every route Fastify registered. */
  routes: RouteOptions[];
  logs: LogCapture;
  close(): Promise<void>;
}

export interface StartTestAppOptions {
  env?: RawEnv;
  /** Share a database between apps in one file; the caller then drops it. */
  database?: TestDatabase;
}

/** Starts the real app (createApp) on an ephemeral port against a fresh real database. */
export async function startTestApp(options: StartTestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const logs = new LogCapture();
  const routes: RouteOptions[] = [];
  let app: NestFastifyApplication;
  try {
    app = await createApp({
      env: { ...TEST_ENV, DATABASE_URL: database.url, ...options.env },
      logDestination: logs,
      onRoute: (route) => routes.push(route),
    });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    if (!options.database) await database.drop();
    throw error;
  }
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    api: new ApiClient(baseUrl),
    baseUrl,
    config: app.get<AppConfig>(APP_CONFIG),
    dataSource: app.get(DataSource),
    database,
    routes,
    logs,
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}
