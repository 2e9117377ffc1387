import { Injectable } from '@nestjs/common';
import {
  type ContinueTourResponse,
  type ExhibitDto,
  type ExhibitListResponse,
  type FollowResponse,
  type HallDetailResponse,
  type HallListResponse,
  MUSEUM_LIMITS,
  type MuseumReaction,
  type MuseumSearchQuery,
  PublicationStatus,
  type ReactionResponse,
  Role,
  type TagListResponse,
} from '@careerside/shared';
import { ResourceNotFoundException } from '../../common/errors/common.exceptions';
import type { UserEntity } from '../users/user.entity';
import { decodeExhibitCursor, encodeExhibitCursor } from './exhibit-cursor';
import type { MuseumExhibitEntity } from './museum-exhibit.entity';
import type { MuseumHallEntity } from './museum-hall.entity';
import { MuseumEngagementRepository } from './museum-engagement.repository';
import { MuseumPresenter } from './museum-presenter';
import { MuseumRepository } from './museum.repository';
import { MuseumViewCounter } from './museum-view-counter';

const DEFAULT_PAGE = 20;

/** What visitors do in the museum: browse, read, search, react, follow, and pick the tour up again. */
@Injectable()
export class MuseumService {
  constructor(
    private readonly museum: MuseumRepository,
    private readonly engagement: MuseumEngagementRepository,
    private readonly presenter: MuseumPresenter,
    private readonly views: MuseumViewCounter,
  ) {}

  async listHalls(viewer: UserEntity): Promise<HallListResponse> {
    const halls = await this.museum.listHalls({ publishedOnly: true });
    return { items: await this.presenter.halls(halls, viewer.id) };
  }

  /** A hall and a page of its exhibits. Staff may preview drafts; to anyone else a draft does not exist. */
  async hall(
    viewer: UserEntity,
    id: string,
    query: { cursor?: string; limit?: number; preview?: boolean },
  ): Promise<HallDetailResponse> {
    const preview = query.preview === true && isStaff(viewer);
    const hall = await this.visibleHall(id, preview || isStaff(viewer));
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await this.museum.listHallExhibits(hall.id, {
      publishedOnly: !preview,
      after: decodeExhibitCursor(query.cursor),
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const [dto] = await this.presenter.halls([hall], viewer.id);
    return {
      ...dto,
      exhibits: await this.presenter.cards(page, new Map([[hall.id, hall.title]])),
      nextCursor: rows.length > limit && last ? encodeExhibitCursor(last) : null,
    };
  }

  /** One exhibit. Counting the view is a note in memory: the answer never waits for it. */
  async exhibit(viewer: UserEntity, id: string): Promise<ExhibitDto> {
    const staff = isStaff(viewer);
    const { exhibit, hall } = await this.visibleExhibit(id, staff);
    const visible =
      exhibit.status === PublicationStatus.Published && hall.status === PublicationStatus.Published;
    if (visible) this.views.record(exhibit.id, viewer.id);
    return this.presenter.exhibit(exhibit, hall, viewer.id, !staff);
  }

  async search(query: MuseumSearchQuery): Promise<ExhibitListResponse> {
    const rows = await this.museum.search({
      q: query.q,
      tag: query.tag,
      keySector: query.keySector,
      limit: query.limit ?? DEFAULT_PAGE,
    });
    return { items: await this.presenter.cards(rows) };
  }

  async tags(): Promise<TagListResponse> {
    return { items: await this.museum.popularTags(30) };
  }

  /** The exhibit this visitor last opened (still on show), to continue the tour from. */
  async continueTour(viewer: UserEntity): Promise<ContinueTourResponse> {
    const pending = this.views.pendingVisitOf(viewer.id);
    const recent = await this.engagement.latestVisits(viewer.id, 5);
    const candidates = [...(pending ? [pending] : []), ...recent].sort(
      (a, b) => b.visitedAt.getTime() - a.visitedAt.getTime(),
    );
    const visible = await this.museum.findVisibleExhibits([
      ...new Set(candidates.map((visit) => visit.exhibitId)),
    ]);
    const first = candidates.find((visit) => visible.some((exhibit) => exhibit.id === visit.exhibitId));
    const exhibit = first ? visible.find((row) => row.id === first.exhibitId) : undefined;
    if (!first || !exhibit) return { exhibit: null, visitedAt: null };
    const [card] = await this.presenter.cards([exhibit]);
    return { exhibit: card, visitedAt: first.visitedAt.toISOString() };
  }

  async favourites(viewer: UserEntity): Promise<ExhibitListResponse> {
    const rows = await this.museum.favouritesOf(viewer.id, MUSEUM_LIMITS.pageSize);
    return { items: await this.presenter.cards(rows) };
  }

  /** Likes and favourites are states, not events: setting one twice leaves one, removing twice leaves none. */
  async react(
    viewer: UserEntity,
    exhibitId: string,
    reaction: MuseumReaction,
    active: boolean,
  ): Promise<ReactionResponse> {
    const { exhibit } = await this.visibleExhibit(exhibitId, false);
    if (active) await this.engagement.addReaction(viewer.id, exhibit.id, reaction);
    else await this.engagement.removeReaction(viewer.id, exhibit.id, reaction);
    const count = await this.museum.recountReactions(exhibit.id, reaction);
    return { reaction, active, count };
  }

  async follow(viewer: UserEntity, hallId: string, following: boolean): Promise<FollowResponse> {
    const hall = await this.visibleHall(hallId, false);
    if (following) await this.engagement.follow(viewer.id, hall.id);
    else await this.engagement.unfollow(viewer.id, hall.id);
    const counts = await this.engagement.followerCounts([hall.id]);
    return { following, followerCount: counts.get(hall.id) ?? 0 };
  }

  private async visibleHall(id: string, includeDrafts: boolean): Promise<MuseumHallEntity> {
    const hall = await this.museum.findHall(id);
    if (!hall || (!includeDrafts && hall.status !== PublicationStatus.Published)) {
      throw new ResourceNotFoundException('Hall');
    }
    return hall;
  }

  private async visibleExhibit(
    id: string,
    includeDrafts: boolean,
  ): Promise<{ exhibit: MuseumExhibitEntity; hall: MuseumHallEntity }> {
    const exhibit = await this.museum.findExhibit(id);
    const hall = exhibit ? await this.museum.findHall(exhibit.hallId) : null;
    const published =
      exhibit?.status === PublicationStatus.Published && hall?.status === PublicationStatus.Published;
    if (!exhibit || !hall || (!includeDrafts && !published)) throw new ResourceNotFoundException('Exhibit');
    return { exhibit, hall };
  }
}

/** Staff read drafts (the CMS preview); students never learn a draft exists. */
export function isStaff(user: UserEntity): boolean {
  return user.role === Role.Admin;
}
