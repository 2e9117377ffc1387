import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { type AdminJobDto, JOB_STATUSES, type JobStatus } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useQuery } from '@/utils/use-query';
import { useJobText } from '@/features/jobs/use-job-text';
import { staffJobsApi } from '@/services/api/jobs.api';
import { ChipGroup } from '@/components/chip-group';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import '../staff-jobs.scss';

const ALL = 'all';

/** Staff: every posting by status, with publish and close; ways to the editor, the review queue and import. */
export default function StaffJobsPage() {
  usePageTitle((t) => t.staffJobs.title);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const text = useJobText();
  const [status, setStatus] = useState<string>(ALL);
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');
  const jobs = useQuery(
    () =>
      staffJobsApi.list({
        status: status === ALL ? undefined : (status as JobStatus),
        keyword: keyword || undefined,
        limit: 50,
      }),
    [status, keyword],
    signedIn,
  );
  const pending = useQuery(() => staffJobsApi.submissions({ limit: 1 }), [], signedIn);
  useDidShow(() => {
    if (jobs.status !== 'loading') jobs.reload();
    if (pending.status !== 'loading') pending.reload();
  });

  const statusLabel: Record<JobStatus, string> = {
    draft: t.staffJobs.draft,
    published: t.staffJobs.published,
    closed: t.staffJobs.closed,
  };

  const act = async (job: AdminJobDto, action: 'publish' | 'close') => {
    const { confirm } = await Taro.showModal({
      title: action === 'publish' ? t.staffJobs.publishConfirmTitle : t.staffJobs.closeConfirmTitle,
      content: action === 'publish' ? t.staffJobs.publishConfirmBody : t.staffJobs.closeConfirmBody,
      confirmText: action === 'publish' ? t.staffJobs.publish : t.staffJobs.close,
      cancelText: t.common.cancel,
    });
    if (!confirm) return;
    try {
      if (action === 'publish') {
        const published = await staffJobsApi.publish(job.id);
        await Taro.showToast({
          title: format(t.staffJobs.publishedToast, { notified: published.alerts.notified }),
          icon: 'none',
        });
      } else {
        await staffJobsApi.close(job.id);
        await Taro.showToast({ title: t.staffJobs.closedToast, icon: 'none' });
      }
      jobs.reload();
    } catch (error) {
      await Taro.showToast({ title: describeError(error, t), icon: 'none' });
    }
  };

  return (
    <View className="page staff-jobs">
      <View className="staff-jobs__toolbar">
        <Button type="primary" size="small" onClick={() => void openPage(PageRoute.staffJobEditor)}>
          {t.staffJobs.newJob}
        </Button>
        <Button size="small" onClick={() => void openPage(PageRoute.staffJobReview)}>
          {pending.data?.total
            ? format(t.staffJobs.reviewCount, { count: pending.data.total })
            : t.staffJobs.review}
        </Button>
        <Button size="small" onClick={() => void openPage(PageRoute.staffJobImport)}>
          {t.staffJobs.import}
        </Button>
      </View>
      <ChipGroup
        chips={[
          { value: ALL, label: t.staffJobs.all },
          ...JOB_STATUSES.map((value) => ({ value, label: statusLabel[value] })),
        ]}
        selected={status}
        onSelect={setStatus}
      />
      <View className="staff-jobs__search">
        <Input
          className="staff-jobs__search-input"
          value={typed}
          confirmType="search"
          placeholder={t.staffJobs.searchPlaceholder}
          onInput={(event) => setTyped(event.detail.value)}
          onConfirm={() => setKeyword(typed.trim())}
        />
        <Button size="small" onClick={() => setKeyword(typed.trim())}>
          {t.jobs.search}
        </Button>
      </View>
      {jobs.data ? (
        jobs.data.items.length === 0 ? (
          <EmptyState title={t.staffJobs.empty} />
        ) : (
          jobs.data.items.map((job) => (
            <View className="staff-jobs__card" key={job.id} data-job={job.id}>
              <View className="staff-jobs__row-head">
                <Text className="staff-jobs__title">{job.title}</Text>
                <Text className={`staff-jobs__status staff-jobs__status--${job.status}`}>
                  {statusLabel[job.status]}
                </Text>
              </View>
              <Text className="staff-jobs__meta">{`${job.employer} · ${text.locations(job)} · ${text.deadline(job)}`}</Text>
              <View className="staff-jobs__actions">
                <Button
                  size="small"
                  onClick={() => void openPage(withQuery(PageRoute.staffJobEditor, { id: job.id }))}
                >
                  {t.staffJobs.edit}
                </Button>
                {job.status === 'draft' ? (
                  <Button size="small" type="primary" onClick={() => void act(job, 'publish')}>
                    {t.staffJobs.publish}
                  </Button>
                ) : null}
                {job.status !== 'closed' ? (
                  <Button size="small" type="danger" fill="outline" onClick={() => void act(job, 'close')}>
                    {t.staffJobs.close}
                  </Button>
                ) : null}
              </View>
            </View>
          ))
        )
      ) : jobs.status === 'error' ? (
        <ErrorState message={describeError(jobs.error, t)} onRetry={jobs.reload} />
      ) : (
        <LoadingState blocks={3} />
      )}
    </View>
  );
}
