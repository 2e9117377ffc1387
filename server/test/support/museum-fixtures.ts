import sharp from 'sharp';
import {
  type AdminExhibitDto,
  type AdminHallDto,
  type CreateExhibitRequest,
  MuseumRoute,
  type UploadMediaResponse,
  routePath,
} from '@careerside/shared';
import type { ApiClient, ApiResponse } from './api-client';

/** A real PNG of this size and colour (noise makes it large and incompressible). */
export function png(
  width = 64,
  height = 48,
  options: { noise?: boolean; colour?: string } = {},
): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: options.colour ?? '#1f4e96',
      ...(options.noise ? { noise: { type: 'gaussian' as const, mean: 128, sigma: 60 } } : {}),
    },
  })
    .png()
    .toBuffer();
}

/** A PCM WAV of silence, `seconds` long at 8 kHz mono. */
export function wav(seconds: number): Buffer {
  const sampleRate = 8000;
  const dataBytes = Math.round(seconds * sampleRate) * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(dataBytes, 40);
  return Buffer.concat([header, Buffer.alloc(dataBytes)]);
}

/** POSTs one multipart part named `field` (default `file`) the way wx.uploadFile and browsers do. */
export async function upload<T = UploadMediaResponse>(
  api: ApiClient,
  token: string,
  data: Buffer | string,
  options: { filename?: string; type?: string; field?: string } = {},
): Promise<ApiResponse<T>> {
  const form = new FormData();
  form.append(
    options.field ?? 'file',
    new Blob([data], { type: options.type ?? 'application/octet-stream' }),
    options.filename ?? 'upload.bin',
  );
  const response = await fetch(api.url('admin/media'), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: (isJson ? JSON.parse(text) : text) as T,
  };
}

/** Staff-side shortcuts for building a museum through the real API. */
export class MuseumBuilder {
  constructor(
    private readonly admin: ApiClient,
    private readonly token: string,
  ) {}

  async image(colour = '#1f4e96'): Promise<UploadMediaResponse> {
    const response = await upload(this.admin, this.token, await png(80, 60, { colour }), {
      filename: 'cover.png',
      type: 'image/png',
    });
    if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${response.text}`);
    return response.body;
  }

  async hall(title: string, options: { publish?: boolean; cover?: boolean } = {}): Promise<AdminHallDto> {
    const cover = options.cover === false ? null : (await this.image()).id;
    const created = await this.admin.post<AdminHallDto>(MuseumRoute.admin.halls, {
      title,
      coverMediaId: cover,
    });
    if (created.status !== 201) throw new Error(`hall failed: ${created.status} ${created.text}`);
    if (options.publish === false) return created.body;
    const published = await this.admin.post<AdminHallDto>(
      routePath(MuseumRoute.admin.hallPublish, { id: created.body.id }),
    );
    if (published.status !== 200)
      throw new Error(`hall publish failed: ${published.status} ${published.text}`);
    return published.body;
  }

  async exhibit(
    hallId: string,
    title: string,
    extra: Partial<CreateExhibitRequest> & { publish?: boolean } = {},
  ): Promise<AdminExhibitDto> {
    const { publish, ...fields } = extra;
    const created = await this.admin.post<AdminExhibitDto>(MuseumRoute.admin.exhibits, {
      hallId,
      title,
      summary: `${title}的故事`,
      body: `## ${title}\n\n一段正文。`,
      coverMediaId: (await this.image('#c9952c')).id,
      ...fields,
    } satisfies CreateExhibitRequest);
    if (created.status !== 201) throw new Error(`exhibit failed: ${created.status} ${created.text}`);
    if (publish === false) return created.body;
    const published = await this.admin.post<AdminExhibitDto>(
      routePath(MuseumRoute.admin.exhibitPublish, { id: created.body.id }),
    );
    if (published.status !== 200)
      throw new Error(`exhibit publish failed: ${published.status} ${published.text}`);
    return published.body;
  }
}
