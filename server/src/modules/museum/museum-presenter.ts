import { Injectable } from '@nestjs/common';
import {
  type AdminExhibitDto,
  type AdminHallDto,
  type ExhibitCardDto,
  type ExhibitDto,
  type HallDto,
  MuseumReaction,
} from '@careerside/shared';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { MediaService } from '../media/media.service';
import type { MuseumExhibitEntity } from './museum-exhibit.entity';
import type { MuseumHallEntity } from './museum-hall.entity';
import { MuseumEngagementRepository } from './museum-engagement.repository';
import {
  type ExhibitDetailFacts,
  mediaIdsOf,
  toAdminExhibitDto,
  toAdminHallDto,
  toExhibitCard,
  toExhibitDto,
  toExhibitLink,
  toHallDto,
} from './museum.mapper';
import { MuseumRepository } from './museum.repository';
import { markdownToNodes } from './rich-text/markdown-to-nodes';

/** Gathers what the mappers need (media, tags, counts, the viewer's own state) in a few set-based reads. */
@Injectable()
export class MuseumPresenter {
  constructor(
    private readonly museum: MuseumRepository,
    private readonly engagement: MuseumEngagementRepository,
    private readonly media: MediaService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  renderBody(markdown: string) {
    return markdownToNodes(markdown, { mediaBaseUrl: this.config.media.publicBaseUrl });
  }

  async halls(halls: MuseumHallEntity[], viewerId: string): Promise<HallDto[]> {
    const ids = halls.map((hall) => hall.id);
    const [media, exhibitCounts, followerCounts, following] = await Promise.all([
      this.media.dtosByIds(halls.map((hall) => hall.coverMediaId)),
      this.museum.exhibitCounts(ids, { publishedOnly: true }),
      this.engagement.followerCounts(ids),
      this.engagement.followedHallIds(viewerId, ids),
    ]);
    return halls.map((hall) => toHallDto(hall, { media, exhibitCounts, followerCounts, following }));
  }

  async adminHalls(halls: MuseumHallEntity[], viewerId: string): Promise<AdminHallDto[]> {
    const ids = halls.map((hall) => hall.id);
    const [media, exhibitCounts, allCounts, followerCounts, following] = await Promise.all([
      this.media.dtosByIds(halls.map((hall) => hall.coverMediaId)),
      this.museum.exhibitCounts(ids, { publishedOnly: true }),
      this.museum.exhibitCounts(ids, { publishedOnly: false }),
      this.engagement.followerCounts(ids),
      this.engagement.followedHallIds(viewerId, ids),
    ]);
    return halls.map((hall) =>
      toAdminHallDto(hall, { media, exhibitCounts, allCounts, followerCounts, following }),
    );
  }

  async cards(
    exhibits: MuseumExhibitEntity[],
    hallTitles?: ReadonlyMap<string, string>,
  ): Promise<ExhibitCardDto[]> {
    const [media, tags, titles] = await Promise.all([
      this.media.dtosByIds(exhibits.map((exhibit) => exhibit.coverMediaId)),
      this.museum.tagsOf(exhibits.map((exhibit) => exhibit.id)),
      hallTitles ?? this.hallTitles(exhibits),
    ]);
    return exhibits.map((exhibit) => toExhibitCard(exhibit, { media, tags, hallTitles: titles }));
  }

  async exhibit(
    exhibit: MuseumExhibitEntity,
    hall: MuseumHallEntity,
    viewerId: string,
    publishedOnly: boolean,
  ): Promise<ExhibitDto> {
    return toExhibitDto(exhibit, await this.detailFacts(exhibit, hall, viewerId, publishedOnly));
  }

  async adminExhibit(
    exhibit: MuseumExhibitEntity,
    hall: MuseumHallEntity,
    viewerId: string,
  ): Promise<AdminExhibitDto> {
    return toAdminExhibitDto(exhibit, await this.detailFacts(exhibit, hall, viewerId, false));
  }

  private async detailFacts(
    exhibit: MuseumExhibitEntity,
    hall: MuseumHallEntity,
    viewerId: string,
    publishedOnly: boolean,
  ): Promise<ExhibitDetailFacts> {
    const [media, tags, reactions, neighbours] = await Promise.all([
      this.media.dtosByIds(mediaIdsOf(exhibit)),
      this.museum.tagsOf([exhibit.id]),
      this.engagement.reactionsOf(viewerId, exhibit.id),
      this.museum.neighbours(exhibit, { publishedOnly }),
    ]);
    return {
      media,
      tags,
      hallTitles: new Map([[hall.id, hall.title]]),
      body: this.renderBody(exhibit.body),
      liked: reactions.has(MuseumReaction.Like),
      favourited: reactions.has(MuseumReaction.Favourite),
      previous: toExhibitLink(neighbours.previous),
      next: toExhibitLink(neighbours.next),
    };
  }

  private async hallTitles(exhibits: MuseumExhibitEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(exhibits.map((exhibit) => exhibit.hallId))];
    const halls = await Promise.all(ids.map((id) => this.museum.findHall(id)));
    return new Map(halls.filter((hall) => hall !== null).map((hall) => [hall.id, hall.title]));
  }
}
