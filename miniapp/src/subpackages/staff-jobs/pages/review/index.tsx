import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  type AdminJobSubmissionDto,
  JOB_LIMITS,
  SUBMISSION_STATUSES,
  type SubmissionStatus,
} from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useQuery } from '@/utils/use-query';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { useJobText } from '@/features/jobs/use-job-text';
import { staffJobsApi } from '@/services/api/jobs.api';
import { ChipGroup } from '@/components/chip-group';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import '../staff-jobs.scss';

// A submission keeps the deadline as the employer typed it: a date-time with an offset, or a calendar date
// (2026-12-31, 2026/12/31, ...) that already is the center's.
const WITH_OFFSET = /T\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$/i;

function Submission({
  submission,
  onReviewed,
}: {
  submission: AdminJobSubmissionDto;
  onReviewed: () => void;
}) {
  const { t } = useI18n();
  const s = t.staffJobs;
  const text = useJobText();
  const clock = useCenterClock();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const posting = submission.posting;
  const statusLabel: Record<SubmissionStatus, string> = {
    pending: s.pending,
    approved: s.approved,
    declined: s.declined,
  };
  const contact = [submission.contactName, submission.contactPhone, submission.contactEmail]
    .filter(Boolean)
    .join(' · ');

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      await Taro.showToast({ title: done, icon: 'success' });
      onReviewed();
    } catch (error) {
      setProblem(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="staff-jobs__card" data-submission={submission.id}>
      <View className="staff-jobs__row-head">
        <Text className="staff-jobs__title">{posting.title}</Text>
        <Text className={`staff-jobs__status staff-jobs__status--${submission.status}`}>
          {statusLabel[submission.status]}
        </Text>
      </View>
      <Text className="staff-jobs__meta">
        {`${posting.employer} · ${text.employerType({ employerType: posting.employerType ?? 'other' })} · ${text.industry(posting)}`}
      </Text>
      <Text className="staff-jobs__meta">
        {`${text.locations({ locations: posting.locations ?? [] })} · ${text.degree({ degree: posting.degree ?? null })} · ${text.salary(
          {
            salaryMin: posting.salaryMin ?? null,
            salaryMax: posting.salaryMax ?? null,
          },
        )}`}
      </Text>
      {posting.keySectors?.length ? (
        <Text className="staff-jobs__meta">
          {posting.keySectors.map((sector) => `${t.jobs.keySectorBadge} · ${text.sector(sector)}`).join('  ')}
        </Text>
      ) : null}
      <Text className="staff-jobs__meta">{`${s.contact}：${contact}`}</Text>
      <Text className="staff-jobs__meta">{`${s.submittedAt}：${clock.dateTime(submission.createdAt)} · ${t.jobs.deadline}：${WITH_OFFSET.test(posting.deadline) ? clock.date(posting.deadline) : posting.deadline}`}</Text>
      <Text className="staff-jobs__description">{posting.description}</Text>
      {submission.declineReason ? (
        <Text className="staff-jobs__problem">{submission.declineReason}</Text>
      ) : null}
      {submission.reviewedBy ? (
        <Text className="staff-jobs__hint">{format(s.reviewedBy, { name: submission.reviewedBy })}</Text>
      ) : null}
      {problem ? <Text className="staff-jobs__problem">{problem}</Text> : null}
      {submission.status === 'pending' ? (
        declining ? (
          <View>
            <Text className="staff-jobs__hint">{s.declineReason}</Text>
            <Textarea
              className="staff-jobs__reason"
              value={reason}
              maxlength={JOB_LIMITS.declineReasonMax}
              placeholder={s.declineReasonPlaceholder}
              onInput={(event) => setReason(event.detail.value)}
            />
            <View className="staff-jobs__actions">
              <Button size="small" onClick={() => setDeclining(false)}>
                {t.common.cancel}
              </Button>
              <Button
                size="small"
                type="danger"
                disabled={busy || !reason.trim()}
                onClick={() => void act(() => staffJobsApi.decline(submission.id, reason), s.declinedToast)}
              >
                {s.confirmDecline}
              </Button>
            </View>
          </View>
        ) : (
          <View className="staff-jobs__actions">
            <Button
              size="small"
              type="danger"
              fill="outline"
              disabled={busy}
              onClick={() => setDeclining(true)}
            >
              {s.decline}
            </Button>
            <Button
              size="small"
              type="primary"
              disabled={busy}
              onClick={() => void act(() => staffJobsApi.approve(submission.id, true), s.approvedToast)}
            >
              {s.approve}
            </Button>
          </View>
        )
      ) : null}
    </View>
  );
}

/** Staff: employer submissions waiting for review (oldest first), and the ones reviewed. */
export default function StaffJobReviewPage() {
  usePageTitle((t) => t.staffJobs.reviewTitle);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const [status, setStatus] = useState<SubmissionStatus>('pending');
  const list = useQuery(() => staffJobsApi.submissions({ status, limit: 50 }), [status], signedIn);
  const statusLabel: Record<SubmissionStatus, string> = {
    pending: t.staffJobs.pending,
    approved: t.staffJobs.approved,
    declined: t.staffJobs.declined,
  };

  return (
    <View className="page staff-jobs">
      <ChipGroup
        chips={SUBMISSION_STATUSES.map((value) => ({ value, label: statusLabel[value] }))}
        selected={status}
        onSelect={(value) => setStatus(value as SubmissionStatus)}
      />
      <View className="staff-jobs__list">
        {list.data ? (
          list.data.items.length === 0 ? (
            <EmptyState title={t.staffJobs.reviewEmpty} />
          ) : (
            list.data.items.map((submission) => (
              <Submission key={submission.id} submission={submission} onReviewed={list.reload} />
            ))
          )
        ) : list.status === 'error' ? (
          <ErrorState message={describeError(list.error, t)} onRetry={list.reload} />
        ) : (
          <LoadingState blocks={2} />
        )}
      </View>
    </View>
  );
}
