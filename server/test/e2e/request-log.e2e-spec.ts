import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

// The request log is written by Fastify hooks (bootstrap/logging.ts), not pino-http's middleware: one line per
// request, with the id, at a level that follows the status.
describe('request log', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = (await signIn(t.api, 'student')).token;
  });
  afterAll(() => t.close());

  const requestLines = (requestId: string) =>
    t.logs.lines.filter((line) => line.requestId === requestId && line.req !== undefined);

  it('writes one info line per answered request, with its id, method, url, status and time', async () => {
    const response = await t.api.get('me', { token, headers: { 'x-request-id': 'log-ok-1' } });
    expect(response.status).toBe(200);
    const line = await t.logs.waitFor((entry) => entry.requestId === 'log-ok-1' && entry.req !== undefined);
    expect(line).toMatchObject({
      level: 30,
      msg: 'request completed',
      service: 'careerside',
      req: { method: 'GET', url: '/api/me', remoteAddress: '127.0.0.1' },
      res: { statusCode: 200 },
    });
    expect(typeof line.responseTime).toBe('number');
    expect(typeof line.time).toBe('string');
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
    expect(requestLines('log-ok-1')).toHaveLength(1);
    expect(t.logs.text).not.toContain(token);
  });

  it('logs a refused request at warn', async () => {
    const response = await t.api.get('me', { headers: { 'x-request-id': 'log-401-1' } });
    expect(response.status).toBe(401);
    const line = await t.logs.waitFor((entry) => entry.requestId === 'log-401-1' && entry.req !== undefined);
    expect(line).toMatchObject({ level: 40, msg: 'request completed', res: { statusCode: 401 } });
    expect(requestLines('log-401-1')).toHaveLength(1);
  });

  it('leaves the health check out', async () => {
    const response = await t.api.get('health', { headers: { 'x-request-id': 'log-health-1' } });
    expect(response.status).toBe(200);
    // A later request's line is written after the health check's would have been.
    await t.api.get('me', { token, headers: { 'x-request-id': 'log-after-health' } });
    await t.logs.waitFor((entry) => entry.requestId === 'log-after-health' && entry.req !== undefined);
    expect(requestLines('log-health-1')).toHaveLength(0);
  });
});
