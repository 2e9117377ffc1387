import { isAbsolute, resolve } from 'node:path';
import type { EnvReader } from './env-reader';

const MB = 1024 * 1024;

/** Where uploaded media lives and how big it may be (issue 7). */
export interface MediaConfig {
  /** Only the local disk is implemented; the storage interface is where an object store plugs in. */
  storage: { driver: 'local'; dir: string };
  maxImageBytes: number;
  maxAudioBytes: number;
  /** A CDN or object-store origin that serves the same keys; null serves them from `/api/media`. */
  publicBaseUrl: string | null;
}

/** The Pocket Employment Museum (issue 7). */
export interface MuseumConfig {
  /** How often buffered exhibit views are written; a page view never waits for its count. */
  viewFlushMs: number;
}

export function parseMediaConfig(read: EnvReader, cwd: string): MediaConfig {
  const dir = read.raw('MEDIA_DIR');
  read.oneOf('MEDIA_STORAGE', ['local'] as const, 'local');
  const publicBase = read.raw('MEDIA_PUBLIC_BASE_URL');
  return {
    storage: {
      driver: 'local',
      dir: dir === undefined ? resolve(cwd, 'data', 'media') : isAbsolute(dir) ? dir : resolve(cwd, dir),
    },
    maxImageBytes: read.integer('MEDIA_MAX_IMAGE_MB', 10, { min: 1, max: 100 }) * MB,
    maxAudioBytes: read.integer('MEDIA_MAX_AUDIO_MB', 30, { min: 1, max: 500 }) * MB,
    publicBaseUrl: publicBase === undefined ? null : read.httpUrl('MEDIA_PUBLIC_BASE_URL', publicBase),
  };
}

export function parseMuseumConfig(read: EnvReader): MuseumConfig {
  return {
    viewFlushMs: read.integer('MUSEUM_VIEW_FLUSH_MS', 2000, { min: 50, max: 600_000 }),
  };
}
