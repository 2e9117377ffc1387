import { describe, expect, it } from '@jest/globals';
import { EnvReader } from './env-reader';
import { parseJobsConfig } from './jobs-config';

describe(parseJobsConfig.name, () => {
  it('defaults to a sweep a minute and 30 employer submissions per address per hour', () => {
    const read = new EnvReader({});
    expect(parseJobsConfig(read)).toEqual({
      sweepMs: 60_000,
      submissionRateLimit: 30,
      submissionRateWindowMs: 3_600_000,
    });
    expect(read.issues).toEqual([]);
  });

  it('reads the settings and names each bad one', () => {
    const read = new EnvReader({
      JOBS_SWEEP_SECONDS: '5',
      EMPLOYER_SUBMISSION_RATE_LIMIT: '3',
      EMPLOYER_SUBMISSION_RATE_WINDOW_MINUTES: '10',
    });
    expect(parseJobsConfig(read)).toEqual({
      sweepMs: 5000,
      submissionRateLimit: 3,
      submissionRateWindowMs: 600_000,
    });
    const bad = new EnvReader({ JOBS_SWEEP_SECONDS: '0', EMPLOYER_SUBMISSION_RATE_LIMIT: 'lots' });
    parseJobsConfig(bad);
    expect(bad.issues.map((issue) => issue.variable)).toEqual([
      'JOBS_SWEEP_SECONDS',
      'EMPLOYER_SUBMISSION_RATE_LIMIT',
    ]);
  });
});
