import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AlertFrequency,
  type AlertOpenedResponse,
  type IsoWeekday,
  type JobAlertsResponse,
  type JobMatchListResponse,
  JobStatus,
} from '@careerside/shared';
import { ResourceNotFoundException } from '../../common/errors/common.exceptions';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { runInTransaction } from '../../database/transactions';
import type { CursorQueryDto } from '../jobs/dto/job-query.dto';
import { toJobSummaryDto } from '../jobs/job.mapper';
import { JobsRepository } from '../jobs/jobs.repository';
import { decodeCursor, encodeCursor, pageOf } from '../jobs/paging';
import { normalizeLocations } from '../jobs/postings/locations';
import { normalizeSearchText } from '../jobs/search/search-text';
import type { UserEntity } from '../users/user.entity';
import {
  DEFAULT_DIGEST_MINUTE,
  DEFAULT_DIGEST_WEEKDAY,
  formatWallTime,
  nextDigestAt,
  parseWallTime,
} from './digest-schedule';
import type { UpdateJobAlertsDto } from './dto/job-alerts.dto';
import { JobAlertDigestsService } from './job-alert-digests.service';
import { JobAlertSettingsEntity } from './job-alert-settings.entity';
import { JobAlertsRepository } from './job-alerts.repository';

/** A student's alert preferences, the postings their alerts brought, and tap-through tracking. */
@Injectable()
export class JobAlertsService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly alerts: JobAlertsRepository,
    private readonly digests: JobAlertDigestsService,
    private readonly jobs: JobsRepository,
  ) {}

  /** Before the first save: nothing chosen, a daily digest suggested, the degree from the profile. */
  async get(user: UserEntity): Promise<JobAlertsResponse> {
    const stored = await this.alerts.findPreferences(user.id);
    if (!stored) {
      return {
        industries: [],
        keySectors: [],
        locations: [],
        keywords: [],
        degree: user.degree,
        frequency: AlertFrequency.Daily,
        digestTime: formatWallTime(DEFAULT_DIGEST_MINUTE),
        digestWeekday: DEFAULT_DIGEST_WEEKDAY,
        configured: false,
        nextDigestAt: null,
        updatedAt: null,
      };
    }
    const { settings } = stored;
    return {
      industries: stored.industries,
      keySectors: stored.keySectors,
      locations: stored.locations,
      keywords: stored.keywords,
      degree: settings.degree,
      frequency: settings.frequency,
      digestTime: formatWallTime(settings.digestMinute),
      digestWeekday: settings.digestWeekday as IsoWeekday,
      configured: true,
      nextDigestAt: settings.nextDigestAt?.toISOString() ?? null,
      updatedAt: settings.updatedAt.toISOString(),
    };
  }

  /**
   * Replaces the preferences. Locations and keywords are stored normalized (the form they are matched in).
   * Switching to instant delivers alerts still waiting for a digest to the inbox at once (without pushes).
   */
  async update(user: UserEntity, request: UpdateJobAlertsDto): Promise<JobAlertsResponse> {
    const now = new Date();
    const keywords = [...new Set(request.keywords.map(normalizeSearchText).filter(Boolean))];
    const digestMinute = request.digestTime
      ? (parseWallTime(request.digestTime) ?? DEFAULT_DIGEST_MINUTE)
      : DEFAULT_DIGEST_MINUTE;
    const digestWeekday = request.digestWeekday ?? DEFAULT_DIGEST_WEEKDAY;
    const locations = normalizeLocations(request.locations).keys;
    const settings = Object.assign(new JobAlertSettingsEntity(), {
      userId: user.id,
      frequency: request.frequency,
      degree: request.degree === undefined ? user.degree : request.degree,
      digestMinute,
      digestWeekday,
      anyIndustry: request.industries.length === 0,
      anyKeySector: request.keySectors.length === 0,
      anyLocation: locations.length === 0,
      anyKeyword: keywords.length === 0,
      nextDigestAt: nextDigestAt(
        { frequency: request.frequency, digestMinute, digestWeekday },
        now,
        this.config.center.timezone,
      ),
      createdAt: now,
      updatedAt: now,
    } satisfies JobAlertSettingsEntity);
    await runInTransaction(this.dataSource, async (manager) => {
      await this.alerts.savePreferences(manager, settings, {
        industries: [...new Set(request.industries)],
        keySectors: [...new Set(request.keySectors)],
        locations,
        keywords,
      });
      if (request.frequency === AlertFrequency.Instant) {
        await this.digests.deliverPending(manager, [user.id], now, { push: false });
      }
    });
    return this.get(user);
  }

  async matches(user: UserEntity, query: CursorQueryDto): Promise<JobMatchListResponse> {
    const limit = query.limit ?? 20;
    const after = decodeCursor(query.cursor);
    const rows = await this.alerts.listDelivered(user.id, {
      limit: limit + 1,
      after: after && { notifiedAt: after.at, jobId: after.id },
    });
    const page = pageOf(rows, limit, (last) => encodeCursor(last.notifiedAt, last.job.id));
    return {
      items: page.items.map((row) => ({
        ...toJobSummaryDto(row.job),
        matchedAt: row.matchedAt.toISOString(),
        openedAt: row.openedAt?.toISOString() ?? null,
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** The student reached the posting from an alert (inbox entry, WeChat push or digest list). */
  async opened(user: UserEntity, jobId: string): Promise<AlertOpenedResponse> {
    const job = await this.jobs.findById(jobId);
    if (!job || job.status === JobStatus.Draft) throw new ResourceNotFoundException('Job');
    return { counted: await this.alerts.markOpened(jobId, user.id, new Date()) };
  }
}
