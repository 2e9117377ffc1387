import { JobsPage, NotificationKind } from '@careerside/shared';
import type { NotificationMessage } from '../notifications/notifications.service';
import { wallTime } from '../../common/time/zoned-time';

export interface AlertedJob {
  id: string;
  title: string;
  employerName: string;
  locations: readonly string[];
  deadline: Date;
}

/** Each student hears of a posting once: the inbox's dedupe key per (student, posting). */
export function jobAlertDedupeKey(jobId: string): string {
  return `job_alert:${jobId}`;
}

/** Where tapping an alert leads: the posting, marked as reached from an alert (counted as opened). */
export function jobAlertPage(jobId: string): string {
  return `${JobsPage.detail}?id=${encodeURIComponent(jobId)}&from=alert`;
}

function shortDate(at: Date, timeZone: string): string {
  const { month, day } = wallTime(at, timeZone);
  return `${month}月${day}日`;
}

// Inbox text is stored once for every reader, in the center's language (Chinese), as the other kinds are.
export function jobAlertMessage(
  job: AlertedJob,
  timeZone: string,
  push: boolean,
): NotificationMessage<typeof NotificationKind.JobAlert> {
  const where = job.locations.length > 0 ? job.locations.join('、') : '不限地点';
  return {
    kind: NotificationKind.JobAlert,
    title: `新岗位：${job.title}`,
    body: `${job.employerName} · ${where} · ${shortDate(job.deadline, timeZone)}截止`,
    page: jobAlertPage(job.id),
    payload: { jobId: job.id },
    dedupeKey: jobAlertDedupeKey(job.id),
    wechat: push
      ? { jobTitle: job.title, employer: job.employerName, location: where, deadline: job.deadline }
      : false,
  };
}

export function jobDigestMessage(
  jobs: readonly AlertedJob[],
  dueAt: Date,
  timeZone: string,
  day: string,
): NotificationMessage<typeof NotificationKind.JobDigest> {
  const names = jobs.slice(0, 3).map((job) => `${job.employerName}「${job.title}」`);
  const more = jobs.length > 3 ? ` 等 ${jobs.length} 个岗位` : '';
  return {
    kind: NotificationKind.JobDigest,
    title: `${jobs.length} 个新岗位符合你的订阅`,
    body: `${names.join('、')}${more}。点击查看全部。`,
    page: JobsPage.matches,
    payload: { jobIds: jobs.slice(0, 20).map((job) => job.id) },
    dedupeKey: `job_digest:${day}:${dueAt.getTime()}`,
    dueAt,
    wechat: { count: jobs.length, summary: jobs[0]?.title ?? '', date: shortDate(dueAt, timeZone) },
  };
}
