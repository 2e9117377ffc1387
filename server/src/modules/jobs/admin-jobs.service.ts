import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type AdminJobDto,
  type AdminJobListResponse,
  type CreateJobRequest,
  JobCloseReason,
  JobSource,
  JobStatus,
  type JobStatsResponse,
  type PublishJobResponse,
} from '@careerside/shared';
import { ResourceNotFoundException } from '../../common/errors/common.exceptions';
import { runInTransaction } from '../../database/transactions';
import { JobAlertsRepository } from '../job-alerts/job-alerts.repository';
import { jobAlertDedupeKey } from '../job-alerts/job-alert-message';
import type { UserEntity } from '../users/user.entity';
import type { AdminListJobsQueryDto } from './dto/job-query.dto';
import type { UpdateJobDto } from './dto/job-request.dto';
import { JobLifecycleService, postingColumns } from './job-lifecycle.service';
import { JobMarksRepository } from './job-marks.repository';
import { toAdminJobDto } from './job.mapper';
import type { JobEntity } from './job.entity';
import { JobNotEditableException } from './jobs.exception';
import { JobsRepository } from './jobs.repository';
import { PostingValidator } from './postings/posting-validator';
import { searchTerms } from './search/search-text';

/** Staff work on postings: drafts, edits, publishing, closing, the list and per-posting statistics. */
@Injectable()
export class AdminJobsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsRepository,
    private readonly lifecycle: JobLifecycleService,
    private readonly marks: JobMarksRepository,
    private readonly alerts: JobAlertsRepository,
    private readonly validator: PostingValidator,
  ) {}

  async create(actor: UserEntity, request: CreateJobRequest): Promise<AdminJobDto> {
    const now = new Date();
    const posting = this.validator.validate(request, now);
    const job = await runInTransaction(this.dataSource, (manager) =>
      this.lifecycle.createDraft(manager, posting, { source: JobSource.Staff, createdBy: actor.id, now }),
    );
    return toAdminJobDto(job);
  }

  async get(id: string): Promise<AdminJobDto> {
    return toAdminJobDto(await this.require(id));
  }

  async list(query: AdminListJobsQueryDto): Promise<AdminJobListResponse> {
    const { items, total } = await this.jobs.listForStaff({
      status: query.status,
      terms: searchTerms(query.keyword),
      limit: query.limit ?? 20,
      offset: query.offset ?? 0,
    });
    return { items: items.map(toAdminJobDto), total };
  }

  /**
   * Applies the fields sent to a draft or a published posting (a closed one is final). The result is
   * checked as a whole, so lowering salaryMax below the stored salaryMin is refused. Editing a published
   * posting alerts nobody again.
   */
  async update(id: string, changes: UpdateJobDto): Promise<AdminJobDto> {
    const now = new Date();
    const job = await runInTransaction(this.dataSource, async (manager) => {
      const current = await this.jobs.findById(id, manager);
      if (!current) throw new ResourceNotFoundException('Job');
      if (current.status === JobStatus.Closed) throw new JobNotEditableException();
      const merged = { ...toRequest(current), ...definedFields(changes) };
      const posting = this.validator.validate(merged, now, {
        deadlineChanged: changes.deadline !== undefined,
      });
      await this.jobs.update(
        manager,
        id,
        { ...postingColumns(posting), updatedAt: now },
        { keySectors: posting.keySectors, locationKeys: posting.locationKeys },
      );
      return this.jobs.findById(id, manager);
    });
    if (!job) throw new ResourceNotFoundException('Job');
    return toAdminJobDto(job);
  }

  async publish(id: string): Promise<PublishJobResponse> {
    const outcome = await runInTransaction(this.dataSource, (manager) =>
      this.lifecycle.publish(manager, id, new Date()),
    );
    if (!outcome) throw new ResourceNotFoundException('Job');
    return { ...toAdminJobDto(outcome.job), publishedNow: outcome.publishedNow, alerts: outcome.alerts };
  }

  /** Closes a draft or published posting; closing a closed one changes nothing. */
  async close(id: string): Promise<AdminJobDto> {
    const job = await runInTransaction(this.dataSource, async (manager) => {
      if (!(await this.jobs.findById(id, manager))) return null;
      await this.jobs.close(manager, id, new Date(), JobCloseReason.Manual);
      return this.jobs.findById(id, manager);
    });
    if (!job) throw new ResourceNotFoundException('Job');
    return toAdminJobDto(job);
  }

  async stats(id: string): Promise<JobStatsResponse> {
    await this.require(id);
    const [matches, deliveries, marks] = await Promise.all([
      this.alerts.countMatches(id),
      this.alerts.deliveryCounts(id, jobAlertDedupeKey(id)),
      this.marks.countFor(id),
    ]);
    return {
      jobId: id,
      matched: matches.matched,
      notified: matches.notified,
      awaitingDigest: matches.awaitingDigest,
      wechatSent: deliveries.sent,
      wechatFailed: deliveries.failed,
      wechatPending: deliveries.pending,
      wechatSkippedNoConsent: deliveries.skipped,
      wechatFolded: deliveries.folded,
      opened: matches.opened,
      saved: marks.saved,
      applied: marks.applied,
    };
  }

  private async require(id: string): Promise<JobEntity> {
    const job = await this.jobs.findById(id);
    if (!job) throw new ResourceNotFoundException('Job');
    return job;
  }
}

/** A stored posting as the request that would create it, so an edit can be checked like a new posting. */
export function toRequest(job: JobEntity): CreateJobRequest {
  return {
    title: job.title,
    employer: job.employerName,
    employerType: job.employerType,
    industry: job.industry,
    keySectors: job.keySectors,
    locations: job.locations,
    degree: job.degree,
    majors: job.majors,
    salaryMin: job.salaryMin,
    salaryMax: job.salaryMax,
    headcount: job.headcount,
    deadline: job.deadline.toISOString(),
    applyMethod: job.applyMethod,
    applyUrl: job.applyUrl,
    applyEmail: job.applyEmail,
    applyAddress: job.applyAddress,
    description: job.description,
  };
}

function definedFields<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
