import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ADVISING_TOPICS, type AppointmentDto, type WaitlistEntryDto } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { useQuery } from '@/utils/use-query';
import { bookingApi } from '@/services/api/booking.api';
import { ChipGroup } from '@/components/chip-group';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { PageRoute, TabRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import './index.scss';

type Tab = 'upcoming' | 'past' | 'waitlist';

export default function MyAppointmentsPage() {
  usePageTitle((t) => t.appointments.title);
  const signedIn = useRequireSignIn();
  const { t, label } = useI18n();
  const clock = useCenterClock();
  const { params } = useRouter();
  const [tab, setTab] = useState<Tab>(
    params.tab === 'waitlist' || params.tab === 'past' ? params.tab : 'upcoming',
  );
  const [busy, setBusy] = useState<string | null>(null);

  const list = useQuery(
    async () =>
      tab === 'waitlist'
        ? { kind: 'waitlist' as const, items: (await bookingApi.myWaitlist()).items }
        : { kind: 'appointments' as const, items: (await bookingApi.myAppointments(tab)).items },
    [tab],
    signedIn,
  );
  const status = useQuery(() => bookingApi.bookingStatus(), [], signedIn);
  useDidShow(() => {
    if (!signedIn) return;
    list.reload();
    status.reload();
  });

  const act = async (id: string, work: () => Promise<unknown>, done: string) => {
    setBusy(id);
    try {
      await work();
      await Taro.showToast({ title: done, icon: 'success' });
    } catch (error) {
      await Taro.showToast({ title: describeError(error, t), icon: 'none', duration: 2500 });
    } finally {
      setBusy(null);
      list.reload();
      status.reload();
    }
  };

  const cancel = async (appointment: AppointmentDto) => {
    const late = new Date(appointment.cancellableUntil).getTime() < Date.now();
    const hours = (status.data?.rules.cancellationCutoffMinutes ?? 120) / 60;
    const { confirm } = await Taro.showModal({
      title: t.appointments.cancelConfirmTitle,
      content:
        format(t.appointments.cancelConfirmBody, {
          time: clock.dateTime(appointment.startsAt),
          advisor: appointment.advisor.name,
        }) + (late ? `\n${format(t.appointments.cancelLateWarning, { hours })}` : ''),
      confirmText: t.appointments.cancel,
      cancelText: t.appointments.keep,
      confirmColor: '#c53030',
    });
    if (confirm) await act(appointment.id, () => bookingApi.cancel(appointment.id), t.appointments.cancelled);
  };

  // Taking a held seat books it: the confirmation page shows the appointment, as after any booking.
  const accept = async (entry: WaitlistEntryDto) => {
    setBusy(entry.id);
    try {
      const appointment = await bookingApi.acceptOffer(entry.id);
      void openPage(withQuery(PageRoute.bookingConfirmation, { id: appointment.id }));
    } catch (error) {
      await Taro.showToast({ title: describeError(error, t), icon: 'none', duration: 2500 });
      list.reload();
      status.reload();
    } finally {
      setBusy(null);
    }
  };

  // Passing up a held seat gives it to the next student at once and cannot be undone: ask first.
  const decline = async (entry: WaitlistEntryDto) => {
    const { confirm } = await Taro.showModal({
      title: t.appointments.declineConfirmTitle,
      content: format(t.appointments.declineConfirmBody, {
        time: clock.dateTime(entry.slot.startsAt),
        advisor: entry.advisor.name,
      }),
      confirmText: t.appointments.decline,
      cancelText: t.appointments.keepOffer,
    });
    if (confirm) await act(entry.id, () => bookingApi.declineOffer(entry.id), t.appointments.declined);
  };

  // A hold that has run out is shown as such at once, rather than offering a seat the server will refuse
  // (it passes the seat on within half a minute). The page looks again when the next hold runs out.
  const [now, setNow] = useState(() => Date.now());
  const nextHoldEnd =
    list.data?.kind === 'waitlist'
      ? Math.min(
          ...list.data.items
            .filter((entry) => entry.status === 'offered' && entry.holdExpiresAt)
            .map((entry) => Date.parse(entry.holdExpiresAt ?? ''))
            .filter((end) => end > now),
        )
      : Infinity;
  useEffect(() => {
    if (!Number.isFinite(nextHoldEnd)) return undefined;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, nextHoldEnd - Date.now()) + 500);
    return () => clearTimeout(timer);
  }, [nextHoldEnd]);
  const holdOver = (entry: WaitlistEntryDto) =>
    entry.status === 'offered' && entry.holdExpiresAt !== null && Date.parse(entry.holdExpiresAt) <= now;

  // Opened from an offer (`?entry=`) that is no longer held: taken, passed up or run out. Say so, rather than
  // leave the student looking for it in the list.
  const offerGone =
    tab === 'waitlist' &&
    params.entry !== undefined &&
    list.data?.kind === 'waitlist' &&
    list.status === 'success' &&
    !list.data.items.some(
      (entry) => entry.id === params.entry && entry.status === 'offered' && !holdOver(entry),
    );

  const suspension = status.data?.suspension;
  const strikes = status.data?.strikes.length ?? 0;

  const appointmentCard = (appointment: AppointmentDto) => (
    <View key={appointment.id} className="appointment" data-id={appointment.id}>
      <View className="appointment__head">
        <Text className="appointment__when">{clock.dateTime(appointment.startsAt)}</Text>
        <Text className={`appointment__status appointment__status--${appointment.status}`}>
          {appointment.rescheduledToId
            ? t.appointments.rescheduledAway
            : appointment.lateCancellation
              ? t.appointments.late
              : t.appointments.status[appointment.status]}
        </Text>
      </View>
      <Text className="appointment__who">
        {appointment.advisor.name} · {appointment.title ?? label(ADVISING_TOPICS, appointment.topic)}
      </Text>
      <Text className="appointment__where">{appointment.location ?? appointment.advisor.location}</Text>
      {appointment.checkedInAt ? <Text className="appointment__tag">{t.appointments.checkedIn}</Text> : null}
      {appointment.rating ? (
        <Text className="appointment__tag">
          {format(t.appointments.rated, { rating: appointment.rating })}
        </Text>
      ) : null}
      <View className="appointment__actions">
        {tab === 'upcoming' &&
        appointment.status === 'booked' &&
        new Date(appointment.startsAt).getTime() > Date.now() ? (
          <>
            <Button
              size="small"
              disabled={busy === appointment.id}
              onClick={() =>
                void openPage(
                  withQuery(PageRoute.advisor, { id: appointment.advisor.id, reschedule: appointment.id }),
                )
              }
            >
              {t.appointments.reschedule}
            </Button>
            <Button
              size="small"
              type="danger"
              fill="outline"
              disabled={busy === appointment.id}
              onClick={() => void cancel(appointment)}
            >
              {t.appointments.cancel}
            </Button>
          </>
        ) : null}
        {appointment.canRate ? (
          <Button
            size="small"
            type="primary"
            onClick={() => void openPage(withQuery(PageRoute.feedback, { id: appointment.id }))}
          >
            {t.appointments.rate}
          </Button>
        ) : null}
      </View>
    </View>
  );

  const waitlistCard = (entry: WaitlistEntryDto) => (
    <View key={entry.id} className="appointment" data-id={entry.id}>
      <View className="appointment__head">
        <Text className="appointment__when">{clock.dateTime(entry.slot.startsAt)}</Text>
        {holdOver(entry) ? (
          <Text className="appointment__status appointment__status--expired">
            {t.appointments.offerExpired}
          </Text>
        ) : (
          <Text className={`appointment__status appointment__status--${entry.status}`}>
            {entry.status === 'offered'
              ? t.appointments.offerStatus
              : format(t.appointments.waitlistPosition, { position: entry.position ?? '-' })}
          </Text>
        )}
      </View>
      <Text className="appointment__who">
        {entry.advisor.name} · {label(ADVISING_TOPICS, entry.topic)}
      </Text>
      <Text className="appointment__where">{entry.slot.location ?? entry.advisor.location}</Text>
      {holdOver(entry) ? (
        <Text className="appointment__offer appointment__offer--over">{t.appointments.offerExpiredNote}</Text>
      ) : entry.status === 'offered' && entry.holdExpiresAt ? (
        <Text className="appointment__offer">
          {format(t.appointments.offerHeld, { time: clock.time(entry.holdExpiresAt) })}
        </Text>
      ) : null}
      <View className="appointment__actions">
        {holdOver(entry) ? null : entry.status === 'offered' ? (
          <>
            <Button size="small" disabled={busy === entry.id} onClick={() => void decline(entry)}>
              {t.appointments.decline}
            </Button>
            <Button
              size="small"
              type="primary"
              disabled={busy === entry.id}
              onClick={() => void accept(entry)}
            >
              {t.appointments.accept}
            </Button>
          </>
        ) : (
          <Button
            size="small"
            disabled={busy === entry.id}
            onClick={() => void act(entry.id, () => bookingApi.leaveWaitlist(entry.id), t.appointments.left)}
          >
            {t.appointments.leave}
          </Button>
        )}
      </View>
    </View>
  );

  const empty =
    tab === 'upcoming' ? (
      <View>
        <EmptyState title={t.appointments.emptyUpcoming} body={t.appointments.emptyUpcomingBody} />
        <Button
          className="appointments__find"
          type="primary"
          block
          onClick={() => void openPage(TabRoute.booking)}
        >
          {t.appointments.findAdvisor}
        </Button>
      </View>
    ) : (
      <EmptyState title={tab === 'past' ? t.appointments.emptyPast : t.appointments.emptyWaitlist} />
    );

  return (
    <View className="page appointments">
      {suspension ? (
        <View className="appointments__suspended">
          <Text className="appointments__suspended-title">{t.appointments.suspendedTitle}</Text>
          <Text>
            {format(t.appointments.suspendedBody, {
              count: status.data?.strikeLimit ?? 3,
              date: format(t.appointments.longDate, { ...clock.parts(suspension.endsAt) }),
            })}
          </Text>
          {suspension.reason.length > 0 ? (
            <Text className="appointments__suspended-reason">
              {format(t.appointments.suspendedReason, {
                reasons: suspension.reason
                  .map((kind) => t.appointments.strikeKinds[kind])
                  .join(t.appointments.reasonSeparator),
              })}
            </Text>
          ) : null}
        </View>
      ) : strikes > 0 ? (
        <Text className="appointments__strikes">
          {format(t.appointments.strikesNote, { count: strikes, limit: status.data?.strikeLimit ?? 3 })}
        </Text>
      ) : null}
      <ChipGroup
        chips={[
          { value: 'upcoming', label: t.appointments.upcoming },
          { value: 'past', label: t.appointments.past },
          { value: 'waitlist', label: t.appointments.waitlist },
        ]}
        selected={tab}
        onSelect={(value) => setTab(value as Tab)}
      />
      {offerGone ? <Text className="appointments__gone">{t.appointments.offerGone}</Text> : null}
      <View className="appointments__list">
        {list.data && list.status !== 'loading' ? (
          list.data.items.length === 0 ? (
            empty
          ) : list.data.kind === 'waitlist' ? (
            list.data.items.map(waitlistCard)
          ) : (
            list.data.items.map(appointmentCard)
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
