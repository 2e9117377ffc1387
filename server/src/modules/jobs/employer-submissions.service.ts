import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type AdminJobSubmissionDto,
  type ApproveJobSubmissionResponse,
  type CreateJobRequest,
  JobSource,
  type JobSubmissionListResponse,
  type JobSubmissionReceipt,
  type JobSubmissionStatusDto,
  JobsPage,
  SubmissionStatus,
} from '@careerside/shared';
import { RequestValidationException, ResourceNotFoundException } from '../../common/errors/common.exceptions';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { runInTransaction } from '../../database/transactions';
import type { UserEntity } from '../users/user.entity';
import type { CreateJobSubmissionDto, ListJobSubmissionsQueryDto } from './dto/job-submission.dto';
import { EmployerSubmissionEntity } from './employer-submission.entity';
import { EmployerSubmissionsRepository } from './employer-submissions.repository';
import { JobLifecycleService } from './job-lifecycle.service';
import { toAdminJobDto, toAdminSubmissionDto, toSubmissionStatusDto } from './job.mapper';
import { JobDeadlinePassedException, SubmissionAlreadyReviewedException } from './jobs.exception';
import { JobsRepository } from './jobs.repository';
import { PostingValidator } from './postings/posting-validator';

const POSTING_FIELDS = [
  'title',
  'employer',
  'employerType',
  'industry',
  'keySectors',
  'locations',
  'degree',
  'majors',
  'salaryMin',
  'salaryMax',
  'headcount',
  'deadline',
  'applyMethod',
  'applyUrl',
  'applyEmail',
  'applyAddress',
  'description',
] as const satisfies readonly (keyof CreateJobRequest)[];

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Postings employers send without an account: a pending queue that staff approve (creating the posting)
 * or decline with a reason. The employer follows the outcome on a status page that only the secret token
 * handed out at submission opens.
 */
@Injectable()
export class EmployerSubmissionsService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly submissions: EmployerSubmissionsRepository,
    private readonly jobs: JobsRepository,
    private readonly lifecycle: JobLifecycleService,
    private readonly validator: PostingValidator,
  ) {}

  async submit(request: CreateJobSubmissionDto, clientAddress: string | null): Promise<JobSubmissionReceipt> {
    const now = new Date();
    const posting = this.validator.validate(request, now);
    if (!request.contactPhone && !request.contactEmail) {
      throw new RequestValidationException([
        {
          field: 'contactPhone',
          constraint: 'contactMissing',
          message: 'contactPhone or contactEmail is needed',
        },
      ]);
    }
    const token = randomBytes(24).toString('base64url');
    const submitted = Object.fromEntries(
      POSTING_FIELDS.filter((field) => request[field] !== undefined).map((field) => [field, request[field]]),
    );
    const submission = Object.assign(new EmployerSubmissionEntity(), {
      id: randomUUID(),
      tokenHash: hashToken(token),
      status: SubmissionStatus.Pending,
      title: posting.title,
      employerName: posting.employer,
      posting: JSON.stringify(submitted),
      contactName: request.contactName,
      contactPhone: request.contactPhone ?? null,
      contactEmail: request.contactEmail ?? null,
      declineReason: null,
      jobId: null,
      reviewedBy: null,
      reviewedAt: null,
      clientAddress: clientAddress?.slice(0, 64) ?? null,
      createdAt: now,
      updatedAt: now,
    } satisfies EmployerSubmissionEntity);
    await this.submissions.insert(submission);
    return {
      id: submission.id,
      status: submission.status,
      token,
      statusUrl: `${this.config.http.publicUrl}/${JobsPage.employerStatus}?token=${token}`,
    };
  }

  /** Unknown and malformed tokens alike are 404: nothing tells a guess apart from a typo. */
  async status(token: string): Promise<JobSubmissionStatusDto> {
    const submission = /^[A-Za-z0-9_-]{20,64}$/.test(token)
      ? await this.submissions.findByTokenHash(hashToken(token))
      : null;
    if (!submission) throw new ResourceNotFoundException('Submission');
    const job = submission.jobId ? await this.jobs.findById(submission.jobId) : null;
    return toSubmissionStatusDto(submission, job);
  }

  async list(query: ListJobSubmissionsQueryDto): Promise<JobSubmissionListResponse> {
    const { items, total } = await this.submissions.list(
      query.status ?? SubmissionStatus.Pending,
      query.limit ?? 20,
      query.offset ?? 0,
    );
    const names = await this.submissions.reviewerNames(
      items.flatMap((item) => (item.reviewedBy ? [item.reviewedBy] : [])),
    );
    return {
      items: items.map((item) =>
        toAdminSubmissionDto(item, item.reviewedBy ? (names.get(item.reviewedBy) ?? null) : null),
      ),
      total,
    };
  }

  async get(id: string): Promise<AdminJobSubmissionDto> {
    const submission = await this.submissions.findById(id);
    if (!submission) throw new ResourceNotFoundException('Submission');
    const names = await this.submissions.reviewerNames(submission.reviewedBy ? [submission.reviewedBy] : []);
    return toAdminSubmissionDto(
      submission,
      submission.reviewedBy ? (names.get(submission.reviewedBy) ?? null) : null,
    );
  }

  /** Creates the posting from the submission and, unless asked not to, publishes it (alerting students). */
  async approve(actor: UserEntity, id: string, publish: boolean): Promise<ApproveJobSubmissionResponse> {
    const now = new Date();
    const result = await runInTransaction(this.dataSource, async (manager) => {
      const submission = await this.submissions.findById(id, manager);
      if (!submission) throw new ResourceNotFoundException('Submission');
      if (submission.status !== SubmissionStatus.Pending) throw new SubmissionAlreadyReviewedException();
      const request = JSON.parse(submission.posting) as CreateJobRequest;
      const deadline = this.validator.parseDeadline(request.deadline);
      if (!deadline || deadline.getTime() <= now.getTime()) throw new JobDeadlinePassedException();
      const posting = this.validator.validate(request, now);
      if (
        !(await this.submissions.review(manager, id, {
          status: SubmissionStatus.Approved,
          reviewedBy: actor.id,
          now,
        }))
      ) {
        throw new SubmissionAlreadyReviewedException();
      }
      const draft = await this.lifecycle.createDraft(manager, posting, {
        source: JobSource.Employer,
        createdBy: actor.id,
        submissionId: id,
        now,
      });
      await this.submissions.linkJob(manager, id, draft.id);
      const outcome = publish ? await this.lifecycle.publish(manager, draft.id, now) : null;
      const reviewed = await this.submissions.findById(id, manager);
      return {
        submission: reviewed ?? submission,
        job: outcome?.job ?? draft,
        alerts: outcome?.alerts ?? null,
      };
    });
    return {
      submission: toAdminSubmissionDto(result.submission, actor.name),
      job: toAdminJobDto(result.job),
      alerts: result.alerts,
    };
  }

  async decline(actor: UserEntity, id: string, reason: string): Promise<AdminJobSubmissionDto> {
    const now = new Date();
    const submission = await runInTransaction(this.dataSource, async (manager) => {
      const current = await this.submissions.findById(id, manager);
      if (!current) throw new ResourceNotFoundException('Submission');
      const reviewed = await this.submissions.review(manager, id, {
        status: SubmissionStatus.Declined,
        reviewedBy: actor.id,
        declineReason: reason,
        now,
      });
      if (!reviewed) throw new SubmissionAlreadyReviewedException();
      return this.submissions.findById(id, manager);
    });
    if (!submission) throw new ResourceNotFoundException('Submission');
    return toAdminSubmissionDto(submission, actor.name);
  }
}
