import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { JobSummaryDto } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { useJobText } from '@/features/jobs/use-job-text';
import './index.scss';

/** A posting in a list: title and pay, employer, key-sector badges, place, degree and deadline. */
export function JobCard({
  job,
  saved = false,
  onClick,
  footer,
}: {
  job: JobSummaryDto;
  saved?: boolean;
  onClick?: () => void;
  footer?: ReactNode;
}) {
  const { t } = useI18n();
  const text = useJobText();
  const keySector = job.keySectors.length > 0;
  return (
    <View
      className={`job-card ${keySector ? 'job-card--key' : ''} ${job.status === 'closed' ? 'job-card--closed' : ''}`}
      hoverClass={onClick ? 'job-card--pressed' : 'none'}
      data-job={job.id}
      onClick={onClick}
    >
      <View className="job-card__head">
        <Text className="job-card__title">{job.title}</Text>
        <Text className="job-card__salary">{text.salary(job)}</Text>
      </View>
      <View className="job-card__employer">
        <Text className="job-card__employer-name">{job.employer}</Text>
        <Text className="job-card__employer-type">{text.employerType(job)}</Text>
      </View>
      <View className="job-card__tags">
        {job.keySectors.map((sector) => (
          <Text key={sector} className="job-card__tag job-card__tag--key">
            {`${t.jobs.keySectorBadge} · ${text.sector(sector)}`}
          </Text>
        ))}
        <Text className="job-card__tag">{text.locations(job)}</Text>
        <Text className="job-card__tag">{text.degree(job)}</Text>
        {job.headcount ? (
          <Text className="job-card__tag">{format(t.jobs.headcount, { count: job.headcount })}</Text>
        ) : null}
      </View>
      <View className="job-card__foot">
        <Text className="job-card__deadline">{text.deadline(job)}</Text>
        {footer ?? <Text className="job-card__published">{text.published(job)}</Text>}
        {saved ? <Text className="job-card__saved">{`★ ${t.jobs.saved}`}</Text> : null}
      </View>
    </View>
  );
}
