import { DEGREES, EMPLOYER_TYPES, INDUSTRIES, KEY_SECTORS, type JobSummaryDto } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { daysLeft, salaryText } from './job-format';

/** The words a posting is shown with, in the current language. */
export function useJobText() {
  const { t, label } = useI18n();
  const clock = useCenterClock();
  const words = {
    range: t.jobs.salaryRange,
    exact: t.jobs.salaryExact,
    from: t.jobs.salaryFrom,
    upTo: t.jobs.salaryUpTo,
    negotiable: t.jobs.salaryNegotiable,
  };
  return {
    salary: (job: Pick<JobSummaryDto, 'salaryMin' | 'salaryMax'>) =>
      salaryText(job.salaryMin, job.salaryMax, words),
    degree: (job: Pick<JobSummaryDto, 'degree'>) =>
      job.degree ? format(t.jobs.degreeAtLeast, { degree: label(DEGREES, job.degree) }) : t.jobs.anyDegree,
    locations: (job: Pick<JobSummaryDto, 'locations'>) =>
      job.locations.length > 0 ? job.locations.join('、') : t.jobs.anyLocation,
    employerType: (job: Pick<JobSummaryDto, 'employerType'>) => label(EMPLOYER_TYPES, job.employerType),
    industry: (job: Pick<JobSummaryDto, 'industry'>) => label(INDUSTRIES, job.industry),
    sector: (code: string) => label(KEY_SECTORS, code),
    /** "12月31日截止", or the days left in the last week, or closed. */
    deadline: (job: Pick<JobSummaryDto, 'deadline' | 'status'>, now = Date.now()) => {
      const left = daysLeft(job.deadline, now);
      if (job.status === 'closed' || new Date(job.deadline).getTime() <= now) return t.jobs.closed;
      if (left === 0) return t.jobs.lastDay;
      if (left < 7) return format(t.jobs.daysLeft, { days: left });
      const { month, day } = clock.parts(job.deadline);
      return format(t.jobs.deadlineOn, { month, day });
    },
    published: (job: Pick<JobSummaryDto, 'publishedAt'>, now = Date.now()) => {
      if (!job.publishedAt) return '';
      const days = Math.floor((now - new Date(job.publishedAt).getTime()) / 86_400_000);
      return days <= 0 ? t.jobs.publishedToday : format(t.jobs.publishedDaysAgo, { days });
    },
  };
}
