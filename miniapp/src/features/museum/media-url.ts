import type { MediaDto } from '@careerside/shared';
import { env } from '@/config/env';

// Media URLs arrive root-relative (`/api/media/...`). H5 is served from the API's origin, so they work as they
// are; weapp needs the absolute origin of the API base.
const API_ORIGIN = /^https?:\/\/[^/]+/i.exec(env.apiBase)?.[0] ?? '';

export function resolveMediaUrl(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? `${API_ORIGIN}${url}` : url;
}

/** The best rendition for the place: thumbnails for cards, the 1600 px WebP for heroes, the original otherwise. */
export function imageUrl(
  media: MediaDto | null | undefined,
  size: 'thumb' | 'display' | 'original' = 'display',
): string {
  if (!media) return '';
  const url =
    size === 'thumb'
      ? (media.thumbUrl ?? media.url)
      : size === 'display'
        ? (media.webpUrl ?? media.url)
        : media.url;
  return resolveMediaUrl(url);
}
