import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { inspectWebApp } from './web-app';

describe(inspectWebApp.name, () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reports a missing build', () => {
    expect(inspectWebApp('/nonexistent/h5')).toEqual({
      distDir: '/nonexistent/h5',
      available: false,
      inlineScriptHashes: [],
    });
  });

  it('hashes each non-empty inline script of index.html for the CSP, and skips external ones', async () => {
    dir = await mkdtemp(join(tmpdir(), 'careerside-webapp-'));
    const inline = 'window.__TARO=1;';
    await writeFile(
      join(dir, 'index.html'),
      `<script>${inline}</script><script src="/js/app.1a2b3c4d.js"></script><script type="text/javascript">  </script>`,
    );
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(inspectWebApp(dir)).toEqual({
      distDir: dir,
      available: true,
      inlineScriptHashes: [`'sha256-${hash}'`],
    });
  });
});
