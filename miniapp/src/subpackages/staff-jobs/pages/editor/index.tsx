import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AdminJobDto, JobStatsResponse } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useQuery } from '@/utils/use-query';
import { useCenterClock } from '@/features/meta/use-center-clock';
import {
  type PostingField,
  type PostingFormValues,
  emptyPosting,
  postingChanges,
  postingFromJob,
  postingRequest,
} from '@/features/jobs/posting-form';
import { staffJobsApi } from '@/services/api/jobs.api';
import { isApiError } from '@/services/http/request';
import { PostingForm } from '@/components/posting-form';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import '../staff-jobs.scss';

function Stats({ stats }: { stats: JobStatsResponse }) {
  const { t } = useI18n();
  const s = t.staffJobs;
  const cells: [string, number][] = [
    [s.statsMatched, stats.matched],
    [s.statsNotified, stats.notified],
    [s.statsAwaiting, stats.awaitingDigest],
    [s.statsWechatSent, stats.wechatSent],
    [s.statsWechatFailed, stats.wechatFailed],
    [s.statsWechatPending, stats.wechatPending],
    [s.statsSkipped, stats.wechatSkippedNoConsent],
    [s.statsFolded, stats.wechatFolded],
    [s.statsOpened, stats.opened],
    [s.statsSaved, stats.saved],
    [s.statsApplied, stats.applied],
  ];
  return (
    <View className="staff-jobs__card staff-jobs__stats-card">
      <Text className="staff-jobs__section">{s.stats}</Text>
      <View className="staff-jobs__stats">
        {cells.map(([label, value]) => (
          <View className="staff-jobs__stat" key={label}>
            <Text className="staff-jobs__stat-value">{value}</Text>
            <Text className="staff-jobs__stat-label">{label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function Editor({ job, onSaved }: { job: AdminJobDto | null; onSaved: (job: AdminJobDto) => void }) {
  const { t } = useI18n();
  const s = t.staffJobs;
  const clock = useCenterClock();
  const original = job ? postingFromJob(job, clock) : emptyPosting();
  const [values, setValues] = useState<PostingFormValues>(original);
  const [errors, setErrors] = useState<Partial<Record<PostingField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const closed = job?.status === 'closed';

  const change = (next: Partial<PostingFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !(field in next))));
  };

  /** Saves what changed; answers the stored posting, or null when the form has problems. */
  const save = async (): Promise<AdminJobDto | null> => {
    const { request, invalid } = postingRequest(values);
    const { changes } = postingChanges(values, original);
    if (invalid.length > 0) {
      setErrors(Object.fromEntries(invalid.map((field) => [field, s.numberInvalid])));
      setProblem(s.checkFields);
      return null;
    }
    setProblem(null);
    try {
      if (!job) return await staffJobsApi.create(request);
      if (Object.keys(changes).length === 0) return job;
      return await staffJobsApi.update(job.id, changes);
    } catch (error) {
      if (isApiError(error) && error.isValidation) {
        const byField = error.fieldErrors();
        setErrors(
          Object.fromEntries(
            Object.keys(values)
              .filter((field) => byField[field])
              .map((field) => [field, byField[field]]),
          ),
        );
        setProblem(s.checkFields);
      } else {
        setProblem(describeError(error, t));
      }
      return null;
    }
  };

  const run = async (publish: boolean) => {
    setBusy(true);
    try {
      const saved = await save();
      if (!saved) return;
      if (publish && saved.status === 'draft') {
        const { confirm } = await Taro.showModal({
          title: s.publishConfirmTitle,
          content: s.publishConfirmBody,
          confirmText: s.publish,
          cancelText: t.common.cancel,
        });
        if (!confirm) {
          onSaved(saved);
          return;
        }
        const published = await staffJobsApi.publish(saved.id);
        await Taro.showToast({
          title: format(s.publishedToast, { notified: published.alerts.notified }),
          icon: 'none',
        });
        onSaved(published);
        return;
      }
      await Taro.showToast({ title: s.savedToast, icon: 'success' });
      onSaved(saved);
    } catch (error) {
      setProblem(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="staff-jobs">
      <PostingForm values={values} onChange={change} errors={errors} />
      {problem ? <Text className="staff-jobs__problem">{problem}</Text> : null}
      {closed ? null : (
        <View className="staff-jobs__buttons">
          <Button disabled={busy} onClick={() => void run(false)}>
            {job && job.status !== 'draft' ? s.save : s.saveDraft}
          </Button>
          {!job || job.status === 'draft' ? (
            <Button type="primary" disabled={busy} loading={busy} onClick={() => void run(true)}>
              {s.saveAndPublish}
            </Button>
          ) : null}
        </View>
      )}
    </View>
  );
}

/** Staff: create or edit a posting; a published one shows how far its alerts reached. */
export default function StaffJobEditorPage() {
  const { params } = useRouter();
  const [id, setId] = useState(params.id ?? '');
  usePageTitle((t) => (id ? t.staffJobs.editorEdit : t.staffJobs.editorNew));
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const job = useQuery(() => (id ? staffJobsApi.get(id) : Promise.resolve(null)), [id], signedIn);
  const stats = useQuery(
    () => (job.data && job.data.status !== 'draft' ? staffJobsApi.stats(job.data.id) : Promise.resolve(null)),
    [job.data?.id, job.data?.status],
    signedIn,
  );

  if (job.status === 'error')
    return (
      <View className="page">
        <ErrorState message={describeError(job.error, t)} onRetry={job.reload} />
      </View>
    );
  if (job.status === 'loading' && !job.data)
    return (
      <View className="page">
        <LoadingState blocks={3} />
      </View>
    );

  const current = job.data ?? null;
  const statusLabel = current
    ? { draft: t.staffJobs.draft, published: t.staffJobs.published, closed: t.staffJobs.closed }[
        current.status
      ]
    : null;
  return (
    <View className="page">
      {current ? (
        <View className="staff-jobs__card">
          <View className="staff-jobs__row-head">
            <Text className="staff-jobs__title">{current.title}</Text>
            <Text className={`staff-jobs__status staff-jobs__status--${current.status}`}>{statusLabel}</Text>
          </View>
        </View>
      ) : null}
      {stats.data ? <Stats stats={stats.data} /> : null}
      <Editor
        key={`${current?.id ?? 'new'}:${current?.updatedAt ?? ''}`}
        job={current}
        onSaved={(saved) => {
          if (saved.id !== id) setId(saved.id);
          else job.reload();
        }}
      />
    </View>
  );
}
