import type { IsoWeekday } from '../enums/booking.enum';
import type {
  AlertFrequency,
  ApplyMethod,
  ImportErrorCode,
  JobCloseReason,
  JobSource,
  JobStatus,
  SubmissionStatus,
} from '../enums/jobs.enum';
import type { Degree, EmployerType, Industry, KeySector } from '../enums/taxonomy.enum';
import type { LocalizedText } from '../errors/error-messages';
import type { WallTime } from './booking.contract';
import type { Collection, IsoDateTime } from './common.contract';

/** A posting as a list shows it. */
export interface JobSummaryDto {
  id: string;
  title: string;
  /** The employer's name. */
  employer: string;
  employerType: EmployerType;
  industry: Industry;
  /** Key national sectors (重点领域); a non-empty list marks a key-sector job. */
  keySectors: KeySector[];
  /** Cities or regions; empty means open anywhere. */
  locations: string[];
  /** The lowest degree accepted; null when any degree is. */
  degree: Degree | null;
  /** Monthly pay in yuan; either end may be open. */
  salaryMin: number | null;
  salaryMax: number | null;
  headcount: number | null;
  deadline: IsoDateTime;
  status: JobStatus;
  publishedAt: IsoDateTime | null;
}

/** `GET /api/jobs/:id`: the whole posting. */
export interface JobDto extends JobSummaryDto {
  majors: string[];
  applyMethod: ApplyMethod;
  applyUrl: string | null;
  applyEmail: string | null;
  /** For on-site applications: where and when. */
  applyAddress: string | null;
  description: string;
  closedAt: IsoDateTime | null;
}

/** What staff see of a posting. */
export interface AdminJobDto extends JobDto {
  source: JobSource;
  closeReason: JobCloseReason | null;
  /** The employer submission it came from. */
  submissionId: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/**
 * `GET /api/jobs`: published postings whose deadline has not passed, newest first. `keyword` matches title,
 * employer, majors and description (every space-separated word must appear; case and full-width forms are
 * ignored). `location` also finds postings open anywhere; `degree` finds postings open to that degree.
 */
export interface ListJobsQuery {
  keyword?: string;
  industry?: Industry;
  keySector?: KeySector;
  location?: string;
  degree?: Degree;
  /** Only postings with at least one key sector. */
  keySectorsOnly?: boolean;
  cursor?: string;
  /** 1-50, default 20. */
  limit?: number;
}

export interface JobListResponse extends Collection<JobSummaryDto> {
  nextCursor: string | null;
  /** Postings matching the filters in all pages. */
  total: number;
}

/** `POST /api/admin/jobs` (a draft) and the posting part of an employer submission. */
export interface CreateJobRequest {
  title: string;
  employer: string;
  /** Default `other`. */
  employerType?: EmployerType;
  industry: Industry;
  keySectors?: KeySector[];
  locations?: string[];
  degree?: Degree | null;
  majors?: string[];
  salaryMin?: number | null;
  salaryMax?: number | null;
  headcount?: number | null;
  /** ISO 8601 date-time with offset, or `YYYY-MM-DD` for the end of that day in the center's time zone. */
  deadline: string;
  /** Default: `link` with an applyUrl, `email` with an applyEmail, otherwise required. */
  applyMethod?: ApplyMethod;
  applyUrl?: string | null;
  applyEmail?: string | null;
  applyAddress?: string | null;
  description: string;
}

/** `PATCH /api/admin/jobs/:id`: drafts and published postings; send only what changes. */
export type UpdateJobRequest = Partial<CreateJobRequest>;

/** `GET /api/admin/jobs`: every posting, newest first. */
export interface AdminListJobsQuery {
  status?: JobStatus;
  keyword?: string;
  /** 1-100, default 20. */
  limit?: number;
  offset?: number;
}

export interface AdminJobListResponse extends Collection<AdminJobDto> {
  total: number;
}

/** What publishing did; publishing a posting twice alerts nobody twice. */
export interface JobAlertOutcome {
  /** Students whose preferences this posting matches. */
  matched: number;
  /** Inbox entries written now (instant subscribers); digest subscribers hear of it in their next digest. */
  notified: number;
}

/** `POST /api/admin/jobs/:id/publish`: the posting, now published, and what this call did. */
export interface PublishJobResponse extends AdminJobDto {
  /** False when it was already published (nothing changed, nobody alerted again). */
  publishedNow: boolean;
  alerts: JobAlertOutcome;
}

/** `GET /api/admin/jobs/:id/stats`. */
export interface JobStatsResponse {
  jobId: string;
  /** Students whose preferences matched when it was published. */
  matched: number;
  /** Of those, how many have its alert in their inbox (digest subscribers once their digest went out). */
  notified: number;
  /** Digest subscribers still waiting for their next digest. */
  awaitingDigest: number;
  /** WeChat pushes of its alert, by outcome (digest pushes are counted on the digest, not here). */
  wechatSent: number;
  wechatFailed: number;
  wechatPending: number;
  wechatSkippedNoConsent: number;
  wechatFolded: number;
  /** Students who tapped an alert through to the posting. */
  opened: number;
  saved: number;
  applied: number;
}

/** `GET /api/me/job-marks`: which postings the student saved or applied to. */
export interface JobMarksResponse {
  saved: string[];
  applied: string[];
}

/** `PUT|DELETE /api/jobs/:id/save` and `/applied`: the student's marks on one posting. */
export interface JobMarkDto {
  jobId: string;
  savedAt: IsoDateTime | null;
  appliedAt: IsoDateTime | null;
}

/** A posting in "my saved jobs" or "my applications", closed ones included. */
export interface MyJobDto extends JobSummaryDto {
  savedAt: IsoDateTime | null;
  appliedAt: IsoDateTime | null;
}

export interface MyJobListResponse extends Collection<MyJobDto> {
  nextCursor: string | null;
}

/** `GET /api/me/job-matches`: postings the student's alerts delivered, newest first. */
export interface JobMatchDto extends JobSummaryDto {
  matchedAt: IsoDateTime;
  openedAt: IsoDateTime | null;
}

export interface JobMatchListResponse extends Collection<JobMatchDto> {
  nextCursor: string | null;
}

/** `POST /api/jobs/:id/alert-opened`: the student tapped an alert through to this posting. */
export interface AlertOpenedResponse {
  /** True the first time; the stats count each student once. */
  counted: boolean;
}

/**
 * `PUT /api/me/job-alerts`. An empty list places no condition on that field: a student who only picks a key
 * sector hears of every job in it. A posting with no locations is open anywhere.
 */
export interface UpdateJobAlertsRequest {
  industries: Industry[];
  keySectors: KeySector[];
  locations: string[];
  keywords: string[];
  /** The student's degree: postings asking for more are left out. Null or absent: no condition. */
  degree?: Degree | null;
  frequency: AlertFrequency;
  /** Digest time in the center's time zone, `HH:MM`; default 09:00. */
  digestTime?: WallTime;
  /** Weekly digests: 1 = Monday ... 7 = Sunday; default 1. */
  digestWeekday?: IsoWeekday;
}

/** `GET|PUT /api/me/job-alerts`. Before the first save the defaults come from the student's profile. */
export interface JobAlertsResponse {
  industries: Industry[];
  keySectors: KeySector[];
  locations: string[];
  keywords: string[];
  degree: Degree | null;
  frequency: AlertFrequency;
  digestTime: WallTime;
  digestWeekday: IsoWeekday;
  /** False until the student saves preferences; until then no alerts are sent. */
  configured: boolean;
  /** When the next digest goes out (daily and weekly only). */
  nextDigestAt: IsoDateTime | null;
  updatedAt: IsoDateTime | null;
}

/** `POST /api/employer/job-submissions`: the public form, no account needed (rate-limited per address). */
export interface CreateJobSubmissionRequest extends CreateJobRequest {
  contactName: string;
  /** A phone number or an email address is needed, so staff can reach the employer. */
  contactPhone?: string | null;
  contactEmail?: string | null;
}

/** 201 answer to a submission. The token is shown once: it is the only key to the status page. */
export interface JobSubmissionReceipt {
  id: string;
  status: SubmissionStatus;
  token: string;
  /** The H5 status page for this submission, on PUBLIC_URL. */
  statusUrl: string;
}

/** `GET /api/employer/job-submissions/:token`: what the employer sees. */
export interface JobSubmissionStatusDto {
  status: SubmissionStatus;
  title: string;
  employer: string;
  submittedAt: IsoDateTime;
  reviewedAt: IsoDateTime | null;
  /** Staff's reason when declined. */
  declineReason: string | null;
  /** The posting once approved. */
  job: { id: string; status: JobStatus; publishedAt: IsoDateTime | null } | null;
}

/** What staff review. */
export interface AdminJobSubmissionDto {
  id: string;
  status: SubmissionStatus;
  contactName: string;
  contactPhone: string | null;
  contactEmail: string | null;
  /** The posting as submitted. */
  posting: CreateJobRequest;
  declineReason: string | null;
  reviewedAt: IsoDateTime | null;
  reviewedBy: string | null;
  jobId: string | null;
  createdAt: IsoDateTime;
}

export interface ListJobSubmissionsQuery {
  /** Default pending. */
  status?: SubmissionStatus;
  limit?: number;
  offset?: number;
}

export interface JobSubmissionListResponse extends Collection<AdminJobSubmissionDto> {
  total: number;
}

/** `POST /api/admin/job-submissions/:id/approve`. */
export interface ApproveJobSubmissionRequest {
  /** Default true: publish (and alert) at once; false leaves a draft to edit first. */
  publish?: boolean;
}

export interface ApproveJobSubmissionResponse {
  submission: AdminJobSubmissionDto;
  job: AdminJobDto;
  alerts: JobAlertOutcome | null;
}

/** `POST /api/admin/job-submissions/:id/decline`. */
export interface DeclineJobSubmissionRequest {
  reason: string;
}

/**
 * `POST /api/admin/jobs/import`: CSV text (UTF-8, a BOM is fine) with a header row; see JOB_CSV_COLUMNS.
 * All or nothing: when any row has an error nothing is imported and every error is listed.
 */
export interface ImportJobsRequest {
  csv: string;
  /** Check only; write nothing. */
  dryRun?: boolean;
  /** Publish the imported postings at once (alerting students); default false (drafts). */
  publish?: boolean;
  /**
   * Import in parts, for a progress report: the whole file is checked on every call, and only the data rows
   * from `offset` (0-based, default 0), at most `limit` of them (default all), are written. Each part is
   * one transaction; rows imported before are skipped, so a part sent twice creates nothing twice.
   */
  offset?: number;
  limit?: number;
}

export interface ImportRowError {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  /** The column's header as written in the file; null for a problem with the whole row. */
  column: string | null;
  code: ImportErrorCode;
  message: string;
}

export interface ImportJobsResponse {
  dryRun: boolean;
  /** Data rows read (the header not counted). */
  totalRows: number;
  validRows: number;
  /** The first data row (0-based) this call wrote from. */
  offset: number;
  /** Where the next part starts; null when the file is done (and on a dry run or with errors). */
  nextOffset: number | null;
  /** Postings written by this call: 0 when there were errors or on a dry run. */
  created: number;
  /** Rows identical to a posting an earlier import already created: skipped. */
  duplicates: number;
  published: number;
  errors: ImportRowError[];
  jobIds: string[];
}

/** A CSV column: its key and the headers accepted for it (the key itself, the Chinese or the English name). */
export interface JobCsvColumn {
  key: keyof CreateJobRequest;
  zh: string;
  en: string;
  required: boolean;
  /** Several values in one cell are separated by `;`, `；`, `、` or `|`. */
  list?: boolean;
}

export const JOB_CSV_COLUMNS: readonly JobCsvColumn[] = [
  { key: 'title', zh: '岗位名称', en: 'Title', required: true },
  { key: 'employer', zh: '单位名称', en: 'Employer', required: true },
  { key: 'employerType', zh: '单位性质', en: 'Employer type', required: false },
  { key: 'industry', zh: '行业', en: 'Industry', required: true },
  { key: 'keySectors', zh: '重点领域', en: 'Key sectors', required: false, list: true },
  { key: 'locations', zh: '工作地点', en: 'Locations', required: false, list: true },
  { key: 'degree', zh: '学历要求', en: 'Degree', required: false },
  { key: 'majors', zh: '专业要求', en: 'Majors', required: false, list: true },
  { key: 'salaryMin', zh: '月薪下限', en: 'Salary min', required: false },
  { key: 'salaryMax', zh: '月薪上限', en: 'Salary max', required: false },
  { key: 'headcount', zh: '招聘人数', en: 'Headcount', required: false },
  { key: 'deadline', zh: '截止日期', en: 'Deadline', required: true },
  { key: 'applyMethod', zh: '投递方式', en: 'Apply method', required: false },
  { key: 'applyUrl', zh: '投递链接', en: 'Apply URL', required: false },
  { key: 'applyEmail', zh: '投递邮箱', en: 'Apply email', required: false },
  { key: 'applyAddress', zh: '现场地址', en: 'Apply address', required: false },
  { key: 'description', zh: '岗位描述', en: 'Description', required: true },
];

/** The text of each CSV import error; `{column}`, `{value}` and `{max}` are filled per error. */
export const IMPORT_ERROR_MESSAGES: Readonly<Record<ImportErrorCode, LocalizedText>> = {
  missing_column: { 'zh-CN': '缺少必填列「{column}」', 'en-US': 'The required column "{column}" is missing' },
  unknown_column: {
    'zh-CN': '无法识别的列「{column}」，请使用导入模板中的列名',
    'en-US': 'Unknown column "{column}"; use the headers of the import template',
  },
  duplicate_column: { 'zh-CN': '列「{column}」出现了两次', 'en-US': 'The column "{column}" appears twice' },
  malformed: {
    'zh-CN': '这一行的引号没有闭合，或引号后还有多余内容',
    'en-US': 'This row has a quote that never closes or text after a closing quote',
  },
  required: { 'zh-CN': '必填', 'en-US': 'Required' },
  too_long: { 'zh-CN': '最多 {max} 个字符', 'en-US': 'At most {max} characters' },
  too_many: { 'zh-CN': '最多 {max} 项', 'en-US': 'At most {max} items' },
  invalid_option: { 'zh-CN': '「{value}」不是可选的值', 'en-US': '"{value}" is not one of the options' },
  invalid_number: { 'zh-CN': '「{value}」不是有效的数字', 'en-US': '"{value}" is not a valid number' },
  invalid_date: {
    'zh-CN': '「{value}」不是有效的日期，请写成 2026-12-31',
    'en-US': '"{value}" is not a date; write it as 2026-12-31',
  },
  deadline_passed: { 'zh-CN': '截止时间已过', 'en-US': 'The deadline has passed' },
  salary_range: { 'zh-CN': '月薪上限不能低于下限', 'en-US': 'The maximum salary is below the minimum' },
  invalid_url: {
    'zh-CN': '请填写以 http:// 或 https:// 开头的网址',
    'en-US': 'Must be an address starting with http:// or https://',
  },
  invalid_email: { 'zh-CN': '邮箱格式不正确', 'en-US': 'Not a valid email address' },
  apply_target_missing: {
    'zh-CN': '请填写与投递方式对应的链接、邮箱或现场地址',
    'en-US': 'Give the link, email address or on-site address that goes with the apply method',
  },
  too_many_rows: { 'zh-CN': '一次最多导入 {max} 行', 'en-US': 'At most {max} rows per import' },
  empty: { 'zh-CN': '文件中没有岗位数据', 'en-US': 'The file has no postings' },
};
