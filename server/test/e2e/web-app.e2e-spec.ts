import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, type ErrorBody } from '@careerside/shared';
import { pollUntil } from '../support/poll';
import { startTestApp, type TestApp } from '../support/test-app';

// Shaped like a Taro H5 build: index.html with the template's inline viewport script, hashed bundles.
const INLINE_SCRIPT = '!function(n){document.documentElement.style.fontSize=n.innerWidth/20+"px"}(window);';
const INDEX_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>随身就业指导</title>
<script>${INLINE_SCRIPT}</script><link href="/css/app.5e6f7a8b.css" rel="stylesheet"></head>
<body><div id="app"></div><script src="/js/app.1a2b3c4d.js"></script></body></html>`;

/** Sends the path exactly as written (fetch would normalise `..` and `%2e%2e` away). */
function rawGet(baseUrl: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ hostname, port, path, method: 'GET' }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the H5 app at /', () => {
  let root: string;
  let dist: string;
  let t: TestApp;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'careerside-h5-'));
    dist = join(root, 'h5');
    await writeFile(join(root, 'secret.txt'), 'TOP-SECRET-OUTSIDE-THE-BUILD');
    await mkdir(join(dist, 'js'), { recursive: true });
    await mkdir(join(dist, 'css'));
    await writeFile(join(dist, 'index.html'), INDEX_HTML);
    await writeFile(join(dist, 'js', 'app.1a2b3c4d.js'), 'console.log("app")');
    await writeFile(join(dist, 'css', 'app.5e6f7a8b.css'), 'body{margin:0}');
    await writeFile(join(dist, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
    t = await startTestApp({ env: { H5_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await t.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves index.html at / without caching it', async () => {
    const response = await t.api.get<string>('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.body).toBe(INDEX_HTML);
  });

  it.each(['/pages/home/index', '/subpackages/auth/pages/login/index', '/pages/home/index?tab=jobs'])(
    'answers the browser-history route %s with index.html',
    async (path) => {
      const response = await t.api.get<string>(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.body).toBe(INDEX_HTML);
    },
  );

  it('serves hashed bundles with a year-long immutable cache', async () => {
    const script = await t.api.get<string>('/js/app.1a2b3c4d.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.body).toBe('console.log("app")');
    const style = await t.api.get('/css/app.5e6f7a8b.css');
    expect(style.headers.get('content-type')).toMatch(/text\/css/);
  });

  it('caches unhashed files briefly', async () => {
    const icon = await t.api.get('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('serves files added after start (a rebuilt app) without a restart', async () => {
    await writeFile(join(dist, 'js', 'app.9f8e7d6c.js'), 'console.log("v2")');
    const response = await t.api.get<string>('/js/app.9f8e7d6c.js');
    expect(response.status).toBe(200);
    expect(response.body).toBe('console.log("v2")');
  });

  it('answers a missing asset with 404 instead of index.html', async () => {
    const response = await t.api.get<ErrorBody>('/js/missing.deadbeef.js');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe(ErrorCode.RouteNotFound);
  });

  it.each([
    '/../secret.txt',
    '/js/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/js/..%5c..%5csecret.txt',
  ])('never serves a file outside the build for %s', async (path) => {
    const response = await rawGet(t.baseUrl, path);
    expect(response.body).not.toContain('TOP-SECRET');
    expect([200, 400, 404]).toContain(response.status);
    if (response.status === 200) expect(response.body).toBe(INDEX_HTML);
  });

  it('answers a malformed URL with 400 in the shared error shape', async () => {
    const response = await rawGet(t.baseUrl, '/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ statusCode: 400, code: ErrorCode.BadRequest });
  });

  it('keeps /api routes JSON: unknown ones are 404 ROUTE_NOT_FOUND, not the app', async () => {
    const unknown = await t.api.get<ErrorBody>('/api/pages/home');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe(ErrorCode.RouteNotFound);
    expect((await t.api.get<ErrorBody>('/api')).body.code).toBe(ErrorCode.RouteNotFound);
    expect((await t.api.get('/api/health')).status).toBe(200);
  });

  it('only falls back for GET and HEAD', async () => {
    expect((await t.api.request('HEAD', '/pages/home/index')).status).toBe(200);
    const post = await t.api.request<ErrorBody>('POST', '/pages/home/index');
    expect(post.status).toBe(404);
  });

  it("allows the template's inline script by hash in the CSP, and nothing else inline", async () => {
    const csp = (await t.api.get('/')).headers.get('content-security-policy') ?? '';
    const hash = createHash('sha256').update(INLINE_SCRIPT).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('without an H5 build', () => {
  let root: string;
  let t: TestApp;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'careerside-h5-later-'));
    t = await startTestApp({ env: { H5_DIST_DIR: join(root, 'h5') } });
  });
  afterAll(async () => {
    await t.close();
    await rm(root, { recursive: true, force: true });
  });

  it('answers / with a small JSON pointer to the API docs, and other paths with 404', async () => {
    const response = await t.api.get<{ docs: string; health: string }>('/');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'careerside', docs: '/api/docs', health: '/api/health' });
    expect((await t.api.get<ErrorBody>('/pages/home/index')).body.code).toBe(ErrorCode.RouteNotFound);
  });

  it('serves a build that appears while the server runs, with a CSP for its inline script', async () => {
    await mkdir(join(root, 'h5'));
    await writeFile(join(root, 'h5', 'index.html'), INDEX_HTML);
    // The server looks at the build again at most once a second.
    const response = await pollUntil(
      () => t.api.get<string>('/pages/home/index'),
      (answer) => answer.status === 200,
    );
    expect(response.status).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
    const hash = createHash('sha256').update(INLINE_SCRIPT).digest('base64');
    expect(response.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`);
  });
});
