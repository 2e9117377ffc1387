import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import {
  type ExhibitDto,
  type HallDetailResponse,
  type HallListResponse,
  MuseumRoute,
  type ReflectionRoomDto,
  ReflectionRoute,
  routePath,
} from '@careerside/shared';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the demo museum seed', () => {
  let t: TestApp;
  let mediaDir: string;

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'careerside-seed-'));
    t = await startTestApp({ env: { MEDIA_DIR: mediaDir, SEED_DEMO: 'true' } });
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  it('opens four published halls of four stories each, with generated covers, audio and prompts', async () => {
    const student = await signIn(t.api, 'student');
    const halls = await student.api.get<HallListResponse>(MuseumRoute.halls);
    expect(halls.body.items.map((hall) => hall.title)).toEqual([
      '星辰大海厅',
      '光与热厅',
      '方寸芯光厅',
      '山海之间厅',
    ]);
    for (const hall of halls.body.items) {
      expect(hall.exhibitCount).toBeGreaterThanOrEqual(4);
      const cover = await fetch(`${t.baseUrl}${hall.cover?.webpUrl}`);
      expect(cover.status).toBe(200);
      expect((await sharp(Buffer.from(await cover.arrayBuffer())).metadata()).width).toBe(960);
    }

    const first = await student.api.get<HallDetailResponse>(
      routePath(MuseumRoute.hall, { id: halls.body.items[0].id }),
    );
    const exhibit = await student.api.get<ExhibitDto>(
      routePath(MuseumRoute.exhibit, { id: first.body.exhibits[0].id }),
    );
    expect(exhibit.body.audioGuide).toMatchObject({ media: { kind: 'audio', durationMs: 24_000 } });
    expect(exhibit.body.audioGuide?.transcript).toContain('星辰大海厅');
    expect(exhibit.body.gallery.length).toBeGreaterThan(0);
    expect(exhibit.body.body.length).toBeGreaterThan(3);
    const audio = await fetch(`${t.baseUrl}${exhibit.body.audioGuide?.media.url}`, {
      headers: { range: 'bytes=0-3' },
    });
    expect(audio.status).toBe(206);
    expect(Buffer.from(await audio.arrayBuffer()).toString('ascii')).toBe('RIFF');

    const rooms = await student.api.get<{ items: ReflectionRoomDto[] }>(ReflectionRoute.rooms);
    expect(rooms.body.items).toHaveLength(4);
  });
});
