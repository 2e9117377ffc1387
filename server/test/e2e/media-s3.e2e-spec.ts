import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { UploadMediaResponse } from '@careerside/shared';
import { png, upload, wav } from '../support/museum-fixtures';
import { S3Standin } from '../support/s3-standin';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

describe('media in an S3-compatible bucket (MEDIA_STORAGE=s3)', () => {
  let s3: S3Standin;
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    s3 = await S3Standin.start();
    t = await startTestApp({
      env: {
        MEDIA_STORAGE: 's3',
        S3_ENDPOINT: s3.url,
        S3_BUCKET: s3.bucket,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: 'standin-secret-key',
        S3_PREFIX: 'media/',
      },
    });
    admin = await signIn(t.api, 'admin');
  });
  afterAll(async () => {
    await t.close();
    await s3.stop();
  });

  it('stores the file and its renditions as signed objects under the prefix, with type and cache headers', async () => {
    const image = await png(1000, 600);
    const response = await upload<UploadMediaResponse>(t.api, admin.token, image, {
      filename: 'a.png',
      type: 'image/png',
    });
    expect(response.status).toBe(201);
    const key = response.body.url.replace('/api/media/', '');
    expect([...s3.objects.keys()].sort()).toEqual(
      [
        `media/${key}`,
        `media/${key.replace('.png', '-w1600.webp')}`,
        `media/${key.replace('.png', '-w480.webp')}`,
      ].sort(),
    );
    expect(s3.objects.get(`media/${key}`)).toMatchObject({
      contentType: 'image/png',
      cacheControl: 'public, max-age=31536000, immutable',
    });
    expect(s3.requests.every((request) => request.authorization?.startsWith('AWS4-HMAC-SHA256'))).toBe(true);

    const served = await fetch(`${t.baseUrl}${response.body.url}`);
    expect(served.status).toBe(200);
    expect(
      Buffer.from(await served.arrayBuffer()).equals(s3.objects.get(`media/${key}`)?.body ?? Buffer.alloc(0)),
    ).toBe(true);

    // The same bytes again: nothing is written twice.
    const puts = s3.requests.filter((request) => request.method === 'PUT').length;
    const again = await upload<UploadMediaResponse>(t.api, admin.token, image, {
      filename: 'b.png',
      type: 'image/png',
    });
    expect(again.body.duplicate).toBe(true);
    expect(s3.requests.filter((request) => request.method === 'PUT').length).toBe(puts);
  });

  it('serves byte ranges from the bucket, and 404 for a key it does not hold', async () => {
    const audio = await upload<UploadMediaResponse>(t.api, admin.token, wav(1), {
      filename: 'g.wav',
      type: 'audio/wav',
    });
    const part = await fetch(`${t.baseUrl}${audio.body.url}`, { headers: { range: 'bytes=0-3' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-3/${audio.body.bytes}`);
    expect(Buffer.from(await part.arrayBuffer()).toString('ascii')).toBe('RIFF');
    expect((await fetch(`${t.baseUrl}/api/media/${'e'.repeat(64)}.png`)).status).toBe(404);
  });
});
