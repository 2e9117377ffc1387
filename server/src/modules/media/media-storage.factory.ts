import type { MediaConfig } from '../../config/media-config';
import { LocalMediaStorage } from './local-media-storage';
import type { MediaStorage } from './media-storage';
import { S3MediaStorage } from './s3-media-storage';

/** The storage MEDIA_STORAGE names: the local disk (default) or an S3-compatible bucket. */
export function createMediaStorage(config: MediaConfig): MediaStorage {
  return config.storage.driver === 's3'
    ? new S3MediaStorage(config.storage)
    : new LocalMediaStorage(config.storage.dir);
}
