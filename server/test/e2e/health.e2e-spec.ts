import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, type ErrorBody, type HealthResponse } from '@careerside/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// The project's machines run Redis here; TEST_REDIS_URL points elsewhere.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('GET /api/health', () => {
  let database: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    t = await startTestApp({ database });
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  it('answers 200 ok with a database round trip, without a token', async () => {
    const response = await t.api.get<HealthResponse>('health');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({
      status: 'ok',
      database: { status: 'ok', type: database.kind, latencyMs: expect.any(Number) },
      redis: { status: 'disabled' },
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      uptimeSeconds: expect.any(Number),
    });
  });

  it('answers 503 SERVICE_UNAVAILABLE while the database is down, and recovers', async () => {
    await t.dataSource.destroy();
    try {
      const response = await t.api.get<ErrorBody>('health');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ statusCode: 503, code: ErrorCode.ServiceUnavailable });
      expect(response.body.details?.[0]?.field).toBe('database');
    } finally {
      await t.dataSource.initialize();
    }
    expect((await t.api.get('health')).status).toBe(200);
  });

  it('reports Redis when REDIS_URL is set', async () => {
    const withRedis = await startTestApp({ database, env: { REDIS_URL } });
    try {
      const response = await withRedis.api.get<HealthResponse>('health');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'ok', redis: { status: 'ok' } });
    } finally {
      await withRedis.close();
    }
  });

  describe('when Redis does not answer', () => {
    let blackHole: Server;
    const sockets = new Set<Socket>();

    beforeAll(async () => {
      // Accepts connections and never speaks: a hung Redis.
      blackHole = createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => blackHole.close(resolve));
    });

    it.each([
      ['refused connections', () => 'redis://127.0.0.1:1'],
      ['a server that never answers', () => `redis://127.0.0.1:${(blackHole.address() as AddressInfo).port}`],
    ])('stays 200 but degraded with %s', async (_, url) => {
      const withBrokenRedis = await startTestApp({ database, env: { REDIS_URL: url() } });
      try {
        const response = await withBrokenRedis.api.get<HealthResponse>('health');
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({
          status: 'degraded',
          database: { status: 'ok' },
          redis: { status: 'down' },
        });
      } finally {
        await withBrokenRedis.close();
      }
    });
  });
});
