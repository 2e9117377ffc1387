import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type JobAlertOutcome, JobSource, JobStatus } from '@careerside/shared';
import { JobAlertFanoutService } from '../job-alerts/job-alert-fanout.service';
import { JobAlertsRepository } from '../job-alerts/job-alerts.repository';
import { JobEntity } from './job.entity';
import { JobDeadlinePassedException, JobNotPublishableException } from './jobs.exception';
import { JobsRepository } from './jobs.repository';
import type { Posting } from './postings/posting';
import { postingSearchText } from './search/search-text';

export interface NewJobMeta {
  source: JobSource;
  createdBy: string | null;
  submissionId?: string | null;
  importKey?: string | null;
  now: Date;
}

export interface PublishOutcome {
  job: JobEntity;
  publishedNow: boolean;
  alerts: JobAlertOutcome;
}

/** The columns a posting's content fills, for inserts and edits alike. */
export function postingColumns(posting: Posting): Partial<JobEntity> {
  return {
    title: posting.title,
    employerName: posting.employer,
    employerType: posting.employerType,
    industry: posting.industry,
    keySectors: posting.keySectors,
    locations: posting.locations,
    degree: posting.degree,
    majors: posting.majors,
    salaryMin: posting.salaryMin,
    salaryMax: posting.salaryMax,
    headcount: posting.headcount,
    deadline: posting.deadline,
    applyMethod: posting.applyMethod,
    applyUrl: posting.applyUrl,
    applyEmail: posting.applyEmail,
    applyAddress: posting.applyAddress,
    description: posting.description,
    searchText: postingSearchText(posting),
  };
}

/** Creating drafts and publishing them, whatever the source: staff, an approved submission or an import. */
@Injectable()
export class JobLifecycleService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly fanout: JobAlertFanoutService,
    private readonly alerts: JobAlertsRepository,
  ) {}

  async createDraft(manager: EntityManager, posting: Posting, meta: NewJobMeta): Promise<JobEntity> {
    const job = Object.assign(new JobEntity(), {
      id: randomUUID(),
      ...postingColumns(posting),
      status: JobStatus.Draft,
      source: meta.source,
      closeReason: null,
      submissionId: meta.submissionId ?? null,
      importKey: meta.importKey ?? null,
      createdBy: meta.createdBy,
      publishedAt: null,
      closedAt: null,
      createdAt: meta.now,
      updatedAt: meta.now,
    } satisfies Partial<JobEntity>);
    await this.jobs.insert(manager, job, {
      keySectors: posting.keySectors,
      locationKeys: posting.locationKeys,
    });
    return job;
  }

  /**
   * Publishes a draft and alerts the matching students in the same transaction, so a posting is never
   * published without its alerts or the other way round. The conditional status change lets exactly one of
   * two concurrent calls do it; the other (and any later call) answers the published posting as it is.
   */
  async publish(manager: EntityManager, jobId: string, now: Date): Promise<PublishOutcome | null> {
    const job = await this.jobs.findById(jobId, manager);
    if (!job) return null;
    if (job.status === JobStatus.Closed) throw new JobNotPublishableException();
    if (job.status === JobStatus.Draft) {
      if (job.deadline.getTime() <= now.getTime()) throw new JobDeadlinePassedException();
      if (await this.jobs.publish(manager, jobId, now)) {
        const published = await this.jobs.findWithSearchText(manager, jobId);
        if (!published?.searchText) throw new Error(`Published job ${jobId} vanished`);
        const alerts = await this.fanout.alertMatchingStudents(
          manager,
          { ...published, searchText: published.searchText },
          now,
        );
        return { job: published, publishedNow: true, alerts };
      }
    }
    const current = (await this.jobs.findById(jobId, manager)) ?? job;
    if (current.status === JobStatus.Closed) throw new JobNotPublishableException();
    const { matched } = await this.alerts.countMatches(jobId, manager);
    return { job: current, publishedNow: false, alerts: { matched, notified: 0 } };
  }
}
