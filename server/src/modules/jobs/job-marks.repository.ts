import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobMarkEntity } from './job-marks.entity';
import { JobEntity } from './job.entity';

export type MarkKind = 'saved' | 'applied';

const COLUMN: Record<MarkKind, 'savedAt' | 'appliedAt'> = { saved: 'savedAt', applied: 'appliedAt' };

export interface MarkedJobRow {
  job: JobEntity;
  savedAt: Date | null;
  appliedAt: Date | null;
}

/** Students' saved and applied marks. */
@Injectable()
export class JobMarksRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(userId: string, jobId: string): Promise<JobMarkEntity | null> {
    return this.dataSource.getRepository(JobMarkEntity).findOneBy({ userId, jobId });
  }

  /** Sets a mark, keeping its first time; idempotent and safe against a concurrent first mark. */
  async set(userId: string, jobId: string, kind: MarkKind, now: Date): Promise<void> {
    const repository = this.dataSource.getRepository(JobMarkEntity);
    await repository
      .createQueryBuilder()
      .insert()
      .values({ userId, jobId, savedAt: null, appliedAt: null })
      .orIgnore()
      .execute();
    await repository
      .createQueryBuilder()
      .update()
      .set({ [COLUMN[kind]]: now })
      .where(
        `user_id = :userId AND job_id = :jobId AND ${kind === 'saved' ? 'saved_at' : 'applied_at'} IS NULL`,
        {
          userId,
          jobId,
        },
      )
      .execute();
  }

  async clear(userId: string, jobId: string, kind: MarkKind): Promise<void> {
    await this.dataSource.getRepository(JobMarkEntity).update({ userId, jobId }, { [COLUMN[kind]]: null });
  }

  /** Ids of the postings this student saved and applied to. */
  async idsOf(userId: string): Promise<{ saved: string[]; applied: string[] }> {
    const rows = await this.dataSource
      .getRepository(JobMarkEntity)
      .createQueryBuilder('mark')
      .where('mark.userId = :userId AND (mark.savedAt IS NOT NULL OR mark.appliedAt IS NOT NULL)', { userId })
      .orderBy('mark.jobId', 'ASC')
      .getMany();
    return {
      saved: rows.filter((row) => row.savedAt).map((row) => row.jobId),
      applied: rows.filter((row) => row.appliedAt).map((row) => row.jobId),
    };
  }

  /** The student's saved (or applied) postings, newest mark first, drafts never included. */
  async list(
    userId: string,
    kind: MarkKind,
    options: { limit: number; after?: { at: Date; jobId: string } },
  ): Promise<MarkedJobRow[]> {
    const column = `mark.${COLUMN[kind]}`;
    const query = this.dataSource
      .getRepository(JobEntity)
      .createQueryBuilder('job')
      .innerJoin(JobMarkEntity, 'mark', 'mark.jobId = job.id')
      .addSelect(['mark.savedAt', 'mark.appliedAt'])
      .where(`mark.userId = :userId AND ${column} IS NOT NULL AND job.status <> 'draft'`, { userId });
    if (options.after) {
      query.andWhere(`(${column} < :afterAt OR (${column} = :afterAt AND job.id < :afterId))`, {
        afterAt: options.after.at,
        afterId: options.after.jobId,
      });
    }
    const { entities, raw } = await query
      .orderBy(column, 'DESC')
      .addOrderBy('job.id', 'DESC')
      .limit(options.limit)
      .getRawAndEntities<Record<string, Date | string | null>>();
    const byJob = new Map(raw.map((row) => [row.job_id as string, row]));
    return entities.map((job) => {
      const row = byJob.get(job.id) ?? {};
      return { job, savedAt: toDate(row.mark_saved_at), appliedAt: toDate(row.mark_applied_at) };
    });
  }

  async countFor(jobId: string): Promise<{ saved: number; applied: number }> {
    const row = await this.dataSource
      .getRepository(JobMarkEntity)
      .createQueryBuilder('mark')
      .select('SUM(CASE WHEN mark.savedAt IS NOT NULL THEN 1 ELSE 0 END)', 'saved')
      .addSelect('SUM(CASE WHEN mark.appliedAt IS NOT NULL THEN 1 ELSE 0 END)', 'applied')
      .where('mark.jobId = :jobId', { jobId })
      .getRawOne<{ saved: string | number | null; applied: string | number | null }>();
    return { saved: Number(row?.saved ?? 0), applied: Number(row?.applied ?? 0) };
  }
}

function toDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
