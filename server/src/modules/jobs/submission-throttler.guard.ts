import { Injectable } from '@nestjs/common';
import { RuleThrottlerGuard, type ThrottleRule } from '../../common/guards/rule-throttler.guard';

/**
 * Employer submissions per client address (behind a proxy, per TRUST_PROXY), with their own limit and
 * window from config. Counters are shared by every process through Redis when REDIS_URL is set (see
 * SharedThrottlerStorage), kept per process otherwise.
 */
@Injectable()
export class SubmissionThrottlerGuard extends RuleThrottlerGuard {
  protected rules(): ThrottleRule[] {
    const { submissionRateLimit, submissionRateWindowMs } = this.config.jobs;
    return [
      {
        bucket: 'job-submission',
        limit: submissionRateLimit,
        windowMs: submissionRateWindowMs,
        tracker: (request) => this.clientAddress(request),
      },
    ];
  }
}
