import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JobAlertOutcome } from '@careerside/shared';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import type { JobEntity } from '../jobs/job.entity';
import { normalizeLocations } from '../jobs/postings/locations';
import { NotificationsService } from '../notifications/notifications.service';
import { jobAlertMessage } from './job-alert-message';
import { JobAlertsRepository } from './job-alerts.repository';

/**
 * What publishing a posting sets off, inside the publishing transaction: the set-based match of every
 * student's preferences (in the database), then one inbox entry (and WeChat push, with consent) per instant
 * subscriber, read and written a page (NOTIFY_FANOUT_CHUNK) at a time so memory does not grow with the match.
 * Digest subscribers' matches wait for their digest. Repeating it alerts nobody twice.
 */
@Injectable()
export class JobAlertFanoutService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly alerts: JobAlertsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async alertMatchingStudents(
    manager: EntityManager,
    job: JobEntity & { searchText: string },
    now: Date,
  ): Promise<JobAlertOutcome> {
    await this.alerts.insertMatches(
      manager,
      job.id,
      {
        industry: job.industry,
        keySectors: job.keySectors,
        locationKeys: normalizeLocations(job.locations).keys,
        degree: job.degree,
        searchText: job.searchText,
      },
      now,
    );
    let instant = 0;
    const pages = this.alerts.instantUserIdPages(manager, job.id, now, this.config.notifications.fanOutChunk);
    async function* counted(): AsyncGenerator<string[]> {
      for await (const page of pages) {
        instant += page.length;
        yield page;
      }
    }
    await this.notifications.notifyPages(
      manager,
      counted(),
      jobAlertMessage(job, this.config.center.timezone, true),
    );
    const { matched } = await this.alerts.countMatches(job.id, manager);
    return { matched, notified: instant };
  }
}
