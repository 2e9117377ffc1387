import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { useJobMarks } from '@/features/jobs/job-marks';
import { usePagedList } from '@/features/jobs/use-paged-list';
import { jobsApi } from '@/services/api/jobs.api';
import { JobCard } from '@/components/job-card';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import './index.scss';

/** Postings my alerts brought me: where a digest notification opens. Tapping one counts as opened. */
export default function JobMatchesPage() {
  usePageTitle((t) => t.jobs.matchesTitle);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const clock = useCenterClock();
  const marks = useJobMarks();
  const list = usePagedList((cursor) => jobsApi.matches(cursor), [], signedIn);
  useReachBottom(list.loadMore);

  return (
    <View className="page job-matches">
      <Text className="job-matches__lead">{t.jobs.matchesLead}</Text>
      {list.status === 'error' && list.items.length === 0 ? (
        <ErrorState message={describeError(list.error, t)} onRetry={list.reload} />
      ) : list.status === 'loading' && list.items.length === 0 ? (
        <LoadingState blocks={2} />
      ) : list.items.length === 0 ? (
        <View>
          <EmptyState title={t.jobs.matchesEmpty} body={t.jobs.matchesEmptyBody} />
          <View className="job-matches__action">
            <Button type="primary" size="small" onClick={() => void openPage(PageRoute.jobAlerts)}>
              {t.jobs.setAlerts}
            </Button>
          </View>
        </View>
      ) : (
        list.items.map((job) => {
          const { month, day } = clock.parts(job.matchedAt);
          return (
            <JobCard
              key={job.id}
              job={job}
              saved={marks.saved.has(job.id)}
              onClick={() => void openPage(withQuery(PageRoute.jobDetail, { id: job.id, from: 'alert' }))}
              footer={<Text>{format(t.jobs.matchedOn, { date: `${month}/${day}` })}</Text>}
            />
          );
        })
      )}
    </View>
  );
}
