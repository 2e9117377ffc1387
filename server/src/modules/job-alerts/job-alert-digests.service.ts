import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { runInTransaction } from '../../database/transactions';
import { JobsRepository } from '../jobs/jobs.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { WorkScheduler } from '../scheduling/work-scheduler';
import { digestDay, nextDigestAt } from './digest-schedule';
import { jobAlertMessage, jobDigestMessage } from './job-alert-message';
import { JobAlertsRepository, type DueDigest } from './job-alerts.repository';

export const DIGEST_WORK = 'jobs.alert-digests';
const BATCH = 200;

/**
 * Daily and weekly digests at each student's chosen time: the postings matched since their last digest go
 * into the inbox (one entry per posting, no push each) with one `job_digest` entry that carries the push.
 * Runs on the shared work scheduler; dedupe keys make an overlapping run in another process harmless.
 */
@Injectable()
export class JobAlertDigestsService implements OnModuleInit {
  private readonly logger = new Logger('JobAlerts');

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly alerts: JobAlertsRepository,
    private readonly jobs: JobsRepository,
    private readonly notifications: NotificationsService,
    private readonly scheduler: WorkScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: DIGEST_WORK,
      everyMs: this.config.jobs.sweepMs,
      run: async () => ({ more: (await this.sendDue(new Date())) === BATCH }),
    });
  }

  /** Sends the digests due now, one batch of students; answers how many students were due. */
  async sendDue(now: Date): Promise<number> {
    const due = await this.alerts.dueDigests(now, BATCH);
    if (due.length === 0) return 0;
    const sent = await runInTransaction(this.dataSource, async (manager) => {
      const delivered = await this.deliverPending(
        manager,
        due.map((student) => student.userId),
        now,
        { push: true, due },
      );
      await this.advanceSchedules(manager, due, now);
      return delivered;
    });
    if (sent > 0) this.logger.log({ students: due.length, digests: sent }, 'Sent job alert digests');
    return due.length;
  }

  /**
   * Puts these students' undelivered matches into their inbox: one entry per posting, then (with `push`) one
   * digest entry per student that carries the WeChat push. Answers the digests written.
   */
  async deliverPending(
    manager: EntityManager,
    userIds: readonly string[],
    now: Date,
    options: { push: boolean; due?: readonly DueDigest[] },
  ): Promise<number> {
    const pending = await this.alerts.pendingDigestMatches(manager, userIds, now);
    if (pending.length === 0) return 0;
    const jobs = await this.jobs.findByIds([...new Set(pending.map((match) => match.jobId))]);
    const timeZone = this.config.center.timezone;

    const studentsByJob = new Map<string, string[]>();
    for (const { userId, jobId } of pending)
      studentsByJob.set(jobId, [...(studentsByJob.get(jobId) ?? []), userId]);
    for (const [jobId, students] of studentsByJob) {
      const job = jobs.get(jobId);
      if (!job) continue;
      await this.notifications.notifyMany(manager, students, jobAlertMessage(job, timeZone, false));
      await this.alerts.markNotified(manager, jobId, students, now);
    }
    if (!options.push) return 0;

    const jobsByStudent = new Map<string, string[]>();
    for (const { userId, jobId } of pending)
      jobsByStudent.set(userId, [...(jobsByStudent.get(userId) ?? []), jobId]);
    const scheduledAt = new Map(options.due?.map((student) => [student.userId, student.nextDigestAt]));
    let digests = 0;
    for (const [userId, jobIds] of jobsByStudent) {
      const listed = jobIds.flatMap((jobId) => jobs.get(jobId) ?? []);
      if (listed.length === 0) continue;
      const dueAt = scheduledAt.get(userId) ?? now;
      const message = jobDigestMessage(listed, dueAt, timeZone, digestDay(dueAt, timeZone));
      // The inbox entry appears now even when the run is late; its dedupe key stays the scheduled time's.
      const { created } = await this.notifications.notify(manager, { ...message, dueAt: now, userId });
      if (created) digests += 1;
    }
    return digests;
  }

  /** Moves each due student's next digest past now; students with one schedule share one UPDATE. */
  private async advanceSchedules(
    manager: EntityManager,
    due: readonly DueDigest[],
    now: Date,
  ): Promise<void> {
    const groups = new Map<number, string[]>();
    for (const student of due) {
      const next = nextDigestAt(student, now, this.config.center.timezone);
      const key = next?.getTime() ?? -1;
      groups.set(key, [...(groups.get(key) ?? []), student.userId]);
    }
    for (const [time, userIds] of groups) {
      await this.alerts.setNextDigest(manager, userIds, time === -1 ? null : new Date(time), now);
    }
  }
}
