import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { ByteRange, MediaStorage } from './media-storage';

const KEY = /^[0-9a-f]{64}(?:-w\d{2,4})?\.[a-z0-9]{2,4}$/;

/** Media on the local disk, two levels of folders by key prefix so no folder grows huge. */
export class LocalMediaStorage implements MediaStorage {
  readonly driver = 'local';

  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    // Keys come from our own hashing; anything else never reaches the file system.
    if (!KEY.test(key)) throw new Error(`Not a media key: ${key}`);
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    if ((await this.size(key)) === data.length) return;
    await mkdir(join(path, '..'), { recursive: true });
    // Write then rename: a reader never sees half a file, and two writers of one key write the same bytes.
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, data);
    await rename(temporary, path);
  }

  async size(key: string): Promise<number | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? info.size : null;
    } catch {
      return null;
    }
  }

  read(key: string, range?: ByteRange): Promise<Readable> {
    return Promise.resolve(
      createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end } : {}),
    );
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
