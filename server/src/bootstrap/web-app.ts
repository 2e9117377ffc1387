import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname, join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The H5 build of the mini-program, when it exists. */
export interface WebApp {
  distDir: string;
  available: boolean;
  /** CSP hashes of the inline <script> blocks in index.html (Taro's template has one). */
  inlineScriptHashes: string[];
}

// webpack's [contenthash] in a file name (app.3f9a1c2e.js, 123.8d1e6f0a.chunk.css): safe to cache for a year.
const HASHED_FILE = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i;

export function inspectWebApp(distDir: string): WebApp {
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) return { distDir, available: false, inlineScriptHashes: [] };
  const html = readFileSync(indexPath, 'utf8');
  const inlineScriptHashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((match) => match[1])
    .filter((body) => body.trim().length > 0)
    .map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  return { distDir, available: true, inlineScriptHashes };
}

/**
 * Serves the H5 app at `/` with browser-history routing: a GET outside /api that names no file gets
 * index.html. Files are looked up per request, so a rebuilt app is served without a restart.
 */
export async function registerWebApp(app: NestFastifyApplication, webApp: WebApp): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  if (!webApp.available) {
    fastify.get('/', (_request, reply) => {
      void reply.send({
        name: 'careerside',
        message: 'The H5 app is not built here (npm run build:h5); the API is under /api.',
        docs: '/api/docs',
        health: '/api/health',
      });
    });
    return;
  }

  await app.register(fastifyStatic, { root: webApp.distDir, serve: false, cacheControl: false });
  fastify.route({
    method: 'GET',
    url: '/*',
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
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
