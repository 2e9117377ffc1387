import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import {
  APPOINTMENT_MODES,
  AppointmentStatus,
  type SlotDto,
  type WaitlistEntryDto,
} from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { addDays } from '@/utils/center-time';
import { parseScene } from '@/features/booking/scan-target';
import { useQuery } from '@/utils/use-query';
import { bookingApi } from '@/services/api/booking.api';
import { AdvisorCard } from '@/components/advisor-card';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { SectionTitle } from '@/components/section-title';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import { DateStrip } from '../../components/date-strip';
import { SlotGrid } from '../../components/slot-grid';
import './index.scss';

/** `?id=` from a link or the app, or `?scene=a%3D<shortCode>` when WeChat opens a mini-program code. */
function advisorRef(params: Record<string, string | undefined>): string | null {
  const scene = parseScene(params.scene);
  if (scene?.kind === 'advisor') return scene.ref;
  return params.id ? decodeURIComponent(params.id) : null;
}

export default function AdvisorPage() {
  usePageTitle((t) => t.booking.advisorTitle);
  const signedIn = useRequireSignIn();
  const { t, label } = useI18n();
  const clock = useCenterClock();
  const { params } = useRouter();
  const ref = advisorRef(params);
  const reschedule = params.reschedule;
  // Opened by WeChat from the door's mini-program code: that scan is also a check-in. The check-in page comes
  // back here (by id, without the scene) when the student has no appointment with this advisor today.
  const scanned = parseScene(params.scene);
  useEffect(() => {
    if (signedIn && scanned?.kind === 'advisor') {
      void Taro.redirectTo({ url: withQuery(PageRoute.checkIn, { advisor: scanned.ref }) });
    }
  }, [signedIn, scanned?.kind, scanned?.kind === 'advisor' ? scanned.ref : null]);
  const [picked, setPicked] = useState<string | null>(null);

  const advisor = useQuery(() => bookingApi.advisor(ref ?? ''), [ref], signedIn && ref !== null);
  const slots = useQuery(() => bookingApi.slots(ref ?? ''), [ref], signedIn && ref !== null);
  const status = useQuery(() => bookingApi.bookingStatus(), [], signedIn);
  const waitlist = useQuery(() => bookingApi.myWaitlist(), [], signedIn);
  const appointments = useQuery(() => bookingApi.myAppointments('upcoming'), [], signedIn);
  useDidShow(() => {
    if (signedIn && ref) slots.reload();
    if (signedIn) {
      waitlist.reload();
      appointments.reload();
    }
  });

  const today = slots.data ? slots.data.from : clock.today();
  const dates = useMemo(() => Array.from({ length: 15 }, (_, i) => addDays(today, i)), [today]);
  const byDate = useMemo(() => {
    const map = new Map<string, SlotDto[]>();
    for (const slot of slots.data?.items ?? []) {
      const date = clock.date(slot.startsAt);
      map.set(date, [...(map.get(date) ?? []), slot]);
    }
    return map;
  }, [slots.data, clock]);
  const withSeats = useMemo(
    () =>
      new Set(
        [...byDate]
          .filter(([, list]) => list.some((slot) => slot.availability === 'available'))
          .map(([date]) => date),
      ),
    [byDate],
  );
  const selected = picked ?? dates.find((date) => withSeats.has(date)) ?? today;
  // The student's own places in line, by slot: those times show where they stand.
  const waiting = useMemo(
    () =>
      new Map<string, WaitlistEntryDto>((waitlist.data?.items ?? []).map((entry) => [entry.slot.id, entry])),
    [waitlist.data],
  );

  // The times the student has booked: those say so instead of showing full.
  const mine = useMemo(
    () =>
      new Set(
        (appointments.data?.items ?? [])
          .filter((appointment) => appointment.status === AppointmentStatus.Booked)
          .map((appointment) => appointment.slotId),
      ),
    [appointments.data],
  );

  const joinWaitlist = async (slot: SlotDto) => {
    const topic = advisor.data?.topics[0];
    if (!topic) return;
    const { confirm } = await Taro.showModal({
      title: t.booking.waitlistConfirmTitle,
      content: format(t.booking.waitlistConfirmBody, {
        time: `${clock.date(slot.startsAt).slice(5)} ${clock.time(slot.startsAt)}`,
        minutes: status.data?.rules.waitlistHoldMinutes ?? 30,
      }),
      confirmText: t.booking.joinWaitlist,
      cancelText: t.common.cancel,
    });
    if (!confirm) return;
    try {
      const entry = await bookingApi.joinWaitlist(slot.id, { topic });
      await Taro.showToast({
        title: format(t.booking.waitlistJoined, { position: entry.position ?? 1 }),
        icon: 'none',
      });
      slots.reload();
      waitlist.reload();
    } catch (error) {
      await Taro.showToast({ title: describeError(error, t), icon: 'none', duration: 2500 });
    }
  };

  const pick = (slot: SlotDto) => {
    // The student's own time: when moving it, another time is wanted; otherwise 我的预约 shows it.
    if (mine.has(slot.id)) {
      if (reschedule) void Taro.showToast({ title: t.booking.slotMineReschedule, icon: 'none' });
      else void openPage(PageRoute.myAppointments);
      return;
    }
    // Already in this time's line: the waitlist tab says where they stand and lets them take a held seat.
    if (waiting.has(slot.id)) {
      void openPage(withQuery(PageRoute.myAppointments, { tab: 'waitlist' }));
      return;
    }
    if (slot.availability === 'full') {
      void joinWaitlist(slot);
      return;
    }
    void openPage(
      withQuery(PageRoute.book, {
        slotId: slot.id,
        advisorId: advisor.data?.id ?? ref ?? undefined,
        reschedule,
      }),
    );
  };

  if (!ref)
    return (
      <View className="page">
        <EmptyState title={t.booking.scanUnrecognized} />
      </View>
    );

  return (
    <View className="page advisor-page">
      {advisor.data ? (
        <AdvisorCard
          advisor={advisor.data}
          footer={
            <View className="advisor-page__facts">
              <Text>
                {t.booking.modes}：
                {advisor.data.modes.map((mode) => label(APPOINTMENT_MODES, mode)).join(' · ')}
              </Text>
              {advisor.data.bio ? <Text className="advisor-page__bio">{advisor.data.bio}</Text> : null}
            </View>
          }
        />
      ) : advisor.status === 'error' ? (
        <ErrorState message={describeError(advisor.error, t)} onRetry={advisor.reload} />
      ) : (
        <LoadingState blocks={1} />
      )}

      <SectionTitle>{t.booking.slotsTitle}</SectionTitle>
      <DateStrip dates={dates} selected={selected} today={today} withSeats={withSeats} onSelect={setPicked} />
      {slots.data ? (
        (byDate.get(selected) ?? []).length > 0 ? (
          <SlotGrid slots={byDate.get(selected) ?? []} waiting={waiting} mine={mine} onPick={pick} />
        ) : (
          <EmptyState title={t.booking.noSlotsThatDay} />
        )
      ) : slots.status === 'error' ? (
        <ErrorState message={describeError(slots.error, t)} onRetry={slots.reload} />
      ) : (
        <LoadingState blocks={1} />
      )}
    </View>
  );
}
