import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PublicationStatus } from '@careerside/shared';
import { MediaEntity } from '../../modules/media/media.entity';
import { processUpload } from '../../modules/media/media-processor';
import type { MediaStorage } from '../../modules/media/media-storage';
import { MuseumExhibitTagEntity } from '../../modules/museum/museum-exhibit-tag.entity';
import { MuseumExhibitEntity } from '../../modules/museum/museum-exhibit.entity';
import { MuseumHallEntity } from '../../modules/museum/museum-hall.entity';
import { ReflectionPromptEntity } from '../../modules/reflection/reflection.entity';
import { type ArtTheme, renderArt, renderChime } from './museum-art';
import { DEMO_MUSEUM } from './museum-content';

const DAY = 86_400_000;
const AUDIO_GUIDE_SECONDS = 24;
const NO_LIMITS = { maxImageBytes: 50 * 1024 * 1024, maxAudioBytes: 50 * 1024 * 1024 };

async function storeMedia(
  manager: EntityManager,
  storage: MediaStorage,
  data: Buffer,
  originalName: string,
  now: Date,
): Promise<string> {
  const processed = await processUpload(data, NO_LIMITS);
  for (const file of processed.files) await storage.put(file.key, file.data);
  const existing = await manager.findOneBy(MediaEntity, { sha256: processed.sha256 });
  if (existing) return existing.id;
  const id = randomUUID();
  await manager.insert(MediaEntity, {
    id,
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
    originalName,
    uploadedBy: null,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

function art(
  manager: EntityManager,
  storage: MediaStorage,
  theme: ArtTheme,
  variant: number,
  now: Date,
): Promise<string> {
  return renderArt(theme, variant).then((png) =>
    storeMedia(manager, storage, png, `${theme}-${variant}.png`, now),
  );
}

/**
 * The demo museum: four halls of four stories each, with generated covers, gallery pictures and audio guides,
 * and reflection prompts. Added only to a museum that has no hall yet.
 */
export async function seedMuseumDemo(
  manager: EntityManager,
  now: Date,
  storage: MediaStorage,
): Promise<string[]> {
  if ((await manager.count(MuseumHallEntity)) > 0) return [];
  let exhibitCount = 0;
  for (const [hallIndex, hall] of DEMO_MUSEUM.entries()) {
    const hallId = randomUUID();
    const hallPublishedAt = new Date(now.getTime() - 45 * DAY);
    await manager.insert(MuseumHallEntity, {
      id: hallId,
      title: hall.title,
      subtitle: hall.subtitle,
      coverMediaId: await art(manager, storage, hall.theme, 103, now),
      position: hallIndex,
      status: PublicationStatus.Published,
      publishedAt: hallPublishedAt,
      createdAt: hallPublishedAt,
      updatedAt: hallPublishedAt,
    });
    const audioId = await storeMedia(
      manager,
      storage,
      renderChime(hall.chimeHz, AUDIO_GUIDE_SECONDS),
      `${hall.theme}-guide.wav`,
      now,
    );
    for (const [index, exhibit] of hall.exhibits.entries()) {
      const id = randomUUID();
      const publishedAt = new Date(now.getTime() - exhibit.publishedDaysAgo * DAY);
      const gallery = [];
      for (const [galleryIndex, caption] of (exhibit.gallery ?? []).entries()) {
        gallery.push({
          mediaId: await art(manager, storage, hall.theme, 200 + index * 10 + galleryIndex, now),
          caption,
        });
      }
      await manager.insert(MuseumExhibitEntity, {
        id,
        hallId,
        title: exhibit.title,
        summary: exhibit.summary,
        body: exhibit.body,
        coverMediaId: await art(manager, storage, hall.theme, index, now),
        gallery,
        audioMediaId: exhibit.transcript ? audioId : null,
        transcript: exhibit.transcript ?? null,
        videoUrl: null,
        alumni: exhibit.alumni,
        keySector: exhibit.keySector,
        advisingTopic: exhibit.advisingTopic ?? null,
        position: index,
        status: PublicationStatus.Published,
        publishedAt,
        firstPublishedAt: publishedAt,
        viewCount: exhibit.views,
        likeCount: 0,
        favouriteCount: 0,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      });
      await manager.insert(
        MuseumExhibitTagEntity,
        exhibit.tags.map((tag, position) => ({ exhibitId: id, tag, position })),
      );
      exhibitCount += 1;
    }
    for (const [position, text] of hall.prompts.entries()) {
      await manager.insert(ReflectionPromptEntity, {
        id: randomUUID(),
        hallId,
        text,
        position,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  return [`museum (${DEMO_MUSEUM.length} halls, ${exhibitCount} exhibits)`];
}
