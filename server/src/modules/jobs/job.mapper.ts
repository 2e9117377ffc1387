import type {
  AdminJobDto,
  AdminJobSubmissionDto,
  CreateJobRequest,
  JobDto,
  JobSubmissionStatusDto,
  JobSummaryDto,
} from '@careerside/shared';
import type { EmployerSubmissionEntity } from './employer-submission.entity';
import type { JobEntity } from './job.entity';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toJobSummaryDto(job: JobEntity): JobSummaryDto {
  return {
    id: job.id,
    title: job.title,
    employer: job.employerName,
    employerType: job.employerType,
    industry: job.industry,
    keySectors: job.keySectors,
    locations: job.locations,
    degree: job.degree,
    salaryMin: job.salaryMin,
    salaryMax: job.salaryMax,
    headcount: job.headcount,
    deadline: job.deadline.toISOString(),
    status: job.status,
    publishedAt: iso(job.publishedAt),
  };
}

export function toJobDto(job: JobEntity): JobDto {
  return {
    ...toJobSummaryDto(job),
    majors: job.majors,
    applyMethod: job.applyMethod,
    applyUrl: job.applyUrl,
    applyEmail: job.applyEmail,
    applyAddress: job.applyAddress,
    description: job.description,
    closedAt: iso(job.closedAt),
  };
}

export function toAdminJobDto(job: JobEntity): AdminJobDto {
  return {
    ...toJobDto(job),
    source: job.source,
    closeReason: job.closeReason,
    submissionId: job.submissionId,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
  };
}

export function toAdminSubmissionDto(
  submission: EmployerSubmissionEntity,
  reviewerName: string | null,
): AdminJobSubmissionDto {
  return {
    id: submission.id,
    status: submission.status,
    contactName: submission.contactName,
    contactPhone: submission.contactPhone,
    contactEmail: submission.contactEmail,
    posting: JSON.parse(submission.posting) as CreateJobRequest,
    declineReason: submission.declineReason,
    reviewedAt: iso(submission.reviewedAt),
    reviewedBy: reviewerName,
    jobId: submission.jobId,
    createdAt: submission.createdAt.toISOString(),
  };
}

export function toSubmissionStatusDto(
  submission: EmployerSubmissionEntity,
  job: JobEntity | null,
): JobSubmissionStatusDto {
  return {
    status: submission.status,
    title: submission.title,
    employer: submission.employerName,
    submittedAt: submission.createdAt.toISOString(),
    reviewedAt: iso(submission.reviewedAt),
    declineReason: submission.declineReason,
    job: job ? { id: job.id, status: job.status, publishedAt: iso(job.publishedAt) } : null,
  };
}
