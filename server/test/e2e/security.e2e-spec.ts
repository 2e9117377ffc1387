import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app';

describe('security headers and CORS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL: 'http://careers.example.edu.cn' } });
  });
  afterAll(() => t.close());

  it('sends security headers on API answers, including errors', async () => {
    for (const path of ['health', 'no-such-route']) {
      const { headers } = await t.api.get(path);
      expect(headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(headers.get('content-security-policy')).toContain("object-src 'none'");
      // No H5 build here, so nothing inline is allowed.
      expect(headers.get('content-security-policy')).toContain("script-src 'self';");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('cross-origin-resource-policy')).toBe('same-site');
      // The public address is plain HTTP here: no HSTS and no upgrade of insecure requests.
      expect(headers.get('strict-transport-security')).toBeNull();
      expect(headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    }
  });

  it.each(['http://careers.example.edu.cn', 'http://localhost:10086'])(
    'allows the default origin %s, including a preflight with Authorization',
    async (origin) => {
      const preflight = await t.api.request('OPTIONS', 'me/profile', {
        headers: {
          origin,
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');

      const actual = await t.api.get('health', { headers: { origin } });
      expect(actual.headers.get('access-control-allow-origin')).toBe(origin);
      expect(actual.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('x-request-id');
    },
  );

  it('does not allow other origins', async () => {
    const response = await t.api.get('health', { headers: { origin: 'https://evil.example.com' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('follows CORS_ORIGINS and sends HSTS when the public address is HTTPS', async () => {
    const custom = await startTestApp({
      env: { CORS_ORIGINS: 'https://h5.example.edu.cn', PUBLIC_URL: 'https://careers.example.edu.cn' },
    });
    try {
      const allowed = await custom.api.get('health', { headers: { origin: 'https://h5.example.edu.cn' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://h5.example.edu.cn');
      const formerDefault = await custom.api.get('health', { headers: { origin: 'http://localhost:10086' } });
      expect(formerDefault.headers.get('access-control-allow-origin')).toBeNull();
      expect(allowed.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(allowed.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    } finally {
      await custom.close();
    }
  });
});
