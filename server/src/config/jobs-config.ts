import type { EnvReader } from './env-reader';

/** The job board and job alerts (issue 6). Every value has a documented default in .env.example. */
export interface JobsConfig {
  /** How often postings past their deadline are closed and due alert digests go out. */
  sweepMs: number;
  /** Employer submissions accepted per client address per window (429 RATE_LIMITED beyond). */
  submissionRateLimit: number;
  submissionRateWindowMs: number;
}

export function parseJobsConfig(read: EnvReader): JobsConfig {
  return {
    sweepMs: read.integer('JOBS_SWEEP_SECONDS', 60, { min: 1, max: 3600 }) * 1000,
    submissionRateLimit: read.integer('EMPLOYER_SUBMISSION_RATE_LIMIT', 30, { min: 1, max: 100_000 }),
    submissionRateWindowMs:
      read.integer('EMPLOYER_SUBMISSION_RATE_WINDOW_MINUTES', 60, { min: 1, max: 7 * 24 * 60 }) * 60_000,
  };
}
