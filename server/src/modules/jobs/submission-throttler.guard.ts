import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';

/**
 * Employer submissions per client address (behind a proxy, per TRUST_PROXY), with their own limit and
 * window from config. Counters are shared by every process through Redis when REDIS_URL is set (see
 * SharedThrottlerStorage), kept per process otherwise.
 */
@Injectable()
export class SubmissionThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const { submissionRateLimit, submissionRateWindowMs } = this.config.jobs;
    return super.handleRequest({
      ...request,
      limit: submissionRateLimit,
      ttl: submissionRateWindowMs,
      blockDuration: submissionRateWindowMs,
    });
  }
}
