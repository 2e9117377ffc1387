import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { EnvReader, type RawEnv } from './env-reader';
import { parseMediaConfig } from './media-config';

function parse(env: RawEnv) {
  const read = new EnvReader(env);
  const config = parseMediaConfig(read, '/srv/careerside');
  return { config, issues: Object.fromEntries(read.issues.map((issue) => [issue.variable, issue.message])) };
}

describe(parseMediaConfig.name, () => {
  it('keeps media on the local disk under data/media by default', () => {
    expect(parse({})).toEqual({
      config: {
        storage: { driver: 'local', dir: resolve('/srv/careerside/data/media') },
        maxImageBytes: 10 * 1024 * 1024,
        maxAudioBytes: 30 * 1024 * 1024,
        publicBaseUrl: null,
      },
      issues: {},
    });
  });

  it('reads an S3-compatible store, path-style when an endpoint is given', () => {
    const { config, issues } = parse({
      MEDIA_STORAGE: 's3',
      S3_BUCKET: 'careerside-media',
      S3_ENDPOINT: 'http://127.0.0.1:9000/',
      S3_ACCESS_KEY_ID: 'AKID',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_PREFIX: 'media/',
    });
    expect(issues).toEqual({});
    expect(config.storage).toEqual({
      driver: 's3',
      bucket: 'careerside-media',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      prefix: 'media/',
    });
  });

  it('names every bad S3 setting', () => {
    expect(parse({ MEDIA_STORAGE: 's3', S3_ACCESS_KEY_ID: 'AKID', S3_PREFIX: '/abs' }).issues).toEqual({
      S3_BUCKET: 'is required when MEDIA_STORAGE=s3',
      S3_SECRET_ACCESS_KEY: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together',
      S3_PREFIX: expect.stringContaining('folder names'),
    });
    expect(parse({ MEDIA_STORAGE: 'ftp' }).issues.MEDIA_STORAGE).toContain('local, s3');
    expect(parse({ MEDIA_STORAGE: 's3', S3_BUCKET: 'Bad_Bucket' }).issues.S3_BUCKET).toContain('bucket name');
  });
});
