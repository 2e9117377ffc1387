import { createHash } from 'node:crypto';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { inlineScriptHashes, WebApp } from './web-app';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe(inlineScriptHashes.name, () => {
  it('hashes each non-empty inline script and skips external ones', () => {
    const html =
      '<script>window.__TARO=1;</script><script src="/js/app.1a2b3c4d.js"></script><script type="text/javascript">  </script>';
    expect(inlineScriptHashes(html)).toEqual([sha256('window.__TARO=1;')]);
  });
});

describe(WebApp.name, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'careerside-webapp-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('notices a build that appears, changes and disappears while it runs, looking at most once a second', async () => {
    let now = 0;
    const webApp = new WebApp(dir, () => now);
    expect(webApp.available).toBe(false);
    expect(webApp.inlineScriptHashes()).toEqual([]);

    await writeFile(join(dir, 'index.html'), '<script>a()</script>');
    now += 999;
    expect(webApp.available).toBe(false);
    now += 1;
    expect(webApp.available).toBe(true);
    expect(webApp.inlineScriptHashes()).toEqual([sha256('a()')]);

    await writeFile(join(dir, 'index.html'), '<script>b()</script><script>c()</script>');
    // A later mtime, as a rebuild gives; the same second would hide the change on coarse file systems.
    const later = new Date(Date.now() + 5000);
    await utimes(join(dir, 'index.html'), later, later);
    expect(webApp.inlineScriptHashes()).toEqual([sha256('a()')]);
    now += 1000;
    expect(webApp.inlineScriptHashes()).toEqual([sha256('b()'), sha256('c()')]);

    await rm(join(dir, 'index.html'));
    now += 1000;
    expect(webApp.available).toBe(false);
  });
});
