import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { type KeySector, MuseumReaction, PublicationStatus } from '@careerside/shared';
import { MuseumExhibitTagEntity } from './museum-exhibit-tag.entity';
import { MuseumExhibitEntity } from './museum-exhibit.entity';
import { MuseumHallEntity } from './museum-hall.entity';
import { MuseumReactionEntity } from './museum-engagement.entity';

/** Where a page of exhibits starts: after this (position, id). */
export interface ExhibitCursor {
  position: number;
  id: string;
}

export interface ExhibitSearch {
  q?: string;
  tag?: string;
  keySector?: KeySector;
  limit: number;
}

const PUBLISHED = PublicationStatus.Published;

function likePattern(text: string): string {
  // '!' escapes LIKE wildcards the same way on MySQL and SQLite.
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** Halls, exhibits and their tags. */
@Injectable()
export class MuseumRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(MuseumHallEntity) private readonly halls: Repository<MuseumHallEntity>,
    @InjectRepository(MuseumExhibitEntity) private readonly exhibits: Repository<MuseumExhibitEntity>,
    @InjectRepository(MuseumExhibitTagEntity) private readonly tags: Repository<MuseumExhibitTagEntity>,
  ) {}

  listHalls({ publishedOnly }: { publishedOnly: boolean }): Promise<MuseumHallEntity[]> {
    return this.halls.find({
      where: publishedOnly ? { status: PUBLISHED } : {},
      order: { position: 'ASC', id: 'ASC' },
    });
  }

  findHall(id: string): Promise<MuseumHallEntity | null> {
    return this.halls.findOneBy({ id });
  }

  async nextHallPosition(): Promise<number> {
    const row = await this.halls
      .createQueryBuilder('hall')
      .select('MAX(hall.position)', 'max')
      .getRawOne<{ max: number | null }>();
    return Number(row?.max ?? -1) + 1;
  }

  async insertHall(hall: MuseumHallEntity): Promise<void> {
    await this.halls.insert(hall);
  }

  async updateHall(id: string, changes: Partial<MuseumHallEntity>, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).update(
      MuseumHallEntity,
      { id },
      { ...changes, updatedAt: new Date() },
    );
  }

  /** Published exhibits per hall (or every exhibit, drafts included). */
  async exhibitCounts(
    hallIds: readonly string[],
    { publishedOnly }: { publishedOnly: boolean },
  ): Promise<Map<string, number>> {
    if (hallIds.length === 0) return new Map();
    const query = this.exhibits
      .createQueryBuilder('exhibit')
      .select('exhibit.hallId', 'hallId')
      .addSelect('COUNT(*)', 'count')
      .where({ hallId: In([...hallIds]) })
      .groupBy('exhibit.hallId');
    if (publishedOnly) query.andWhere('exhibit.status = :published', { published: PUBLISHED });
    const rows = await query.getRawMany<{ hallId: string; count: number | string }>();
    return new Map(rows.map((row) => [row.hallId, Number(row.count)]));
  }

  /** A page of a hall's exhibits in order, one more than asked so the caller knows whether more follow. */
  listHallExhibits(
    hallId: string,
    { publishedOnly, after, limit }: { publishedOnly: boolean; after: ExhibitCursor | null; limit: number },
  ): Promise<MuseumExhibitEntity[]> {
    const query = this.exhibits.createQueryBuilder('exhibit').where('exhibit.hallId = :hallId', { hallId });
    if (publishedOnly) query.andWhere('exhibit.status = :published', { published: PUBLISHED });
    if (after) {
      query.andWhere(
        new Brackets((where) =>
          where
            .where('exhibit.position > :position', { position: after.position })
            .orWhere('(exhibit.position = :position AND exhibit.id > :afterId)', { afterId: after.id }),
        ),
      );
    }
    return query
      .orderBy('exhibit.position', 'ASC')
      .addOrderBy('exhibit.id', 'ASC')
      .limit(limit + 1)
      .getMany();
  }

  findExhibit(id: string): Promise<MuseumExhibitEntity | null> {
    return this.exhibits.findOneBy({ id });
  }

  /** Exhibits a student may see, by id, in the order asked. */
  async findVisibleExhibits(ids: readonly string[]): Promise<MuseumExhibitEntity[]> {
    if (ids.length === 0) return [];
    const rows = await this.visible(this.exhibits.createQueryBuilder('exhibit'))
      .andWhere('exhibit.id IN (:...ids)', { ids: [...ids] })
      .getMany();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)).filter((row): row is MuseumExhibitEntity => row !== undefined);
  }

  async nextExhibitPosition(hallId: string): Promise<number> {
    const row = await this.exhibits
      .createQueryBuilder('exhibit')
      .select('MAX(exhibit.position)', 'max')
      .where('exhibit.hallId = :hallId', { hallId })
      .getRawOne<{ max: number | null }>();
    return Number(row?.max ?? -1) + 1;
  }

  async insertExhibit(
    exhibit: MuseumExhibitEntity,
    tags: readonly string[],
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(MuseumExhibitEntity, exhibit);
    await this.replaceTags(exhibit.id, tags, manager);
  }

  async updateExhibit(
    id: string,
    changes: Partial<MuseumExhibitEntity>,
    manager?: EntityManager,
  ): Promise<void> {
    await (manager ?? this.dataSource.manager).update(
      MuseumExhibitEntity,
      { id },
      { ...changes, updatedAt: new Date() },
    );
  }

  async replaceTags(exhibitId: string, tags: readonly string[], manager: EntityManager): Promise<void> {
    await manager.delete(MuseumExhibitTagEntity, { exhibitId });
    if (tags.length === 0) return;
    await manager.insert(
      MuseumExhibitTagEntity,
      tags.map((tag, position) => ({ exhibitId, tag, position })),
    );
  }

  async tagsOf(exhibitIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(exhibitIds.map((id) => [id, []]));
    if (exhibitIds.length === 0) return result;
    const rows = await this.tags.find({
      where: { exhibitId: In([...exhibitIds]) },
      order: { position: 'ASC' },
    });
    for (const row of rows) result.get(row.exhibitId)?.push(row.tag);
    return result;
  }

  /** The exhibits just before and after this one in its hall. */
  async neighbours(
    exhibit: MuseumExhibitEntity,
    { publishedOnly }: { publishedOnly: boolean },
  ): Promise<{ previous: MuseumExhibitEntity | null; next: MuseumExhibitEntity | null }> {
    const around = (direction: 'previous' | 'next') => {
      const query = this.exhibits
        .createQueryBuilder('exhibit')
        .where('exhibit.hallId = :hallId', { hallId: exhibit.hallId })
        .andWhere('exhibit.id <> :id', { id: exhibit.id });
      if (publishedOnly) query.andWhere('exhibit.status = :published', { published: PUBLISHED });
      const [compare, order] = direction === 'next' ? ['>', 'ASC' as const] : ['<', 'DESC' as const];
      return query
        .andWhere(
          new Brackets((where) =>
            where
              .where(`exhibit.position ${compare} :position`, { position: exhibit.position })
              .orWhere(`(exhibit.position = :position AND exhibit.id ${compare} :id)`),
          ),
        )
        .orderBy('exhibit.position', order)
        .addOrderBy('exhibit.id', order)
        .getOne();
    };
    const [previous, next] = await Promise.all([around('previous'), around('next')]);
    return { previous, next };
  }

  /** Published exhibits in published halls whose title or a tag contains `q`, newest first. */
  search({ q, tag, keySector, limit }: ExhibitSearch): Promise<MuseumExhibitEntity[]> {
    const query = this.visible(this.exhibits.createQueryBuilder('exhibit'));
    if (q) {
      const pattern = likePattern(q);
      query.andWhere(
        new Brackets((where) =>
          where
            .where(`exhibit.title LIKE :pattern ESCAPE '!'`, { pattern })
            .orWhere(
              `EXISTS (SELECT 1 FROM museum_exhibit_tags t WHERE t.exhibit_id = exhibit.id AND t.tag LIKE :pattern ESCAPE '!')`,
            ),
        ),
      );
    }
    if (tag) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM museum_exhibit_tags t2 WHERE t2.exhibit_id = exhibit.id AND t2.tag = :tag)',
        { tag },
      );
    }
    if (keySector) query.andWhere('exhibit.keySector = :keySector', { keySector });
    return query
      .orderBy('exhibit.publishedAt', 'DESC')
      .addOrderBy('exhibit.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Tags of what students can see, most used first. */
  async popularTags(limit: number): Promise<{ tag: string; count: number }[]> {
    const rows = await this.tags
      .createQueryBuilder('tag')
      .select('tag.tag', 'tag')
      .addSelect('COUNT(*)', 'count')
      .innerJoin(
        MuseumExhibitEntity,
        'exhibit',
        'exhibit.id = tag.exhibitId AND exhibit.status = :published',
        {
          published: PUBLISHED,
        },
      )
      .innerJoin(MuseumHallEntity, 'hall', 'hall.id = exhibit.hallId AND hall.status = :published')
      .groupBy('tag.tag')
      .orderBy('count', 'DESC')
      .addOrderBy('tag.tag', 'ASC')
      .limit(limit)
      .getRawMany<{ tag: string; count: number | string }>();
    return rows.map((row) => ({ tag: row.tag, count: Number(row.count) }));
  }

  /** Adds buffered view counts, one statement per exhibit. */
  async addViews(counts: ReadonlyMap<string, number>, manager: EntityManager): Promise<void> {
    for (const [id, count] of counts) {
      await manager
        .createQueryBuilder()
        .update(MuseumExhibitEntity)
        .set({ viewCount: () => `view_count + ${Math.trunc(count)}` })
        .where('id = :id', { id })
        .execute();
    }
  }

  /** Sets a reaction counter from the reaction rows themselves, so it can never drift from the truth. */
  async recountReactions(exhibitId: string, kind: MuseumReaction): Promise<number> {
    const column = kind === MuseumReaction.Like ? 'like_count' : 'favourite_count';
    await this.dataSource
      .createQueryBuilder()
      .update(MuseumExhibitEntity)
      .set({
        [kind === MuseumReaction.Like ? 'likeCount' : 'favouriteCount']: () =>
          `(SELECT COUNT(*) FROM museum_reactions r WHERE r.exhibit_id = :exhibitId AND r.kind = :kind)`,
      })
      .where('id = :exhibitId', { exhibitId, kind })
      .execute();
    const row = await this.exhibits
      .createQueryBuilder('exhibit')
      .select(`exhibit.${column === 'like_count' ? 'likeCount' : 'favouriteCount'}`, 'count')
      .where('exhibit.id = :exhibitId', { exhibitId })
      .getRawOne<{ count: number | string }>();
    return Number(row?.count ?? 0);
  }

  /** Positions 0..n-1 in the given order. */
  async setPositions(
    entity: typeof MuseumHallEntity | typeof MuseumExhibitEntity,
    ids: readonly string[],
    manager: EntityManager,
  ): Promise<void> {
    for (const [position, id] of ids.entries()) {
      await manager.update(entity, { id }, { position });
    }
  }

  listAllExhibitIds(hallId: string): Promise<string[]> {
    return this.exhibits
      .find({ select: { id: true }, where: { hallId } })
      .then((rows) => rows.map((row) => row.id));
  }

  /** Favourited exhibits a student can still see, newest favourite first. */
  async favouritesOf(userId: string, limit: number): Promise<MuseumExhibitEntity[]> {
    return this.visible(this.exhibits.createQueryBuilder('exhibit'))
      .innerJoin(MuseumReactionEntity, 'reaction', 'reaction.exhibitId = exhibit.id')
      .andWhere('reaction.userId = :userId AND reaction.kind = :kind', {
        userId,
        kind: MuseumReaction.Favourite,
      })
      .orderBy('reaction.createdAt', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** Narrows a query over `exhibit` to what students may see: published, in a published hall. */
  private visible(query: SelectQueryBuilder<MuseumExhibitEntity>): SelectQueryBuilder<MuseumExhibitEntity> {
    return query
      .innerJoin(MuseumHallEntity, 'hall', 'hall.id = exhibit.hallId AND hall.status = :published', {
        published: PUBLISHED,
      })
      .andWhere('exhibit.status = :published');
  }
}
