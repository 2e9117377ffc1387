import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ADVISING_TOPICS, APPOINTMENT_MODES, NotificationKind } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { useSubscribeConsent } from '@/features/notifications/subscribe-consent';
import { useQuery } from '@/utils/use-query';
import { bookingApi } from '@/services/api/booking.api';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { PageRoute, TabRoute } from '@/routes';
import { openPage } from '@/utils/navigation';
import './index.scss';

// WeChat asks for at most three templates at once: the ones that matter after a booking.
const REMINDER_KINDS = [
  NotificationKind.AppointmentReminder,
  NotificationKind.AppointmentCancelled,
  NotificationKind.WaitlistOffer,
];

/** After booking (and where the booked notification leads): the details and the "remind me" prompt. */
export default function ConfirmationPage() {
  usePageTitle((t) => t.booking.confirmationTitle);
  const signedIn = useRequireSignIn();
  const { t, label } = useI18n();
  const clock = useCenterClock();
  const { params } = useRouter();
  const id = params.id ?? '';
  const appointment = useQuery(() => bookingApi.appointment(id), [id], signedIn && Boolean(id));
  const reminders = useSubscribeConsent(REMINDER_KINDS);

  if (!appointment.data) {
    return (
      <View className="page">
        {appointment.status === 'error' ? (
          <ErrorState message={describeError(appointment.error, t)} onRetry={appointment.reload} />
        ) : (
          <LoadingState blocks={2} />
        )}
      </View>
    );
  }
  const booked = appointment.data;
  const row = (name: string, value: string, key: string) => (
    <View className="confirmation__row" key={key}>
      <Text className="confirmation__label">{name}</Text>
      <Text className="confirmation__value">{value}</Text>
    </View>
  );

  return (
    <View className="page confirmation">
      <View className="confirmation__hero">
        <View className="confirmation__check">✓</View>
        <Text className="confirmation__title">
          {params.rescheduled ? t.booking.rescheduled : t.booking.confirmationTitle}
        </Text>
        <Text className="confirmation__when">
          {clock.date(booked.startsAt)} {clock.time(booked.startsAt)}–{clock.time(booked.endsAt)}
        </Text>
      </View>

      <View className="confirmation__card">
        {row(t.booking.advisor, `${booked.advisor.name} · ${booked.advisor.title}`, 'advisor')}
        {row(t.booking.location, booked.location ?? booked.advisor.location, 'location')}
        {row(t.booking.modes, label(APPOINTMENT_MODES, booked.mode), 'mode')}
        {row(t.booking.topic, booked.title ?? label(ADVISING_TOPICS, booked.topic), 'topic')}
        {booked.note ? row(t.booking.note, booked.note, 'note') : null}
        {booked.meetingUrl ? row(t.booking.meetingLink, booked.meetingUrl, 'meeting') : null}
        <Text className="confirmation__cutoff">
          {format(t.booking.cancellableUntil, {
            time: `${clock.date(booked.cancellableUntil).slice(5)} ${clock.time(booked.cancellableUntil)}`,
          })}
        </Text>
      </View>

      <View className="confirmation__remind">
        <Text className="confirmation__remind-title">{t.booking.remindTitle}</Text>
        {reminders.state === 'unavailable' ? (
          <Text className="confirmation__remind-body">{t.booking.remindUnavailable}</Text>
        ) : reminders.state === 'granted' ? (
          <Text className="confirmation__remind-done">{t.booking.remindDone}</Text>
        ) : reminders.state === 'declined' ? (
          <Text className="confirmation__remind-body">{t.booking.remindDeclined}</Text>
        ) : (
          <>
            <Text className="confirmation__remind-body">{t.booking.remindBody}</Text>
            <Button
              className="confirmation__remind-button"
              type="primary"
              fill="outline"
              size="small"
              disabled={!reminders.ready || reminders.state === 'asking'}
              onClick={() => void reminders.ask()}
            >
              {t.booking.remindButton}
            </Button>
          </>
        )}
      </View>

      <View className="confirmation__actions">
        <Button block type="primary" onClick={() => void openPage(PageRoute.myAppointments)}>
          {t.booking.viewAppointments}
        </Button>
        <Button block onClick={() => void openPage(TabRoute.booking)}>
          {t.booking.backToAdvisors}
        </Button>
      </View>
    </View>
  );
}
