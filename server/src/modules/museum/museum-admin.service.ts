import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AdminExhibitDto,
  type AdminHallDto,
  type CreateExhibitRequest,
  type CreateHallRequest,
  type ExhibitCardDto,
  MediaKind,
  type PreviewMarkdownResponse,
  PublicationStatus,
  type PublishExhibitResponse,
  type UpdateExhibitRequest,
  type UpdateHallRequest,
} from '@careerside/shared';
import { RequestValidationException, ResourceNotFoundException } from '../../common/errors/common.exceptions';
import { runInTransaction } from '../../database/transactions';
import { MediaService } from '../media/media.service';
import type { UserEntity } from '../users/user.entity';
import { MuseumExhibitEntity } from './museum-exhibit.entity';
import { MuseumHallEntity } from './museum-hall.entity';
import {
  MediaReferenceInvalidException,
  MuseumContentIncompleteException,
  ReorderMismatchException,
} from './museum.exception';
import { MuseumFollowerNotifier } from './museum-follower-notifier';
import { MuseumPresenter } from './museum-presenter';
import { MuseumRepository } from './museum.repository';

/** The staff CMS: halls and exhibits are created as drafts, edited, ordered, previewed, published and withdrawn. */
@Injectable()
export class MuseumAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly museum: MuseumRepository,
    private readonly media: MediaService,
    private readonly presenter: MuseumPresenter,
    private readonly notifier: MuseumFollowerNotifier,
  ) {}

  async listHalls(actor: UserEntity): Promise<{ items: AdminHallDto[] }> {
    const halls = await this.museum.listHalls({ publishedOnly: false });
    return { items: await this.presenter.adminHalls(halls, actor.id) };
  }

  async hall(actor: UserEntity, id: string): Promise<AdminHallDto> {
    const [dto] = await this.presenter.adminHalls([await this.requireHall(id)], actor.id);
    return dto;
  }

  async createHall(actor: UserEntity, request: CreateHallRequest): Promise<AdminHallDto> {
    await this.checkMedia({ coverMediaId: request.coverMediaId ?? null }, []);
    const now = new Date();
    const hall = Object.assign(new MuseumHallEntity(), {
      id: randomUUID(),
      title: request.title,
      subtitle: request.subtitle ?? null,
      coverMediaId: request.coverMediaId ?? null,
      position: await this.museum.nextHallPosition(),
      status: PublicationStatus.Draft,
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    } satisfies MuseumHallEntity);
    await this.museum.insertHall(hall);
    return this.hall(actor, hall.id);
  }

  async updateHall(actor: UserEntity, id: string, request: UpdateHallRequest): Promise<AdminHallDto> {
    await this.requireHall(id);
    if (request.coverMediaId !== undefined) await this.checkMedia({ coverMediaId: request.coverMediaId }, []);
    await this.museum.updateHall(
      id,
      definedOnly({ title: request.title, subtitle: request.subtitle, coverMediaId: request.coverMediaId }),
    );
    return this.hall(actor, id);
  }

  async setHallPublished(actor: UserEntity, id: string, published: boolean): Promise<AdminHallDto> {
    const hall = await this.requireHall(id);
    if (published && !hall.coverMediaId) throw new MuseumContentIncompleteException(['coverMediaId']);
    if (published !== (hall.status === PublicationStatus.Published)) {
      await this.museum.updateHall(id, {
        status: published ? PublicationStatus.Published : PublicationStatus.Draft,
        publishedAt: published ? new Date() : null,
      });
    }
    return this.hall(actor, id);
  }

  async reorderHalls(actor: UserEntity, ids: string[]): Promise<{ items: AdminHallDto[] }> {
    const halls = await this.museum.listHalls({ publishedOnly: false });
    assertSameSet(
      halls.map((hall) => hall.id),
      ids,
    );
    await runInTransaction(this.dataSource, (manager) =>
      this.museum.setPositions(MuseumHallEntity, ids, manager),
    );
    return this.listHalls(actor);
  }

  /** Every exhibit of a hall, drafts included, in order. */
  async hallExhibits(id: string): Promise<{ items: ExhibitCardDto[] }> {
    const hall = await this.requireHall(id);
    const rows = await this.museum.listHallExhibits(id, { publishedOnly: false, after: null, limit: 1000 });
    return { items: await this.presenter.cards(rows, new Map([[hall.id, hall.title]])) };
  }

  async reorderExhibits(hallId: string, ids: string[]): Promise<{ items: ExhibitCardDto[] }> {
    await this.requireHall(hallId);
    assertSameSet(await this.museum.listAllExhibitIds(hallId), ids);
    await runInTransaction(this.dataSource, (manager) =>
      this.museum.setPositions(MuseumExhibitEntity, ids, manager),
    );
    return this.hallExhibits(hallId);
  }

  async exhibit(actor: UserEntity, id: string): Promise<AdminExhibitDto> {
    const exhibit = await this.requireExhibit(id);
    return this.presenter.adminExhibit(exhibit, await this.requireHall(exhibit.hallId), actor.id);
  }

  async createExhibit(actor: UserEntity, request: CreateExhibitRequest): Promise<AdminExhibitDto> {
    if (!(await this.museum.findHall(request.hallId))) {
      throw new RequestValidationException([{ field: 'hallId', message: 'hallId names no hall' }]);
    }
    await this.checkMedia(request, request.gallery ?? []);
    const now = new Date();
    const exhibit = Object.assign(new MuseumExhibitEntity(), {
      id: randomUUID(),
      hallId: request.hallId,
      title: request.title,
      summary: request.summary,
      body: request.body,
      coverMediaId: request.coverMediaId ?? null,
      gallery: (request.gallery ?? []).map((item) => ({
        mediaId: item.mediaId,
        caption: item.caption ?? null,
      })),
      audioMediaId: request.audioMediaId ?? null,
      transcript: request.transcript ?? null,
      videoUrl: request.videoUrl ?? null,
      alumni: request.alumni ?? [],
      keySector: request.keySector ?? null,
      advisingTopic: request.advisingTopic ?? null,
      position: await this.museum.nextExhibitPosition(request.hallId),
      status: PublicationStatus.Draft,
      publishedAt: null,
      firstPublishedAt: null,
      viewCount: 0,
      likeCount: 0,
      favouriteCount: 0,
      createdAt: now,
      updatedAt: now,
    } satisfies MuseumExhibitEntity);
    await runInTransaction(this.dataSource, (manager) =>
      this.museum.insertExhibit(exhibit, request.tags ?? [], manager),
    );
    return this.exhibit(actor, exhibit.id);
  }

  async updateExhibit(
    actor: UserEntity,
    id: string,
    request: UpdateExhibitRequest,
  ): Promise<AdminExhibitDto> {
    const exhibit = await this.requireExhibit(id);
    const moving = request.hallId !== undefined && request.hallId !== exhibit.hallId;
    if (moving && !(await this.museum.findHall(request.hallId as string))) {
      throw new RequestValidationException([{ field: 'hallId', message: 'hallId names no hall' }]);
    }
    await this.checkMedia(request, request.gallery ?? []);
    const changes = definedOnly<MuseumExhibitEntity>({
      hallId: request.hallId,
      title: request.title,
      summary: request.summary,
      body: request.body,
      coverMediaId: request.coverMediaId,
      gallery: request.gallery?.map((item) => ({ mediaId: item.mediaId, caption: item.caption ?? null })),
      audioMediaId: request.audioMediaId,
      transcript: request.transcript,
      videoUrl: request.videoUrl,
      alumni: request.alumni,
      keySector: request.keySector,
      advisingTopic: request.advisingTopic,
    });
    if (moving) changes.position = await this.museum.nextExhibitPosition(request.hallId as string);
    await runInTransaction(this.dataSource, async (manager) => {
      await this.museum.updateExhibit(id, changes, manager);
      if (request.tags !== undefined) await this.museum.replaceTags(id, request.tags, manager);
    });
    return this.exhibit(actor, id);
  }

  /**
   * Publishing makes the exhibit visible (once its hall is) and, the first time, tells the hall's followers in
   * the same transaction (the notification outbox): either both happen or neither.
   */
  async publishExhibit(actor: UserEntity, id: string): Promise<PublishExhibitResponse> {
    const exhibit = await this.requireExhibit(id);
    const missing = [!exhibit.coverMediaId && 'coverMediaId', !exhibit.body.trim() && 'body'].filter(
      (field): field is string => typeof field === 'string',
    );
    if (missing.length > 0) throw new MuseumContentIncompleteException(missing);
    const hall = await this.requireHall(exhibit.hallId);
    const notifiedFollowers = await runInTransaction(this.dataSource, async (manager: EntityManager) => {
      if (exhibit.status === PublicationStatus.Published) return 0;
      const now = new Date();
      const first = exhibit.firstPublishedAt === null;
      await this.museum.updateExhibit(
        id,
        {
          status: PublicationStatus.Published,
          publishedAt: now,
          ...(first ? { firstPublishedAt: now } : {}),
        },
        manager,
      );
      if (!first || hall.status !== PublicationStatus.Published) return 0;
      return this.notifier.notifyFollowers(manager, { ...exhibit, publishedAt: now }, hall);
    });
    return { ...(await this.exhibit(actor, id)), notifiedFollowers };
  }

  async unpublishExhibit(actor: UserEntity, id: string): Promise<AdminExhibitDto> {
    const exhibit = await this.requireExhibit(id);
    if (exhibit.status !== PublicationStatus.Draft) {
      await this.museum.updateExhibit(id, { status: PublicationStatus.Draft, publishedAt: null });
    }
    return this.exhibit(actor, id);
  }

  preview(markdown: string): PreviewMarkdownResponse {
    return { body: this.presenter.renderBody(markdown) };
  }

  private async requireHall(id: string): Promise<MuseumHallEntity> {
    const hall = await this.museum.findHall(id);
    if (!hall) throw new ResourceNotFoundException('Hall');
    return hall;
  }

  private async requireExhibit(id: string): Promise<MuseumExhibitEntity> {
    const exhibit = await this.museum.findExhibit(id);
    if (!exhibit) throw new ResourceNotFoundException('Exhibit');
    return exhibit;
  }

  /** Covers and gallery items must be images, the audio guide audio. */
  private async checkMedia(
    refs: { coverMediaId?: string | null; audioMediaId?: string | null },
    gallery: readonly { mediaId: string }[],
  ): Promise<void> {
    const images = [
      ...(refs.coverMediaId ? [{ field: 'coverMediaId', id: refs.coverMediaId }] : []),
      ...gallery.map((item, index) => ({ field: `gallery.${index}.mediaId`, id: item.mediaId })),
    ];
    const audio = refs.audioMediaId ? [{ field: 'audioMediaId', id: refs.audioMediaId }] : [];
    const [badImages, badAudio] = await Promise.all([
      this.media.invalidReferences(
        images.map((ref) => ref.id),
        MediaKind.Image,
      ),
      this.media.invalidReferences(
        audio.map((ref) => ref.id),
        MediaKind.Audio,
      ),
    ]);
    const fields = [
      ...images.filter((ref) => badImages.includes(ref.id)).map((ref) => ref.field),
      ...audio.filter((ref) => badAudio.includes(ref.id)).map((ref) => ref.field),
    ];
    if (fields.length > 0) throw new MediaReferenceInvalidException(fields);
  }
}

function definedOnly<T>(changes: { [K in keyof T]?: T[K] | undefined }): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function assertSameSet(current: readonly string[], proposed: readonly string[]): void {
  const unique = new Set(proposed);
  if (
    unique.size !== proposed.length ||
    unique.size !== current.length ||
    current.some((id) => !unique.has(id))
  ) {
    throw new ReorderMismatchException();
  }
}
