import type { MediaKind } from '../enums/museum.enum';
import type { IsoDateTime } from './common.contract';

/**
 * An uploaded image or audio file. URLs are root-relative (`/api/media/<sha256>.jpg`) unless a CDN base is
 * configured; the app prefixes its API origin on weapp. Names are content-addressed, so a URL never changes
 * what it points at and is cached for a year.
 */
export interface MediaDto {
  id: string;
  kind: MediaKind;
  /** The stored file's real type, e.g. `image/jpeg` or `audio/mpeg`. */
  mime: string;
  bytes: number;
  url: string;
  /** Images: a WebP rendition no wider than 1600 px. */
  webpUrl: string | null;
  /** Images: a WebP thumbnail no wider than 480 px. */
  thumbUrl: string | null;
  width: number | null;
  height: number | null;
  /** Audio: the length when it could be read from the file. */
  durationMs: number | null;
  createdAt: IsoDateTime;
}

/** `POST /api/admin/media`: multipart/form-data with one part named `file`. */
export interface UploadMediaResponse extends MediaDto {
  /** True when the same bytes had been uploaded before (the earlier record is answered). */
  duplicate: boolean;
}
