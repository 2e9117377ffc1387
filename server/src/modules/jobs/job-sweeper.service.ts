import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { WorkScheduler } from '../scheduling/work-scheduler';
import { JobsRepository } from './jobs.repository';

export const CLOSE_EXPIRED_WORK = 'jobs.close-expired';

/**
 * Closes published postings at their deadline, on the shared work scheduler. Students never see an expired
 * posting in the list even between runs (the list filters on the deadline); this makes the status say so.
 */
@Injectable()
export class JobSweeperService implements OnModuleInit {
  private readonly logger = new Logger('Jobs');

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly scheduler: WorkScheduler,
    private readonly jobs: JobsRepository,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: CLOSE_EXPIRED_WORK,
      everyMs: this.config.jobs.sweepMs,
      run: async () => {
        await this.closeExpired(new Date());
      },
    });
  }

  async closeExpired(now: Date): Promise<number> {
    const closed = await this.jobs.closeExpired(now);
    if (closed > 0) this.logger.log({ closed }, 'Closed postings past their deadline');
    return closed;
  }
}
