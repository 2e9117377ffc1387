import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type/core';
import sharp from 'sharp';
import { MEDIA_TYPES, MediaKind } from '@careerside/shared';
import {
  MediaTooLargeException,
  MediaTypeNotAllowedException,
  MediaUnreadableException,
} from './media.exception';

export interface MediaLimits {
  maxImageBytes: number;
  maxAudioBytes: number;
}

export interface MediaFile {
  key: string;
  data: Buffer;
}

/** What an upload becomes: the files to store and the facts to record. */
export interface ProcessedMedia {
  kind: MediaKind;
  mime: string;
  sha256: string;
  storageKey: string;
  webpKey: string | null;
  thumbKey: string | null;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  bytes: number;
  files: MediaFile[];
}

const EXTENSION: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/wav': 'wav',
};

const SHARP_FORMAT: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export const MEDIA_VARIANTS = { display: 1600, thumb: 480 } as const;
// The stored "original" is re-encoded without metadata (phone photos carry GPS positions) and capped in size.
const MAX_ORIGINAL_EDGE = 2560;
const MAX_INPUT_PIXELS = 50_000_000;

/** The real type of the bytes, from their magic numbers; the name and declared type play no part. */
export async function sniffMediaType(
  data: Buffer,
): Promise<{ kind: MediaKind; mime: string } | { kind: null; mime: string | null }> {
  const detected = await fileTypeFromBuffer(data);
  const mime = detected?.mime ?? null;
  if (mime && MEDIA_TYPES.image.includes(mime)) return { kind: MediaKind.Image, mime };
  if (mime && MEDIA_TYPES.audio.includes(mime)) return { kind: MediaKind.Audio, mime };
  return { kind: null, mime };
}

export async function processUpload(data: Buffer, limits: MediaLimits): Promise<ProcessedMedia> {
  const sniffed = await sniffMediaType(data);
  if (sniffed.kind === null) throw new MediaTypeNotAllowedException(sniffed.mime);
  const sha256 = createHash('sha256').update(data).digest('hex');
  if (sniffed.kind === MediaKind.Image) {
    if (data.length > limits.maxImageBytes) throw new MediaTooLargeException(limits.maxImageBytes);
    return processImage(data, sniffed.mime, sha256);
  }
  if (data.length > limits.maxAudioBytes) throw new MediaTooLargeException(limits.maxAudioBytes);
  const ext = EXTENSION[sniffed.mime] ?? 'bin';
  const mime = sniffed.mime === 'audio/x-m4a' ? 'audio/mp4' : sniffed.mime;
  const storageKey = `${sha256}.${ext}`;
  return {
    kind: MediaKind.Audio,
    mime,
    sha256,
    storageKey,
    webpKey: null,
    thumbKey: null,
    width: null,
    height: null,
    durationMs: ext === 'wav' ? wavDurationMs(data) : null,
    bytes: data.length,
    files: [{ key: storageKey, data }],
  };
}

async function processImage(data: Buffer, mime: string, sha256: string): Promise<ProcessedMedia> {
  const input = () => sharp(data, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS });
  let format: string | undefined;
  try {
    format = (await input().metadata()).format;
  } catch (error) {
    throw new MediaUnreadableException(error instanceof Error ? error.message : 'not a decodable image');
  }
  // The decoder must agree with the magic bytes: a polyglot that sniffs as PNG but decodes as SVG is refused.
  if (format !== SHARP_FORMAT[mime])
    throw new MediaTypeNotAllowedException(format ? `image/${format}` : null);

  const ext = EXTENSION[mime] ?? 'jpg';
  try {
    const oriented = () =>
      input().rotate().resize({
        width: MAX_ORIGINAL_EDGE,
        height: MAX_ORIGINAL_EDGE,
        fit: 'inside',
        withoutEnlargement: true,
      });
    const original =
      mime === 'image/png'
        ? oriented().png({ compressionLevel: 9 })
        : mime === 'image/webp'
          ? oriented().webp({ quality: 85 })
          : oriented().jpeg({ quality: 85, mozjpeg: true });
    const { data: originalData, info } = await original.toBuffer({ resolveWithObject: true });
    const variant = (width: number, quality: number) =>
      input().rotate().resize({ width, withoutEnlargement: true }).webp({ quality }).toBuffer();
    const [display, thumb] = await Promise.all([
      variant(MEDIA_VARIANTS.display, 80),
      variant(MEDIA_VARIANTS.thumb, 75),
    ]);
    const storageKey = `${sha256}.${ext}`;
    const webpKey = `${sha256}-w${MEDIA_VARIANTS.display}.webp`;
    const thumbKey = `${sha256}-w${MEDIA_VARIANTS.thumb}.webp`;
    return {
      kind: MediaKind.Image,
      mime,
      sha256,
      storageKey,
      webpKey,
      thumbKey,
      width: info.width,
      height: info.height,
      durationMs: null,
      bytes: originalData.length,
      files: [
        { key: storageKey, data: originalData },
        { key: webpKey, data: display },
        { key: thumbKey, data: thumb },
      ],
    };
  } catch (error) {
    throw new MediaUnreadableException(
      error instanceof Error ? error.message : 'the image could not be processed',
    );
  }
}

/** Duration of a PCM WAV file from its `fmt ` byte rate and `data` size; null when the header is odd. */
export function wavDurationMs(data: Buffer): number | null {
  if (data.length < 12 || data.toString('ascii', 0, 4) !== 'RIFF' || data.toString('ascii', 8, 12) !== 'WAVE')
    return null;
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= data.length) {
    const id = data.toString('ascii', offset, offset + 4);
    const size = data.readUInt32LE(offset + 4);
    if (id === 'fmt ' && offset + 16 <= data.length) byteRate = data.readUInt32LE(offset + 16);
    if (id === 'data') {
      const bytes = Math.min(size, data.length - offset - 8);
      return byteRate > 0 ? Math.round((bytes / byteRate) * 1000) : null;
    }
    offset += 8 + size + (size % 2);
  }
  return null;
}

/** The content type a stored key is served with. */
export function contentTypeOfKey(key: string): string | null {
  const ext = key.slice(key.lastIndexOf('.') + 1);
  const types: Record<string, string> = {
    jpg: 'image/jpeg',
    png: 'image/png',
    webp: 'image/webp',
    mp3: 'audio/mpeg',
    m4a: 'audio/mp4',
    aac: 'audio/aac',
    wav: 'audio/wav',
  };
  return types[ext] ?? null;
}
