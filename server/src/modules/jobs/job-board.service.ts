import { Injectable } from '@nestjs/common';
import {
  type JobDto,
  type JobListResponse,
  type JobMarkDto,
  type JobMarksResponse,
  JobStatus,
  type MyJobListResponse,
} from '@careerside/shared';
import { ResourceNotFoundException } from '../../common/errors/common.exceptions';
import { degreesAtOrBelow } from '../job-alerts/matching';
import type { UserEntity } from '../users/user.entity';
import type { CursorQueryDto, ListJobsQueryDto } from './dto/job-query.dto';
import { type MarkKind, JobMarksRepository } from './job-marks.repository';
import { toJobDto, toJobSummaryDto } from './job.mapper';
import { JobNotOpenException } from './jobs.exception';
import { JobsRepository } from './jobs.repository';
import { decodeCursor, encodeCursor, pageOf } from './paging';
import { locationKey } from './postings/locations';
import { searchTerms } from './search/search-text';

/** What students see: open postings, one posting, and their own saved and applied marks. */
@Injectable()
export class JobBoardService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly marks: JobMarksRepository,
  ) {}

  async list(query: ListJobsQueryDto): Promise<JobListResponse> {
    const limit = query.limit ?? 20;
    const after = decodeCursor(query.cursor);
    const { items, total } = await this.jobs.listPublished({
      terms: searchTerms(query.keyword),
      industry: query.industry,
      keySector: query.keySector,
      keySectorsOnly: query.keySectorsOnly,
      locationKey: query.location ? locationKey(query.location) : undefined,
      degrees: query.degree ? degreesAtOrBelow(query.degree) : undefined,
      after: after && { publishedAt: after.at, id: after.id },
      limit: limit + 1,
      now: new Date(),
    });
    const page = pageOf(items, limit, (last) => encodeCursor(last.publishedAt ?? last.createdAt, last.id));
    return { items: page.items.map(toJobSummaryDto), nextCursor: page.nextCursor, total };
  }

  /** A published or closed posting (saved links keep working after it closes); drafts are not there. */
  async get(id: string): Promise<JobDto> {
    const job = await this.jobs.findById(id);
    if (!job || job.status === JobStatus.Draft) throw new ResourceNotFoundException('Job');
    return toJobDto(job);
  }

  async myMarks(user: UserEntity): Promise<JobMarksResponse> {
    return this.marks.idsOf(user.id);
  }

  /** Saving or "I applied" needs an open posting; taking a mark back works on any posting. */
  async mark(user: UserEntity, jobId: string, kind: MarkKind): Promise<JobMarkDto> {
    const job = await this.jobs.findById(jobId);
    if (!job || job.status === JobStatus.Draft) throw new ResourceNotFoundException('Job');
    const now = new Date();
    if (job.status !== JobStatus.Published || job.deadline.getTime() <= now.getTime())
      throw new JobNotOpenException();
    await this.marks.set(user.id, jobId, kind, now);
    return this.markOf(user.id, jobId);
  }

  async unmark(user: UserEntity, jobId: string, kind: MarkKind): Promise<JobMarkDto> {
    const job = await this.jobs.findById(jobId);
    if (!job || job.status === JobStatus.Draft) throw new ResourceNotFoundException('Job');
    await this.marks.clear(user.id, jobId, kind);
    return this.markOf(user.id, jobId);
  }

  async myJobs(user: UserEntity, kind: MarkKind, query: CursorQueryDto): Promise<MyJobListResponse> {
    const limit = query.limit ?? 20;
    const after = decodeCursor(query.cursor);
    const rows = await this.marks.list(user.id, kind, {
      limit: limit + 1,
      after: after && { at: after.at, jobId: after.id },
    });
    const page = pageOf(rows, limit, (last) =>
      encodeCursor((kind === 'saved' ? last.savedAt : last.appliedAt) ?? new Date(0), last.job.id),
    );
    return {
      items: page.items.map((row) => ({
        ...toJobSummaryDto(row.job),
        savedAt: row.savedAt?.toISOString() ?? null,
        appliedAt: row.appliedAt?.toISOString() ?? null,
      })),
      nextCursor: page.nextCursor,
    };
  }

  private async markOf(userId: string, jobId: string): Promise<JobMarkDto> {
    const mark = await this.marks.find(userId, jobId);
    return {
      jobId,
      savedAt: mark?.savedAt?.toISOString() ?? null,
      appliedAt: mark?.appliedAt?.toISOString() ?? null,
    };
  }
}
