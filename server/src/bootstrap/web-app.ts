import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname, join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

// webpack's [contenthash] in a file name (app.3f9a1c2e.js, 123.8d1e6f0a.chunk.css): safe to cache for a year.
const HASHED_FILE = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i;

/** CSP source expressions for the inline <script> blocks of an HTML page (Taro's template has one). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((match) => match[1] ?? '')
    .filter((body) => body.trim().length > 0)
    .map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
}

/** How long what is known about index.html is trusted before it is looked at again. */
const RECHECK_MS = 1000;

/**
 * The H5 build of the mini-program. Looked at again (one stat) at most once a second, so a build that appears
 * or is rebuilt while the server runs is served within a second, with a CSP that matches its index.html. Every
 * response carries that CSP: a stat per request cost more than the rest of a cached API answer's headers.
 */
export class WebApp {
  private indexMtimeMs: number | null = null;
  private hashes: string[] = [];
  private checkedAt = -Infinity;
  private present = false;

  constructor(
    readonly distDir: string,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get available(): boolean {
    return this.refresh();
  }

  /** For the CSP script-src directive: the hashes of index.html's inline scripts as it is now. */
  inlineScriptHashes(): string[] {
    this.refresh();
    return this.hashes;
  }

  private refresh(): boolean {
    const now = this.now();
    if (now - this.checkedAt < RECHECK_MS) return this.present;
    this.checkedAt = now;
    this.present = this.look();
    return this.present;
  }

  private look(): boolean {
    const indexPath = join(this.distDir, 'index.html');
    let mtimeMs: number;
    try {
      mtimeMs = statSync(indexPath).mtimeMs;
    } catch {
      this.indexMtimeMs = null;
      // The same array while nothing changes: callers compare it to notice a change.
      if (this.hashes.length > 0) this.hashes = [];
      return false;
    }
    if (mtimeMs !== this.indexMtimeMs) {
      try {
        this.hashes = inlineScriptHashes(readFileSync(indexPath, 'utf8'));
        this.indexMtimeMs = mtimeMs;
      } catch {
        return false;
      }
    }
    return true;
  }
}

/**
 * Serves the H5 app at `/` with browser-history routing: a GET outside /api that names no file gets
 * index.html. Without a build, `/` answers a small JSON pointer to the API docs.
 */
export async function registerWebApp(app: NestFastifyApplication, webApp: WebApp): Promise<void> {
  await app.register(fastifyStatic, { root: webApp.distDir, serve: false, cacheControl: false });
  app
    .getHttpAdapter()
    .getInstance()
    .route({
      method: 'GET',
      url: '/*',
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const path = request.url.split('?')[0] ?? '/';
        if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
        if (!webApp.available) {
          return path === '/' ? reply.send(NOT_BUILT) : reply.callNotFound();
        }
        const file = await findFile(webApp.distDir, path);
        if (file) {
          void reply.header('cache-control', cacheControlFor(file));
          return reply.sendFile(file);
        }
        if (extname(path) !== '') return reply.callNotFound();
        void reply.header('cache-control', 'no-cache');
        return reply.sendFile('index.html');
      },
    });
}

const NOT_BUILT = {
  name: 'careerside',
  message: 'The H5 app is not built here (npm run build:h5); the API is under /api.',
  docs: '/api/docs',
  health: '/api/health',
};

async function findFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^[/\\]+/, '');
  if (relative === '' || relative.split(sep).includes('..')) return null;
  try {
    return (await stat(join(root, relative))).isFile() ? relative : null;
  } catch {
    return null;
  }
}

function cacheControlFor(file: string): string {
  if (basename(file) === 'index.html') return 'no-cache';
  return HASHED_FILE.test(basename(file)) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
}
