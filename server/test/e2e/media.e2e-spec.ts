import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { ErrorCode, type ErrorBody, type UploadMediaResponse } from '@careerside/shared';
import { png, upload, wav } from '../support/museum-fixtures';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

describe('media uploads and serving', () => {
  let t: TestApp;
  let mediaDir: string;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let student: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'careerside-media-'));
    t = await startTestApp({
      env: { MEDIA_DIR: mediaDir, MEDIA_MAX_IMAGE_MB: '1', MEDIA_MAX_AUDIO_MB: '2' },
    });
    admin = await signIn(t.api, 'admin');
    student = await signIn(t.api, 'student');
  });
  afterAll(async () => {
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const uploadAsAdmin = (data: Buffer | string, options?: Parameters<typeof upload>[3]) =>
    upload(t.api, admin.token, data, options);

  it('stores a PNG with WebP renditions, content-addressed, and answers the same record for the same bytes', async () => {
    const image = await png(2000, 1000);
    const first = await uploadAsAdmin(image, { filename: '封面.png', type: 'image/png' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      kind: 'image',
      mime: 'image/png',
      width: 2000,
      height: 1000,
      durationMs: null,
      duplicate: false,
    } satisfies Partial<UploadMediaResponse>);
    expect(first.body.url).toMatch(/^\/api\/media\/[0-9a-f]{64}\.png$/);
    expect(first.body.webpUrl).toMatch(/^\/api\/media\/[0-9a-f]{64}-w1600\.webp$/);
    expect(first.body.thumbUrl).toMatch(/^\/api\/media\/[0-9a-f]{64}-w480\.webp$/);

    const webp = await fetch(`${t.baseUrl}${first.body.webpUrl}`);
    expect(webp.status).toBe(200);
    expect(webp.headers.get('content-type')).toBe('image/webp');
    expect(webp.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const meta = await sharp(Buffer.from(await webp.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 1600, height: 800 });
    const thumb = await sharp(
      Buffer.from(await (await fetch(`${t.baseUrl}${first.body.thumbUrl}`)).arrayBuffer()),
    ).metadata();
    expect(thumb.width).toBe(480);

    const again = await uploadAsAdmin(image, { filename: 'copy.png', type: 'image/png' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true });
  });

  it('strips metadata from stored images', async () => {
    const withExif = await sharp(await png(40, 30))
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret-location' } } })
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const stored = await uploadAsAdmin(withExif, { filename: 'photo.jpg', type: 'image/jpeg' });
    expect(stored.status).toBe(201);
    const file = Buffer.from(await (await fetch(`${t.baseUrl}${stored.body.url}`)).arrayBuffer());
    expect((await sharp(file).metadata()).exif).toBeUndefined();
    expect(file.includes(Buffer.from('secret-location'))).toBe(false);
  });

  it('serves byte ranges for audio and 304 for a matching ETag', async () => {
    const audio = await uploadAsAdmin(wav(1.5), { filename: 'guide.wav', type: 'audio/wav' });
    expect(audio.status).toBe(201);
    expect(audio.body).toMatchObject({ kind: 'audio', mime: 'audio/wav', durationMs: 1500, webpUrl: null });
    const url = `${t.baseUrl}${audio.body.url}`;

    const part = await fetch(url, { headers: { range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${audio.body.bytes}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);

    const tail = await fetch(url, { headers: { range: 'bytes=-10' } });
    expect(tail.status).toBe(206);
    expect((await tail.arrayBuffer()).byteLength).toBe(10);

    const outside = await fetch(url, { headers: { range: `bytes=${audio.body.bytes + 5}-` } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${audio.body.bytes}`);

    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    const etag = whole.headers.get('etag') ?? '';
    await whole.arrayBuffer();
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it.each([
    [
      'an HTML page named .png',
      '<html><body><script>alert(1)</script></body></html>',
      'evil.png',
      'image/png',
    ],
    [
      'an SVG with a script',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'logo.png',
      'image/png',
    ],
    ['plain text named .mp3', 'just some words, not audio at all', 'guide.mp3', 'audio/mpeg'],
    [
      'a PDF named .jpg',
      '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << >> endobj',
      'scan.jpg',
      'image/jpeg',
    ],
  ])('refuses %s by its real type with 415', async (_, content, filename, type) => {
    const response = await uploadAsAdmin(content, { filename, type });
    expect(response.status).toBe(415);
    expect((response.body as unknown as ErrorBody).code).toBe(ErrorCode.MediaTypeNotAllowed);
  });

  it('refuses a GIF (a real image of a type not accepted) and a truncated PNG', async () => {
    const gif = await sharp(await png(10, 10))
      .gif()
      .toBuffer();
    const refused = await uploadAsAdmin(gif, { filename: 'a.gif', type: 'image/gif' });
    expect(refused.status).toBe(415);
    const broken = (await png(200, 200, { noise: true })).subarray(0, 300);
    const unreadable = await uploadAsAdmin(broken, { filename: 'broken.png', type: 'image/png' });
    expect(unreadable.status).toBe(422);
    expect((unreadable.body as unknown as ErrorBody).code).toBe(ErrorCode.MediaUnreadable);
  });

  it('answers 413 for an image over its limit and for any file over the largest limit', async () => {
    const bigImage = await png(800, 800, { noise: true });
    expect(bigImage.length).toBeGreaterThan(1024 * 1024);
    const image = await uploadAsAdmin(bigImage, { filename: 'big.png', type: 'image/png' });
    expect(image.status).toBe(413);
    expect(image.body as unknown as ErrorBody).toMatchObject({
      code: ErrorCode.MediaTooLarge,
      message: '文件过大，不能超过 1 MB',
    });

    const bigAudio = await uploadAsAdmin(wav(200), { filename: 'long.wav', type: 'audio/wav' });
    expect(bigAudio.status).toBe(413);
    expect((bigAudio.body as unknown as ErrorBody).code).toBe(ErrorCode.MediaTooLarge);
  });

  it('needs a multipart body with a part named file', async () => {
    const json = await admin.api.post<ErrorBody>('admin/media', { file: 'aGVsbG8=' });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe(ErrorCode.MediaFileMissing);
    const wrongField = await uploadAsAdmin(await png(), { field: 'picture', filename: 'a.png' });
    expect(wrongField.status).toBe(400);
    expect((wrongField.body as unknown as ErrorBody).code).toBe(ErrorCode.MediaFileMissing);
  });

  it('keeps every other route JSON only', async () => {
    const form = new FormData();
    form.append('title', 'x');
    const response = await fetch(t.api.url('admin/museum/halls'), {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}` },
      body: form,
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as ErrorBody).code).toBe(ErrorCode.UnsupportedMediaType);
  });

  it('lets only staff upload', async () => {
    const response = await upload(t.api, student.token, await png(), {
      filename: 'a.png',
      type: 'image/png',
    });
    expect(response.status).toBe(403);
    const anonymous = await fetch(t.api.url('admin/media'), { method: 'POST', body: new FormData() });
    expect(anonymous.status).toBe(401);
  });

  it.each([
    'nope.png',
    `${'a'.repeat(64)}.png`,
    `${'a'.repeat(64)}.svg`,
    '..%2F..%2Fpackage.json',
    `${'A'.repeat(64)}.png`,
  ])('answers 404 for the unknown or malformed key %s', async (key) => {
    const response = await fetch(`${t.baseUrl}/api/media/${key}`);
    expect(response.status).toBe(404);
  });
});
