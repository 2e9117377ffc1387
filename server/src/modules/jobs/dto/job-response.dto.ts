import { ApiProperty } from '@nestjs/swagger';
import {
  APPLY_METHODS,
  type AdminJobDto,
  type AdminJobListResponse,
  type AdminJobSubmissionDto,
  type ApplyMethod,
  type ApproveJobSubmissionResponse,
  type Degree,
  type EmployerType,
  IMPORT_ERROR_MESSAGES,
  type ImportErrorCode,
  type ImportJobsResponse,
  type ImportRowError,
  type Industry,
  JOB_SOURCES,
  JOB_STATUSES,
  type JobAlertOutcome,
  JobCloseReason,
  type JobDto,
  type JobListResponse,
  type JobMarkDto,
  type JobMarksResponse,
  type JobSource,
  type JobStatsResponse,
  type JobStatus,
  type JobSubmissionListResponse,
  type JobSubmissionReceipt,
  type JobSubmissionStatusDto,
  type JobSummaryDto,
  type KeySector,
  type MyJobDto,
  type MyJobListResponse,
  type PublishJobResponse,
  SUBMISSION_STATUSES,
  type SubmissionStatus,
} from '@careerside/shared';
import { DEGREE_CODES, EMPLOYER_TYPE_CODES, INDUSTRY_CODES, KEY_SECTOR_CODES } from './job-fields';
import { CreateJobDto } from './job-request.dto';

export class JobSummaryResponseDto implements JobSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '飞行器结构设计工程师' })
  title: string;

  @ApiProperty({ example: '某航天科技研究院' })
  employer: string;

  @ApiProperty({ enum: EMPLOYER_TYPE_CODES })
  employerType: EmployerType;

  @ApiProperty({ enum: INDUSTRY_CODES })
  industry: Industry;

  @ApiProperty({ enum: KEY_SECTOR_CODES, isArray: true, description: 'Non-empty: a key-sector posting' })
  keySectors: KeySector[];

  @ApiProperty({ type: [String], description: 'Empty: open anywhere', example: ['西安'] })
  locations: string[];

  @ApiProperty({ enum: DEGREE_CODES, nullable: true, description: 'The lowest degree accepted' })
  degree: Degree | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Monthly, in yuan' })
  salaryMin: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Monthly, in yuan' })
  salaryMax: number | null;

  @ApiProperty({ type: Number, nullable: true })
  headcount: number | null;

  @ApiProperty({ format: 'date-time' })
  deadline: string;

  @ApiProperty({ enum: JOB_STATUSES })
  status: JobStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;
}

export class JobResponseDto extends JobSummaryResponseDto implements JobDto {
  @ApiProperty({ type: [String] })
  majors: string[];

  @ApiProperty({ enum: APPLY_METHODS })
  applyMethod: ApplyMethod;

  @ApiProperty({ type: String, nullable: true })
  applyUrl: string | null;

  @ApiProperty({ type: String, nullable: true })
  applyEmail: string | null;

  @ApiProperty({ type: String, nullable: true })
  applyAddress: string | null;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;
}

export class AdminJobResponseDto extends JobResponseDto implements AdminJobDto {
  @ApiProperty({ enum: JOB_SOURCES })
  source: JobSource;

  @ApiProperty({ enum: Object.values(JobCloseReason), nullable: true })
  closeReason: JobCloseReason | null;

  @ApiProperty({ type: String, nullable: true })
  submissionId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class JobListResponseDto implements JobListResponse {
  @ApiProperty({ type: [JobSummaryResponseDto] })
  items: JobSummaryResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;

  @ApiProperty({ example: 42 })
  total: number;
}

export class AdminJobListResponseDto implements AdminJobListResponse {
  @ApiProperty({ type: [AdminJobResponseDto] })
  items: AdminJobResponseDto[];

  @ApiProperty()
  total: number;
}

export class JobAlertOutcomeDto implements JobAlertOutcome {
  @ApiProperty({ description: 'Students whose preferences match' })
  matched: number;

  @ApiProperty({ description: 'Inbox entries written now (instant subscribers)' })
  notified: number;
}

export class PublishJobResponseDto extends AdminJobResponseDto implements PublishJobResponse {
  @ApiProperty({ description: 'False when it was published already: nobody is alerted again' })
  publishedNow: boolean;

  @ApiProperty({ type: JobAlertOutcomeDto })
  alerts: JobAlertOutcomeDto;
}

export class JobStatsResponseDto implements JobStatsResponse {
  @ApiProperty()
  jobId: string;
  @ApiProperty()
  matched: number;
  @ApiProperty()
  notified: number;
  @ApiProperty()
  awaitingDigest: number;
  @ApiProperty()
  wechatSent: number;
  @ApiProperty({ description: 'Dead letters and pushes whose outcome is unknown' })
  wechatFailed: number;
  @ApiProperty({ description: 'Queued, sending or waiting for a retry' })
  wechatPending: number;
  @ApiProperty()
  wechatSkippedNoConsent: number;
  @ApiProperty({ description: 'Over the daily cap: summarised in the next digest' })
  wechatFolded: number;
  @ApiProperty({ description: 'Students who tapped an alert through to the posting' })
  opened: number;
  @ApiProperty()
  saved: number;
  @ApiProperty()
  applied: number;
}

export class JobMarksResponseDto implements JobMarksResponse {
  @ApiProperty({ type: [String] })
  saved: string[];

  @ApiProperty({ type: [String] })
  applied: string[];
}

export class JobMarkResponseDto implements JobMarkDto {
  @ApiProperty()
  jobId: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  savedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  appliedAt: string | null;
}

export class MyJobResponseDto extends JobSummaryResponseDto implements MyJobDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  savedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  appliedAt: string | null;
}

export class MyJobListResponseDto implements MyJobListResponse {
  @ApiProperty({ type: [MyJobResponseDto] })
  items: MyJobResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class JobSubmissionReceiptDto implements JobSubmissionReceipt {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: SUBMISSION_STATUSES })
  status: SubmissionStatus;

  @ApiProperty({ description: 'Shown once: the only key to the status page' })
  token: string;

  @ApiProperty({ format: 'uri' })
  statusUrl: string;
}

class SubmittedJobStateDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: JOB_STATUSES })
  status: JobStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;
}

export class JobSubmissionStatusResponseDto implements JobSubmissionStatusDto {
  @ApiProperty({ enum: SUBMISSION_STATUSES })
  status: SubmissionStatus;

  @ApiProperty()
  title: string;

  @ApiProperty()
  employer: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reviewedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  declineReason: string | null;

  @ApiProperty({ type: SubmittedJobStateDto, nullable: true })
  job: SubmittedJobStateDto | null;
}

export class AdminJobSubmissionResponseDto implements AdminJobSubmissionDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: SUBMISSION_STATUSES })
  status: SubmissionStatus;

  @ApiProperty()
  contactName: string;

  @ApiProperty({ type: String, nullable: true })
  contactPhone: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactEmail: string | null;

  @ApiProperty({ type: CreateJobDto })
  posting: CreateJobDto;

  @ApiProperty({ type: String, nullable: true })
  declineReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reviewedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  reviewedBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  jobId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class JobSubmissionListResponseDto implements JobSubmissionListResponse {
  @ApiProperty({ type: [AdminJobSubmissionResponseDto] })
  items: AdminJobSubmissionResponseDto[];

  @ApiProperty()
  total: number;
}

export class ApproveJobSubmissionResponseDto implements ApproveJobSubmissionResponse {
  @ApiProperty({ type: AdminJobSubmissionResponseDto })
  submission: AdminJobSubmissionResponseDto;

  @ApiProperty({ type: AdminJobResponseDto })
  job: AdminJobResponseDto;

  @ApiProperty({ type: JobAlertOutcomeDto, nullable: true })
  alerts: JobAlertOutcomeDto | null;
}

export class ImportRowErrorDto implements ImportRowError {
  @ApiProperty({ description: 'Spreadsheet row number: the header is row 1', example: 3 })
  row: number;

  @ApiProperty({ type: String, nullable: true, example: '截止日期' })
  column: string | null;

  @ApiProperty({ enum: Object.keys(IMPORT_ERROR_MESSAGES) })
  code: ImportErrorCode;

  @ApiProperty({ example: '「2026-02-30」不是有效的日期，请写成 2026-12-31' })
  message: string;
}

export class ImportJobsResponseDto implements ImportJobsResponse {
  @ApiProperty()
  dryRun: boolean;
  @ApiProperty()
  totalRows: number;
  @ApiProperty()
  validRows: number;
  @ApiProperty({ description: 'The first data row (0-based) this call wrote from' })
  offset: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Where the next part starts; null when the file is done, on a dry run and with errors',
  })
  nextOffset: number | null;
  @ApiProperty({ description: 'Written by this call; 0 when any row has an error: nothing is written then' })
  created: number;
  @ApiProperty({ description: 'Rows of this call skipped as imported before' })
  duplicates: number;
  @ApiProperty({ description: 'Published by this call' })
  published: number;
  @ApiProperty({ type: [ImportRowErrorDto] })
  errors: ImportRowErrorDto[];
  @ApiProperty({ type: [String] })
  jobIds: string[];
}
