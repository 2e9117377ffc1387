import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import helmet from 'helmet';
import { helmetHeaders } from './security';

const options = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"] },
  },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: false,
} as const;

describe(helmetHeaders.name, () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const middleware = helmet(options);
    server = createServer((request, response) => middleware(request, response, () => response.end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('records exactly the headers helmet sets on a real response', async () => {
    const response = await fetch(url);
    const recorded = new Map(
      helmetHeaders(helmet(options)).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const sent = new Map(
      [...response.headers.entries()].filter(
        ([name]) =>
          !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name),
      ),
    );
    expect(recorded.size).toBeGreaterThan(8);
    expect(recorded).toEqual(sent);
  });

  it('refuses options whose headers vary per request', () => {
    let nonce = 0;
    const perRequest = helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'self'"], scriptSrc: [() => `'nonce-${(nonce += 1)}'`] },
      },
    });
    expect(() => helmetHeaders(perRequest)).toThrow(/vary per request/);
  });
});
