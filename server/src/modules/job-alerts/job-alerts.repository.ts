import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AlertFrequency,
  DeliveryStatus,
  type Industry,
  JobStatus,
  type KeySector,
  Role,
} from '@careerside/shared';
import { keysetPages } from '../../database/keyset-pages';
import { JobEntity } from '../jobs/job.entity';
import { insertIgnore, placeholders, readTime, sqlTime } from '../notifications/sql-support';
import { JobAlertMatchEntity } from './job-alert-match.entity';
import { JobAlertSettingsEntity } from './job-alert-settings.entity';
import {
  JobAlertIndustryEntity,
  JobAlertKeySectorEntity,
  JobAlertKeywordEntity,
  JobAlertLocationEntity,
} from './job-alert-values.entity';
import { type MatchableJob, matchingCondition } from './matching';

export interface StoredPreferences {
  settings: JobAlertSettingsEntity;
  industries: Industry[];
  keySectors: KeySector[];
  locations: string[];
  keywords: string[];
}

export interface PreferenceLists {
  industries: readonly Industry[];
  keySectors: readonly KeySector[];
  locations: readonly string[];
  keywords: readonly string[];
}

export interface MatchCounts {
  matched: number;
  notified: number;
  awaitingDigest: number;
  opened: number;
}

export interface DueDigest {
  userId: string;
  frequency: AlertFrequency;
  digestMinute: number;
  digestWeekday: number;
  nextDigestAt: Date;
}

export interface PendingMatch {
  userId: string;
  jobId: string;
}

export interface MatchedJobRow {
  job: JobEntity;
  matchedAt: Date;
  notifiedAt: Date;
  openedAt: Date | null;
}

/**
 * Runs a write and answers the rows it changed. The rows count comes from the structured result: on SQLite
 * TypeORM's plain `query()` answers the last insert rowid instead.
 */
async function execute(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const own = manager.queryRunner ? null : manager.connection.createQueryRunner();
  const runner = manager.queryRunner ?? own;
  if (!runner) throw new Error('No query runner');
  try {
    return (await runner.query(sql, parameters, true)).affected ?? 0;
  } finally {
    await own?.release();
  }
}

const DELIVERY_BUCKETS: Record<string, 'sent' | 'failed' | 'pending' | 'skipped' | 'folded'> = {
  [DeliveryStatus.Sent]: 'sent',
  [DeliveryStatus.Dead]: 'failed',
  [DeliveryStatus.Unconfirmed]: 'failed',
  [DeliveryStatus.Queued]: 'pending',
  [DeliveryStatus.Sending]: 'pending',
  [DeliveryStatus.Failed]: 'pending',
  [DeliveryStatus.SkippedNoConsent]: 'skipped',
  [DeliveryStatus.Folded]: 'folded',
};

/** Alert preferences (one row per value) and the matches publishing writes. */
@Injectable()
export class JobAlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findPreferences(userId: string): Promise<StoredPreferences | null> {
    const manager = this.dataSource.manager;
    const settings = await manager.getRepository(JobAlertSettingsEntity).findOneBy({ userId });
    if (!settings) return null;
    const [industries, keySectors, locations, keywords] = await Promise.all([
      manager.getRepository(JobAlertIndustryEntity).find({ where: { userId }, order: { industry: 'ASC' } }),
      manager.getRepository(JobAlertKeySectorEntity).find({ where: { userId }, order: { keySector: 'ASC' } }),
      manager.getRepository(JobAlertLocationEntity).find({ where: { userId }, order: { location: 'ASC' } }),
      manager.getRepository(JobAlertKeywordEntity).find({ where: { userId }, order: { keyword: 'ASC' } }),
    ]);
    return {
      settings,
      industries: industries.map((row) => row.industry),
      keySectors: keySectors.map((row) => row.keySector),
      locations: locations.map((row) => row.location),
      keywords: keywords.map((row) => row.keyword),
    };
  }

  /** Replaces a student's preferences: the settings row and every list. */
  async savePreferences(
    manager: EntityManager,
    settings: JobAlertSettingsEntity,
    lists: PreferenceLists,
  ): Promise<void> {
    const userId = settings.userId;
    const existing = await manager.getRepository(JobAlertSettingsEntity).findOneBy({ userId });
    if (existing) {
      const { createdAt: _keep, userId: _id, ...changes } = settings;
      await manager.getRepository(JobAlertSettingsEntity).update({ userId }, changes);
    } else {
      await manager.getRepository(JobAlertSettingsEntity).insert(settings);
    }
    await manager.getRepository(JobAlertIndustryEntity).delete({ userId });
    await manager.getRepository(JobAlertKeySectorEntity).delete({ userId });
    await manager.getRepository(JobAlertLocationEntity).delete({ userId });
    await manager.getRepository(JobAlertKeywordEntity).delete({ userId });
    if (lists.industries.length > 0) {
      await manager
        .getRepository(JobAlertIndustryEntity)
        .insert(lists.industries.map((industry) => ({ userId, industry })));
    }
    if (lists.keySectors.length > 0) {
      await manager
        .getRepository(JobAlertKeySectorEntity)
        .insert(lists.keySectors.map((keySector) => ({ userId, keySector })));
    }
    if (lists.locations.length > 0) {
      await manager
        .getRepository(JobAlertLocationEntity)
        .insert(lists.locations.map((location) => ({ userId, location })));
    }
    if (lists.keywords.length > 0) {
      await manager
        .getRepository(JobAlertKeywordEntity)
        .insert(lists.keywords.map((keyword) => ({ userId, keyword })));
    }
  }

  /**
   * Records every student whose preferences match the posting: one INSERT ... SELECT over all preferences,
   * skipping students matched before (the primary key), so repeating it is harmless. Instant subscribers'
   * rows are written as notified: the caller writes their inbox entries in the same transaction, so the two
   * commit (or roll back) together. Answers the rows added.
   */
  async insertMatches(manager: EntityManager, jobId: string, job: MatchableJob, now: Date): Promise<number> {
    const { where, parameters } = matchingCondition(job);
    const at = sqlTime(manager, now);
    return execute(
      manager,
      `${insertIgnore(manager)} INTO job_alert_matches (job_id, user_id, frequency, matched_at, notified_at, opened_at)
       SELECT ?, s.user_id, s.frequency, ?, CASE WHEN s.frequency = ? THEN ? ELSE NULL END, NULL
       FROM job_alert_settings s
       JOIN users u ON u.id = s.user_id AND u.role = ?
       WHERE ${where}`,
      [jobId, at, AlertFrequency.Instant, at, Role.Student, ...parameters],
    );
  }

  /**
   * The instant subscribers matched to a posting at this time (by insertMatches above), `size` at a time in
   * user id order: keyset paging on the primary key (job, user), each page read after the previous one was
   * handled, so a posting that matches a whole province is never held in memory at once.
   */
  async *instantUserIdPages(
    manager: EntityManager,
    jobId: string,
    matchedAt: Date,
    size: number,
  ): AsyncGenerator<string[]> {
    yield* keysetPages(size, async (after, limit) => {
      const rows: { user_id: string }[] = await manager.query(
        `SELECT user_id FROM job_alert_matches
         WHERE job_id = ? AND user_id > ? AND frequency = ? AND matched_at = ?
         ORDER BY user_id LIMIT ?`,
        [jobId, after, AlertFrequency.Instant, sqlTime(manager, matchedAt), limit],
      );
      return rows.map((row) => row.user_id);
    });
  }

  /** Marks matches as delivered to the inbox; answers how many were not before. */
  async markNotified(
    manager: EntityManager,
    jobId: string,
    userIds: readonly string[],
    now: Date,
  ): Promise<number> {
    let marked = 0;
    for (let i = 0; i < userIds.length; i += 500) {
      const chunk = userIds.slice(i, i + 500);
      marked += await execute(
        manager,
        `UPDATE job_alert_matches SET notified_at = ? WHERE job_id = ? AND notified_at IS NULL AND user_id IN (${placeholders(chunk.length)})`,
        [sqlTime(manager, now), jobId, ...chunk],
      );
    }
    return marked;
  }

  async countMatches(jobId: string, manager: EntityManager = this.dataSource.manager): Promise<MatchCounts> {
    const rows: {
      matched: number | string;
      notified: number | string | null;
      opened: number | string | null;
    }[] = await manager.query(
      `SELECT COUNT(*) AS matched,
                SUM(CASE WHEN notified_at IS NOT NULL THEN 1 ELSE 0 END) AS notified,
                SUM(CASE WHEN opened_at IS NOT NULL THEN 1 ELSE 0 END) AS opened
         FROM job_alert_matches WHERE job_id = ?`,
      [jobId],
    );
    const matched = Number(rows[0]?.matched ?? 0);
    const notified = Number(rows[0]?.notified ?? 0);
    return { matched, notified, awaitingDigest: matched - notified, opened: Number(rows[0]?.opened ?? 0) };
  }

  /** The WeChat pushes of this posting's alerts by outcome (the notifications module's outbox, joined per match). */
  async deliveryCounts(
    jobId: string,
    dedupeKey: string,
  ): Promise<Record<'sent' | 'failed' | 'pending' | 'skipped' | 'folded', number>> {
    const rows: { status: string; count: number | string }[] = await this.dataSource.query(
      `SELECT d.status AS status, COUNT(*) AS count
       FROM job_alert_matches m
       JOIN notifications n ON n.user_id = m.user_id AND n.dedupe_key = ?
       JOIN notification_deliveries d ON d.notification_id = n.id
       WHERE m.job_id = ?
       GROUP BY d.status`,
      [dedupeKey, jobId],
    );
    const counts = { sent: 0, failed: 0, pending: 0, skipped: 0, folded: 0 };
    for (const row of rows) {
      const bucket = DELIVERY_BUCKETS[row.status];
      if (bucket) counts[bucket] += Number(row.count);
    }
    return counts;
  }

  /** First tap-through only; false when the student had no alert for it or had opened it before. */
  async markOpened(jobId: string, userId: string, now: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(JobAlertMatchEntity)
      .set({ openedAt: now })
      .where('job_id = :jobId AND user_id = :userId AND opened_at IS NULL AND notified_at IS NOT NULL', {
        jobId,
        userId,
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Daily and weekly subscribers whose digest is due, oldest first. */
  async dueDigests(now: Date, limit: number): Promise<DueDigest[]> {
    const rows = await this.dataSource
      .getRepository(JobAlertSettingsEntity)
      .createQueryBuilder('s')
      .where('s.frequency IN (:...digests) AND s.nextDigestAt <= :now', {
        digests: [AlertFrequency.Daily, AlertFrequency.Weekly],
        now,
      })
      .orderBy('s.nextDigestAt', 'ASC')
      .addOrderBy('s.userId', 'ASC')
      .take(limit)
      .getMany();
    return rows.map((row) => ({
      userId: row.userId,
      frequency: row.frequency,
      digestMinute: row.digestMinute,
      digestWeekday: row.digestWeekday,
      nextDigestAt: row.nextDigestAt ?? now,
    }));
  }

  /** Matches of these students that their digests have not yet delivered, on postings still open. */
  async pendingDigestMatches(
    manager: EntityManager,
    userIds: readonly string[],
    now: Date,
  ): Promise<PendingMatch[]> {
    const matches: PendingMatch[] = [];
    for (let i = 0; i < userIds.length; i += 500) {
      const chunk = userIds.slice(i, i + 500);
      const rows: { user_id: string; job_id: string }[] = await manager.query(
        `SELECT m.user_id, m.job_id FROM job_alert_matches m
         JOIN jobs j ON j.id = m.job_id
         WHERE m.notified_at IS NULL AND m.frequency IN (?, ?) AND j.status = ? AND j.deadline > ?
           AND m.user_id IN (${placeholders(chunk.length)})
         ORDER BY m.matched_at DESC`,
        [AlertFrequency.Daily, AlertFrequency.Weekly, JobStatus.Published, sqlTime(manager, now), ...chunk],
      );
      matches.push(...rows.map((row) => ({ userId: row.user_id, jobId: row.job_id })));
    }
    return matches;
  }

  /** Sets the next digest time of students who share one schedule. */
  async setNextDigest(
    manager: EntityManager,
    userIds: readonly string[],
    next: Date | null,
    now: Date,
  ): Promise<void> {
    for (let i = 0; i < userIds.length; i += 500) {
      const chunk = userIds.slice(i, i + 500);
      await manager
        .createQueryBuilder()
        .update(JobAlertSettingsEntity)
        .set({ nextDigestAt: next, updatedAt: now })
        .where('user_id IN (:...chunk)', { chunk })
        .execute();
    }
  }

  /** Postings this student's alerts delivered, newest first; `after` is the last of the previous page. */
  async listDelivered(
    userId: string,
    options: { limit: number; after?: { notifiedAt: Date; jobId: string } },
  ): Promise<MatchedJobRow[]> {
    const query = this.dataSource
      .getRepository(JobEntity)
      .createQueryBuilder('job')
      .innerJoin(JobAlertMatchEntity, 'm', 'm.jobId = job.id')
      .addSelect(['m.matchedAt', 'm.notifiedAt', 'm.openedAt'])
      .where('m.userId = :userId AND m.notifiedAt IS NOT NULL', { userId });
    if (options.after) {
      query.andWhere('(m.notifiedAt < :afterAt OR (m.notifiedAt = :afterAt AND job.id < :afterId))', {
        afterAt: options.after.notifiedAt,
        afterId: options.after.jobId,
      });
    }
    const { entities, raw } = await query
      .orderBy('m.notifiedAt', 'DESC')
      .addOrderBy('job.id', 'DESC')
      .limit(options.limit)
      .getRawAndEntities<Record<string, Date | string | null>>();
    const byJob = new Map(raw.map((row) => [row.job_id as string, row]));
    return entities.map((job) => {
      const row = byJob.get(job.id) ?? {};
      return {
        job,
        matchedAt: readTime(row.m_matched_at ?? null) ?? new Date(0),
        notifiedAt: readTime(row.m_notified_at ?? null) ?? new Date(0),
        openedAt: readTime(row.m_opened_at ?? null),
      };
    });
  }
}
