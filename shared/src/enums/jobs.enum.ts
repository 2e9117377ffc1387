/** A posting's life: staff write a draft, publish it (which alerts students), and it closes by hand or at its deadline. */
export const JobStatus = {
  Draft: 'draft',
  Published: 'published',
  Closed: 'closed',
} as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];
export const JOB_STATUSES: readonly JobStatus[] = Object.values(JobStatus);

/** How a student applies: an online form, an email address, or in person (a job fair, an interview day). */
export const ApplyMethod = {
  Link: 'link',
  Email: 'email',
  OnSite: 'on_site',
} as const;
export type ApplyMethod = (typeof ApplyMethod)[keyof typeof ApplyMethod];
export const APPLY_METHODS: readonly ApplyMethod[] = Object.values(ApplyMethod);

/** Where a posting came from. */
export const JobSource = {
  Staff: 'staff',
  /** An employer's submission through the public form, approved by staff. */
  Employer: 'employer',
  /** A row of a CSV import. */
  Import: 'import',
} as const;
export type JobSource = (typeof JobSource)[keyof typeof JobSource];
export const JOB_SOURCES: readonly JobSource[] = Object.values(JobSource);

export const JobCloseReason = {
  /** Staff closed it. */
  Manual: 'manual',
  /** Its deadline passed. */
  Deadline: 'deadline',
} as const;
export type JobCloseReason = (typeof JobCloseReason)[keyof typeof JobCloseReason];

/** How often a student hears of matching jobs. */
export const AlertFrequency = {
  /** One alert per job as it is published (WeChat pushes subject to quiet hours and the daily cap). */
  Instant: 'instant',
  /** One digest a day at the student's chosen time. */
  Daily: 'daily',
  /** One digest a week on the chosen weekday and time. */
  Weekly: 'weekly',
  Off: 'off',
} as const;
export type AlertFrequency = (typeof AlertFrequency)[keyof typeof AlertFrequency];
export const ALERT_FREQUENCIES: readonly AlertFrequency[] = Object.values(AlertFrequency);

/** An employer's submission through the public form. */
export const SubmissionStatus = {
  Pending: 'pending',
  Approved: 'approved',
  Declined: 'declined',
} as const;
export type SubmissionStatus = (typeof SubmissionStatus)[keyof typeof SubmissionStatus];
export const SUBMISSION_STATUSES: readonly SubmissionStatus[] = Object.values(SubmissionStatus);

/** Field limits, enforced by the server and mirrored by the app's inputs. */
export const JOB_LIMITS = {
  titleMax: 80,
  employerMax: 100,
  descriptionMax: 5000,
  locationsMax: 20,
  locationMax: 20,
  majorsMax: 20,
  majorMax: 40,
  /** Monthly salary in yuan. */
  salaryMax: 1_000_000,
  headcountMax: 100_000,
  applyUrlMax: 500,
  applyEmailMax: 254,
  applyAddressMax: 200,
  contactNameMax: 50,
  contactPhoneMax: 32,
  declineReasonMax: 500,
  keywordMax: 100,
  alertListMax: 20,
  alertKeywordMax: 20,
  /** Rows one CSV import may hold. */
  importRowsMax: 2000,
} as const;

/** What a CSV import row error is about; the server fills `message` in the request's language. */
export const ImportErrorCode = {
  MissingColumn: 'missing_column',
  UnknownColumn: 'unknown_column',
  DuplicateColumn: 'duplicate_column',
  Malformed: 'malformed',
  Required: 'required',
  TooLong: 'too_long',
  TooMany: 'too_many',
  InvalidOption: 'invalid_option',
  InvalidNumber: 'invalid_number',
  InvalidDate: 'invalid_date',
  DeadlinePassed: 'deadline_passed',
  SalaryRange: 'salary_range',
  InvalidUrl: 'invalid_url',
  InvalidEmail: 'invalid_email',
  ApplyTargetMissing: 'apply_target_missing',
  TooManyRows: 'too_many_rows',
  Empty: 'empty',
} as const;
export type ImportErrorCode = (typeof ImportErrorCode)[keyof typeof ImportErrorCode];
