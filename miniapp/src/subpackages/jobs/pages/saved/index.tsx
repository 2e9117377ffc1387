import { Text, View } from '@tarojs/components';
import { useDidShow, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { usePagedList } from '@/features/jobs/use-paged-list';
import { jobsApi } from '@/services/api/jobs.api';
import { ChipGroup } from '@/components/chip-group';
import { JobCard } from '@/components/job-card';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import './index.scss';

type Tab = 'saved' | 'applied';

/** My saved postings and the ones I applied to, closed ones included. */
export default function SavedJobsPage() {
  usePageTitle((t) => t.jobs.savedTitle);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const clock = useCenterClock();
  const [tab, setTab] = useState<Tab>('saved');
  const list = usePagedList(
    (cursor) => (tab === 'saved' ? jobsApi.saved(cursor) : jobsApi.applied(cursor)),
    [tab],
    signedIn,
  );
  useReachBottom(list.loadMore);
  useDidShow(() => {
    if (list.status === 'success') list.reload();
  });

  const day = (iso: string | null) => {
    if (!iso) return '';
    const { month, day: date } = clock.parts(iso);
    return `${month}/${date}`;
  };

  return (
    <View className="page saved-jobs">
      <ChipGroup
        chips={[
          { value: 'saved', label: t.jobs.savedTab },
          { value: 'applied', label: t.jobs.appliedTab },
        ]}
        selected={tab}
        onSelect={(value) => setTab(value as Tab)}
      />
      <View className="saved-jobs__list">
        {list.status === 'error' && list.items.length === 0 ? (
          <ErrorState message={describeError(list.error, t)} onRetry={list.reload} />
        ) : list.status === 'loading' && list.items.length === 0 ? (
          <LoadingState blocks={2} />
        ) : list.items.length === 0 ? (
          <EmptyState title={tab === 'saved' ? t.jobs.savedEmpty : t.jobs.appliedEmpty} />
        ) : (
          list.items.map((job) => (
            <JobCard
              key={job.id}
              job={job}
              onClick={() => void openPage(withQuery(PageRoute.jobDetail, { id: job.id }))}
              footer={
                <Text className="saved-jobs__when">
                  {job.appliedAt
                    ? format(t.jobs.appliedOn, { date: day(job.appliedAt) })
                    : format(t.jobs.savedOn, { date: day(job.savedAt) })}
                </Text>
              }
            />
          ))
        )}
      </View>
    </View>
  );
}
