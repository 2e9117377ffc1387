import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { useQuery } from '@/utils/use-query';
import { employerApi } from '@/services/api/jobs.api';
import { isApiError } from '@/services/http/request';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { PageRoute } from '@/routes';
import { openPage } from '@/utils/navigation';
import '../employer.scss';

/** What an employer sees of a submission, by the secret token in its status link. */
export default function EmployerStatusPage() {
  usePageTitle((t) => t.employer.statusTitle);
  const { t } = useI18n();
  const clock = useCenterClock();
  const e = t.employer;
  const { params } = useRouter();
  const token = params.token ?? '';
  const status = useQuery(() => employerApi.status(token), [token], Boolean(token));

  if (!status.data) {
    const notFound = !token || (isApiError(status.error) && status.error.status === 404);
    return (
      <View className="page employer">
        {notFound && status.status !== 'loading' ? (
          <ErrorState message={e.notFound} />
        ) : status.status === 'error' ? (
          <ErrorState message={describeError(status.error, t)} onRetry={status.reload} />
        ) : (
          <LoadingState blocks={1} />
        )}
      </View>
    );
  }
  const submission = status.data;
  const headline = { pending: e.statusPending, approved: e.statusApproved, declined: e.statusDeclined }[
    submission.status
  ];

  return (
    <View className="page employer">
      <View className={`employer__card employer__status employer__status--${submission.status}`}>
        <Text className="employer__status-label">{headline}</Text>
        <Text className="employer__title">{submission.title}</Text>
        <Text className="employer__lead">{submission.employer}</Text>
        <Text className="employer__meta">
          {format(e.submittedOn, { time: clock.dateTime(submission.submittedAt) })}
        </Text>
        {submission.reviewedAt ? (
          <Text className="employer__meta">
            {format(e.reviewedOn, { time: clock.dateTime(submission.reviewedAt) })}
          </Text>
        ) : null}
      </View>
      <View className="employer__card">
        {submission.status === 'pending' ? (
          <Text className="employer__body">{e.statusPendingBody}</Text>
        ) : null}
        {submission.status === 'approved' ? (
          <Text className="employer__body">
            {submission.job?.status === 'published' ? e.statusPublished : e.statusApprovedBody}
          </Text>
        ) : null}
        {submission.status === 'declined' ? (
          <Text className="employer__body employer__reason">
            {e.statusDeclinedBody}
            {submission.declineReason}
          </Text>
        ) : null}
      </View>
      {submission.status === 'declined' ? (
        <Button type="primary" block onClick={() => void openPage(PageRoute.employerSubmit)}>
          {e.submitAnother}
        </Button>
      ) : null}
    </View>
  );
}
