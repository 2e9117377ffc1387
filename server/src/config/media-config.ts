import { isAbsolute, resolve } from 'node:path';
import type { EnvReader } from './env-reader';

const MB = 1024 * 1024;

export interface LocalStorageConfig {
  driver: 'local';
  dir: string;
}

/** Any S3-compatible object store (AWS S3, MinIO, Aliyun OSS, Tencent COS ...). */
export interface S3StorageConfig {
  driver: 's3';
  bucket: string;
  region: string;
  /** Null for AWS itself; the store's address otherwise. */
  endpoint: string | null;
  /** Path-style addressing (`endpoint/bucket/key`), which most self-hosted stores need. */
  forcePathStyle: boolean;
  /** Null: the SDK's own chain (environment, shared files, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** Prepended to every key, e.g. `media/`. */
  prefix: string;
}

/** Where uploaded media lives and how big it may be (issue 7). */
export interface MediaConfig {
  storage: LocalStorageConfig | S3StorageConfig;
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

export const MEDIA_STORAGE_DRIVERS = ['local', 's3'] as const;

export function parseMediaConfig(read: EnvReader, cwd: string): MediaConfig {
  const driver = read.oneOf('MEDIA_STORAGE', MEDIA_STORAGE_DRIVERS, 'local');
  const publicBase = read.raw('MEDIA_PUBLIC_BASE_URL');
  return {
    storage: driver === 's3' ? parseS3(read) : parseLocal(read, cwd),
    maxImageBytes: read.integer('MEDIA_MAX_IMAGE_MB', 10, { min: 1, max: 100 }) * MB,
    maxAudioBytes: read.integer('MEDIA_MAX_AUDIO_MB', 30, { min: 1, max: 500 }) * MB,
    publicBaseUrl: publicBase === undefined ? null : read.httpUrl('MEDIA_PUBLIC_BASE_URL', publicBase),
  };
}

function parseLocal(read: EnvReader, cwd: string): LocalStorageConfig {
  const dir = read.raw('MEDIA_DIR');
  return {
    driver: 'local',
    dir: dir === undefined ? resolve(cwd, 'data', 'media') : isAbsolute(dir) ? dir : resolve(cwd, dir),
  };
}

function parseS3(read: EnvReader): S3StorageConfig {
  const bucket = read.optionalString('S3_BUCKET');
  if (bucket === null) read.fail('S3_BUCKET', 'is required when MEDIA_STORAGE=s3');
  else if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    read.fail(
      'S3_BUCKET',
      `must be a bucket name of 3-63 lowercase letters, digits, dots and hyphens (got "${bucket}")`,
    );
  }
  const endpointRaw = read.raw('S3_ENDPOINT');
  const endpoint = endpointRaw === undefined ? null : read.httpUrl('S3_ENDPOINT', endpointRaw);
  const accessKeyId = read.optionalString('S3_ACCESS_KEY_ID');
  const secretAccessKey = read.optionalString('S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === null) !== (secretAccessKey === null)) {
    read.fail(
      accessKeyId === null ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY',
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together',
    );
  }
  const prefix = read.string('S3_PREFIX', '');
  if (!/^([A-Za-z0-9_.-]+\/)*$/.test(prefix)) {
    read.fail('S3_PREFIX', `must be empty or folder names ending in "/", e.g. media/ (got "${prefix}")`);
  }
  return {
    driver: 's3',
    bucket: bucket ?? '',
    region: read.string('S3_REGION', 'us-east-1'),
    endpoint,
    forcePathStyle: read.boolean('S3_FORCE_PATH_STYLE', endpoint !== null),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : null,
    prefix,
  };
}

export function parseMuseumConfig(read: EnvReader): MuseumConfig {
  return {
    viewFlushMs: read.integer('MUSEUM_VIEW_FLUSH_MS', 2000, { min: 50, max: 600_000 }),
  };
}
