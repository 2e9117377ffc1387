import type { Readable } from 'node:stream';

/** Byte range of a partial read, both ends inclusive (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where media files live. Keys are content-addressed (`<sha256>[-variant].<ext>`), so a key is written once
 * and never changes; `put` of an existing key is a no-op. The local disk is the default; an S3-compatible
 * object store implements the same four methods.
 */
export interface MediaStorage {
  readonly driver: string;
  put(key: string, data: Buffer): Promise<void>;
  /** Size in bytes, or null when there is no such object. */
  size(key: string): Promise<number | null>;
  read(key: string, range?: ByteRange): Promise<Readable>;
  remove(key: string): Promise<void>;
}

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');
