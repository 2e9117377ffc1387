import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { type CheckInResponse, ErrorCode } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { bookingApi } from '@/services/api/booking.api';
import { isApiError } from '@/services/http/request';
import { LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { PageRoute, TabRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import './index.scss';

type Outcome = { kind: 'done'; result: CheckInResponse } | { kind: 'failed'; message: string } | null;

/**
 * Where a scanned advisor code lands: the student is checked in when their appointment with that advisor is
 * within its window; with no appointment today, the advisor's booking page opens instead.
 */
export default function CheckInPage() {
  usePageTitle((t) => t.booking.checkinTitle);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const clock = useCenterClock();
  const { params } = useRouter();
  const advisor = params.advisor ? decodeURIComponent(params.advisor) : '';
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => {
    if (!signedIn || !advisor) return;
    bookingApi.checkIn(advisor).then(
      (result) => setOutcome({ kind: 'done', result }),
      (error: unknown) => {
        if (isApiError(error) && error.code === ErrorCode.NoAppointmentToCheckIn) {
          void Taro.redirectTo({ url: withQuery(PageRoute.advisor, { id: advisor }) });
          return;
        }
        setOutcome({ kind: 'failed', message: describeError(error, t) });
      },
    );
    // The page checks in once per visit.
  }, [signedIn, advisor]);

  if (!outcome)
    return (
      <View className="page">
        <LoadingState blocks={1} />
      </View>
    );

  return (
    <View className="page checkin">
      {outcome.kind === 'done' ? (
        <View className="checkin__card checkin__card--ok">
          <View className="checkin__mark checkin__mark--ok">✓</View>
          <Text className="checkin__title">
            {outcome.result.firstCheckIn ? t.booking.checkedIn : t.booking.alreadyCheckedIn}
          </Text>
          <Text className="checkin__body">
            {format(t.booking.checkinDetail, {
              time: clock.time(outcome.result.appointment.startsAt),
              advisor: outcome.result.appointment.advisor.name,
            })}
          </Text>
          <Text className="checkin__where">{outcome.result.appointment.location ?? ''}</Text>
        </View>
      ) : (
        <View className="checkin__card">
          <View className="checkin__mark">!</View>
          <Text className="checkin__title">{t.booking.checkinFailed}</Text>
          <Text className="checkin__body">{outcome.message}</Text>
        </View>
      )}
      <View className="checkin__actions">
        <Button block onClick={() => void openPage(PageRoute.myAppointments)}>
          {t.booking.viewAppointments}
        </Button>
        {outcome.kind === 'failed' ? (
          <Button
            block
            type="primary"
            onClick={() => void openPage(withQuery(PageRoute.advisor, { id: advisor }))}
          >
            {t.booking.bookWithAdvisor}
          </Button>
        ) : (
          <Button block type="primary" onClick={() => void openPage(TabRoute.booking)}>
            {t.booking.backToAdvisors}
          </Button>
        )}
      </View>
    </View>
  );
}
