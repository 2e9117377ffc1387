import {
  type AdminExhibitDto,
  type AdminHallDto,
  type AdvisingTopic,
  type ExhibitCardDto,
  type ExhibitDto,
  type ExhibitLinkDto,
  type HallDto,
  type KeySector,
  type MediaDto,
  type RichTextNode,
} from '@careerside/shared';
import type { MuseumExhibitEntity } from './museum-exhibit.entity';
import type { MuseumHallEntity } from './museum-hall.entity';

/** The advising topic an exhibit's "book an advisor" opens when staff did not pick one. */
export function advisingTopicOf(keySector: KeySector | null, chosen: AdvisingTopic | null): AdvisingTopic {
  if (chosen) return chosen;
  if (keySector === 'education_grassroots_west') return 'grassroots';
  return keySector ? 'key_sectors' : 'career_planning';
}

export interface HallFacts {
  media: ReadonlyMap<string, MediaDto>;
  exhibitCounts: ReadonlyMap<string, number>;
  followerCounts: ReadonlyMap<string, number>;
  following: ReadonlySet<string>;
}

export function toHallDto(hall: MuseumHallEntity, facts: HallFacts): HallDto {
  return {
    id: hall.id,
    title: hall.title,
    subtitle: hall.subtitle,
    cover: (hall.coverMediaId && facts.media.get(hall.coverMediaId)) || null,
    position: hall.position,
    status: hall.status,
    publishedAt: hall.publishedAt?.toISOString() ?? null,
    exhibitCount: facts.exhibitCounts.get(hall.id) ?? 0,
    followerCount: facts.followerCounts.get(hall.id) ?? 0,
    following: facts.following.has(hall.id),
  };
}

export function toAdminHallDto(
  hall: MuseumHallEntity,
  facts: HallFacts & { allCounts: ReadonlyMap<string, number> },
): AdminHallDto {
  const dto = toHallDto(hall, facts);
  return {
    ...dto,
    draftCount: (facts.allCounts.get(hall.id) ?? 0) - dto.exhibitCount,
    updatedAt: hall.updatedAt.toISOString(),
  };
}

export interface ExhibitFacts {
  media: ReadonlyMap<string, MediaDto>;
  tags: ReadonlyMap<string, string[]>;
  hallTitles: ReadonlyMap<string, string>;
}

export function toExhibitCard(exhibit: MuseumExhibitEntity, facts: ExhibitFacts): ExhibitCardDto {
  return {
    id: exhibit.id,
    hallId: exhibit.hallId,
    hallTitle: facts.hallTitles.get(exhibit.hallId) ?? '',
    title: exhibit.title,
    summary: exhibit.summary,
    cover: (exhibit.coverMediaId && facts.media.get(exhibit.coverMediaId)) || null,
    keySector: exhibit.keySector,
    tags: facts.tags.get(exhibit.id) ?? [],
    alumniNames: exhibit.alumni.map((alumnus) => alumnus.name),
    hasAudio: exhibit.audioMediaId !== null,
    position: exhibit.position,
    status: exhibit.status,
    publishedAt: exhibit.publishedAt?.toISOString() ?? null,
    viewCount: exhibit.viewCount,
    likeCount: exhibit.likeCount,
  };
}

export interface ExhibitDetailFacts extends ExhibitFacts {
  body: RichTextNode[];
  liked: boolean;
  favourited: boolean;
  previous: ExhibitLinkDto | null;
  next: ExhibitLinkDto | null;
}

export function toExhibitDto(exhibit: MuseumExhibitEntity, facts: ExhibitDetailFacts): ExhibitDto {
  const audio = exhibit.audioMediaId ? facts.media.get(exhibit.audioMediaId) : undefined;
  return {
    ...toExhibitCard(exhibit, facts),
    body: facts.body,
    gallery: exhibit.gallery.flatMap((item) => {
      const media = facts.media.get(item.mediaId);
      return media ? [{ media, caption: item.caption }] : [];
    }),
    audioGuide: audio ? { media: audio, transcript: exhibit.transcript } : null,
    videoUrl: exhibit.videoUrl,
    alumni: exhibit.alumni,
    advisingTopic: advisingTopicOf(exhibit.keySector, exhibit.advisingTopic),
    favouriteCount: exhibit.favouriteCount,
    liked: facts.liked,
    favourited: facts.favourited,
    previous: facts.previous,
    next: facts.next,
  };
}

export function toAdminExhibitDto(exhibit: MuseumExhibitEntity, facts: ExhibitDetailFacts): AdminExhibitDto {
  return {
    ...toExhibitDto(exhibit, facts),
    markdown: exhibit.body,
    coverMediaId: exhibit.coverMediaId,
    audioMediaId: exhibit.audioMediaId,
    firstPublishedAt: exhibit.firstPublishedAt?.toISOString() ?? null,
    updatedAt: exhibit.updatedAt.toISOString(),
  };
}

export function toExhibitLink(exhibit: MuseumExhibitEntity | null): ExhibitLinkDto | null {
  return exhibit ? { id: exhibit.id, title: exhibit.title } : null;
}

/** Every media id an exhibit refers to. */
export function mediaIdsOf(exhibit: MuseumExhibitEntity): string[] {
  return [exhibit.coverMediaId, exhibit.audioMediaId, ...exhibit.gallery.map((item) => item.mediaId)].filter(
    (id): id is string => id !== null,
  );
}
