import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type MediaDto, type MediaKind, type UploadMediaResponse } from '@careerside/shared';
import { ResourceNotFoundException } from '../../common/errors/common.exceptions';
import { DomainException } from '../../common/errors/domain.exception';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { isUniqueViolation } from '../../database/database-errors';
import type { UserEntity } from '../users/user.entity';
import { MediaEntity } from './media.entity';
import { toMediaDto } from './media.mapper';
import { contentTypeOfKey, processUpload } from './media-processor';
import { MEDIA_STORAGE, type MediaStorage } from './media-storage';
import { MediaRepository } from './media.repository';
import type { ReceivedFile } from './media-upload';

const SERVED_KEY = /^[0-9a-f]{64}(?:-w\d{2,4})?\.(?:jpg|png|webp|mp3|m4a|aac|wav)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface MediaFileAnswer {
  status: number;
  headers: Record<string, string>;
  body: Readable | null;
}

@Injectable()
export class MediaService {
  readonly urlBase: string;

  constructor(
    private readonly media: MediaRepository,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.urlBase = config.media.publicBaseUrl ?? '/api/media';
  }

  /** The largest upload of any kind: the multipart reader stops there, the kind's own limit is checked after. */
  get maxUploadBytes(): number {
    return Math.max(this.config.media.maxImageBytes, this.config.media.maxAudioBytes);
  }

  async upload(actor: UserEntity, file: ReceivedFile): Promise<UploadMediaResponse> {
    const processed = await processUpload(file.data, this.config.media);
    const existing = await this.media.findBySha256(processed.sha256);
    // Files first, then the record: a record never points at a file that is not there.
    for (const stored of processed.files) await this.storage.put(stored.key, stored.data);
    if (existing) return { ...toMediaDto(existing, this.urlBase), duplicate: true };

    const now = new Date();
    const entity = Object.assign(new MediaEntity(), {
      id: randomUUID(),
      kind: processed.kind,
      mime: processed.mime,
      bytes: processed.bytes,
      sha256: processed.sha256,
      storageKey: processed.storageKey,
      webpKey: processed.webpKey,
      thumbKey: processed.thumbKey,
      width: processed.width,
      height: processed.height,
      durationMs: processed.durationMs,
      originalName: file.filename,
      uploadedBy: actor.id,
      createdAt: now,
      updatedAt: now,
    } satisfies MediaEntity);
    try {
      await this.media.insert(entity);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const raced = await this.media.findBySha256(processed.sha256);
      if (raced) return { ...toMediaDto(raced, this.urlBase), duplicate: true };
      throw error;
    }
    return { ...toMediaDto(entity, this.urlBase), duplicate: false };
  }

  /** Media records by id, mapped for the wire; unknown ids are absent from the map. */
  async dtosByIds(ids: readonly (string | null | undefined)[]): Promise<Map<string, MediaDto>> {
    const rows = await this.media.findByIds(ids.filter((id): id is string => typeof id === 'string'));
    return new Map([...rows].map(([id, row]) => [id, toMediaDto(row, this.urlBase)]));
  }

  /** The ids among these that do not name media of this kind. */
  async invalidReferences(ids: readonly string[], kind: MediaKind): Promise<string[]> {
    const rows = await this.media.findByIds(ids);
    return ids.filter((id) => rows.get(id)?.kind !== kind);
  }

  /** A stored file with its caching headers, whole or the one byte range asked for. */
  async open(key: string, rangeHeader?: string, ifNoneMatch?: string): Promise<MediaFileAnswer> {
    const contentType = SERVED_KEY.test(key) ? contentTypeOfKey(key) : null;
    const size = contentType ? await this.storage.size(key) : null;
    if (!contentType || size === null) throw new ResourceNotFoundException('Media');
    const etag = `"${key}"`;
    const headers: Record<string, string> = {
      'content-type': contentType,
      'cache-control': IMMUTABLE,
      etag,
      'accept-ranges': 'bytes',
    };
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) {
      return { status: HttpStatus.NOT_MODIFIED, headers, body: null };
    }
    const range = rangeHeader ? parseRange(rangeHeader, size) : undefined;
    if (range === null) {
      throw new DomainException(
        ErrorCode.BadRequest,
        HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
        'Range not satisfiable',
        undefined,
        {
          headers: { 'content-range': `bytes */${size}` },
        },
      );
    }
    if (range) {
      return {
        status: HttpStatus.PARTIAL_CONTENT,
        headers: {
          ...headers,
          'content-range': `bytes ${range.start}-${range.end}/${size}`,
          'content-length': String(range.end - range.start + 1),
        },
        body: await this.storage.read(key, range),
      };
    }
    return {
      status: HttpStatus.OK,
      headers: { ...headers, 'content-length': String(size) },
      body: await this.storage.read(key),
    };
  }
}

/**
 * One `bytes=` range (audio players seek with these). Undefined: serve the whole file (no range, several
 * ranges, or a unit we do not speak); null: not satisfiable.
 */
export function parseRange(header: string, size: number): { start: number; end: number } | null | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from, to] = match;
  if (from === '' && to === '') return undefined;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return null;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return null;
  return { start, end };
}
