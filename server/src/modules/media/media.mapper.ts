import type { MediaDto } from '@careerside/shared';
import type { MediaEntity } from './media.entity';

/** Where media URLs point: `/api/media` on this server unless a CDN origin is configured. */
export type MediaUrlBase = string;

export function mediaUrl(base: MediaUrlBase, key: string): string {
  return `${base}/${key}`;
}

export function toMediaDto(media: MediaEntity, base: MediaUrlBase): MediaDto {
  return {
    id: media.id,
    kind: media.kind,
    mime: media.mime,
    bytes: media.bytes,
    url: mediaUrl(base, media.storageKey),
    webpUrl: media.webpKey ? mediaUrl(base, media.webpKey) : null,
    thumbUrl: media.thumbKey ? mediaUrl(base, media.thumbKey) : null,
    width: media.width,
    height: media.height,
    durationMs: media.durationMs,
    createdAt: media.createdAt.toISOString(),
  };
}
