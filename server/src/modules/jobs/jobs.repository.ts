import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { type Industry, JobCloseReason, JobStatus, type KeySector, type Degree } from '@careerside/shared';
import { JobKeySectorEntity, JobLocationEntity } from './job-facets.entity';
import { JobEntity } from './job.entity';
import { containsPattern } from './search/search-text';

export interface PublishedJobsFilter {
  /** Normalized search words; every one must appear. */
  terms: string[];
  industry?: Industry;
  keySector?: KeySector;
  keySectorsOnly?: boolean;
  /** A normalized location key: postings there or open anywhere. */
  locationKey?: string;
  /** Postings whose minimum degree is one of these, or that have none. */
  degrees?: readonly Degree[];
  after?: { publishedAt: Date; id: string };
  limit: number;
  now: Date;
}

export interface AdminJobsFilter {
  status?: JobStatus;
  terms: string[];
  limit: number;
  offset: number;
}

export interface JobFacets {
  keySectors: readonly KeySector[];
  locationKeys: readonly string[];
}

/** Postings and their facet rows. */
@Injectable()
export class JobsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<JobEntity | null> {
    return manager.getRepository(JobEntity).findOneBy({ id });
  }

  /** With the normalized search text, which alert keywords are matched against. */
  findWithSearchText(manager: EntityManager, id: string): Promise<JobEntity | null> {
    return manager
      .getRepository(JobEntity)
      .createQueryBuilder('job')
      .addSelect('job.searchText')
      .where('job.id = :id', { id })
      .getOne();
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, JobEntity>> {
    if (ids.length === 0) return new Map();
    const jobs = await this.dataSource
      .getRepository(JobEntity)
      .createQueryBuilder('job')
      .where('job.id IN (:...ids)', { ids })
      .getMany();
    return new Map(jobs.map((job) => [job.id, job]));
  }

  async insert(manager: EntityManager, job: JobEntity, facets: JobFacets): Promise<void> {
    await manager.getRepository(JobEntity).insert(job);
    await this.insertFacets(manager, job.id, facets);
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: Partial<JobEntity>,
    facets?: JobFacets,
  ): Promise<void> {
    await manager.getRepository(JobEntity).update({ id }, changes);
    if (facets) {
      await manager.getRepository(JobKeySectorEntity).delete({ jobId: id });
      await manager.getRepository(JobLocationEntity).delete({ jobId: id });
      await this.insertFacets(manager, id, facets);
    }
  }

  /** Draft to published; false when it was not a draft (already published, or closed). */
  async publish(manager: EntityManager, id: string, now: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(JobEntity)
      .set({ status: JobStatus.Published, publishedAt: now, updatedAt: now })
      .where('id = :id AND status = :draft', { id, draft: JobStatus.Draft })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Draft or published to closed; false when it was closed already. */
  async close(manager: EntityManager, id: string, now: Date, reason: JobCloseReason): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(JobEntity)
      .set({ status: JobStatus.Closed, closeReason: reason, closedAt: now, updatedAt: now })
      .where('id = :id AND status IN (:...open)', { id, open: [JobStatus.Draft, JobStatus.Published] })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Closes every published posting whose deadline has passed; one statement, safe in several processes. */
  async closeExpired(now: Date): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(JobEntity)
      .set({ status: JobStatus.Closed, closeReason: JobCloseReason.Deadline, closedAt: now, updatedAt: now })
      .where('status = :published AND deadline <= :now', { published: JobStatus.Published, now })
      .execute();
    return result.affected ?? 0;
  }

  async listPublished(filter: PublishedJobsFilter): Promise<{ items: JobEntity[]; total: number }> {
    const base = this.dataSource
      .getRepository(JobEntity)
      .createQueryBuilder('job')
      .where('job.status = :published AND job.deadline > :now', {
        published: JobStatus.Published,
        now: filter.now,
      });
    applySearch(base, filter.terms);
    if (filter.industry) base.andWhere('job.industry = :industry', { industry: filter.industry });
    if (filter.keySector) {
      base.andWhere(
        'EXISTS (SELECT 1 FROM job_key_sectors ks WHERE ks.job_id = job.id AND ks.key_sector = :keySector)',
        { keySector: filter.keySector },
      );
    }
    if (filter.keySectorsOnly) {
      base.andWhere('EXISTS (SELECT 1 FROM job_key_sectors ks2 WHERE ks2.job_id = job.id)');
    }
    if (filter.locationKey) {
      // A posting without locations is open anywhere, so it is in every location's list.
      base.andWhere(
        '(NOT EXISTS (SELECT 1 FROM job_locations l WHERE l.job_id = job.id) OR EXISTS (SELECT 1 FROM job_locations l2 WHERE l2.job_id = job.id AND l2.location = :location))',
        { location: filter.locationKey },
      );
    }
    if (filter.degrees) {
      base.andWhere('(job.degree IS NULL OR job.degree IN (:...degrees))', { degrees: filter.degrees });
    }
    const total = await base.clone().getCount();
    const page = base.clone();
    if (filter.after) {
      page.andWhere('(job.publishedAt < :afterAt OR (job.publishedAt = :afterAt AND job.id < :afterId))', {
        afterAt: filter.after.publishedAt,
        afterId: filter.after.id,
      });
    }
    const items = await page
      .orderBy('job.publishedAt', 'DESC')
      .addOrderBy('job.id', 'DESC')
      .take(filter.limit)
      .getMany();
    return { items, total };
  }

  async listForStaff(filter: AdminJobsFilter): Promise<{ items: JobEntity[]; total: number }> {
    const query = this.dataSource.getRepository(JobEntity).createQueryBuilder('job');
    if (filter.status) query.andWhere('job.status = :status', { status: filter.status });
    applySearch(query, filter.terms);
    const [items, total] = await query
      .orderBy('job.createdAt', 'DESC')
      .addOrderBy('job.id', 'DESC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** Which of these import fingerprints earlier imports already created. */
  async existingImportKeys(manager: EntityManager, keys: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      const rows = await manager
        .getRepository(JobEntity)
        .createQueryBuilder('job')
        .select('job.importKey', 'importKey')
        .where('job.importKey IN (:...chunk)', { chunk })
        .getRawMany<{ importKey: string }>();
      for (const row of rows) found.add(row.importKey);
    }
    return found;
  }

  private async insertFacets(manager: EntityManager, jobId: string, facets: JobFacets): Promise<void> {
    if (facets.keySectors.length > 0) {
      await manager
        .getRepository(JobKeySectorEntity)
        .insert(facets.keySectors.map((keySector) => ({ jobId, keySector })));
    }
    if (facets.locationKeys.length > 0) {
      await manager
        .getRepository(JobLocationEntity)
        .insert(facets.locationKeys.map((location) => ({ jobId, location })));
    }
  }
}

/** Every word must appear in the normalized search text; wildcards in a word are literal. */
function applySearch(query: SelectQueryBuilder<JobEntity>, terms: readonly string[]): void {
  terms.forEach((term, index) => {
    query.andWhere(`job.searchText LIKE :term${index} ESCAPE '!'`, {
      [`term${index}`]: containsPattern(term),
    });
  });
}
