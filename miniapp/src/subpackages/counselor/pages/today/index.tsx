import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { type CounselorScheduleItemDto, ErrorCode, NotificationKind } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { addDays, monthDay } from '@/utils/center-time';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { useQuery } from '@/utils/use-query';
import { weekOf } from '@/features/counselor/schedule';
import { recordAttendance } from '@/features/counselor/attendance';
import { useSubscribeConsent } from '@/features/notifications/subscribe-consent';
import { counselorApi } from '@/services/api/counselor.api';
import { isApiError } from '@/services/http/request';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import { VisitCard, type VisitAction } from '../../components/visit-card';
import '../counselor.scss';

// The morning agenda is a one-time template: each accept allows one message, so the day view offers tomorrow's.
const AGENDA_KINDS = [NotificationKind.CounselorAgenda];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 今日日程: the counselor's day in time order, a week strip to move between days, and the day's actions. */
export default function CounselorTodayPage() {
  usePageTitle((t) => t.counselor.todayTitle);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const { params } = useRouter();
  const today = useCenterClock().today();
  // Until a day is picked the page follows today, which can move once meta reports the center's offset.
  const [picked, setDate] = useState(params.date && DATE.test(params.date) ? params.date : null);
  const date = picked ?? today;
  const [busy, setBusy] = useState<string | null>(null);
  const agendaConsent = useSubscribeConsent(AGENDA_KINDS);
  const supervision = useQuery(() => counselorApi.supervision(), [], signedIn);

  const schedule = useQuery(() => counselorApi.schedule(date), [date], signedIn);
  const week = useQuery(() => counselorApi.week(date), [weekOf(date)[0]], signedIn);
  // The first show is the first load; later ones (back from the detail page) refresh.
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current || !signedIn) {
      firstShow.current = false;
      return;
    }
    schedule.reload();
    week.reload();
  });
  usePullDownRefresh(() => {
    schedule.reload();
    week.reload();
    void Taro.stopPullDownRefresh();
  });

  const act = async (item: CounselorScheduleItemDto, action: VisitAction) => {
    setBusy(item.appointmentId);
    if (await recordAttendance(t, item.appointmentId, action)) {
      schedule.reload();
      week.reload();
    }
    setBusy(null);
  };

  const unbound =
    schedule.status === 'error' &&
    isApiError(schedule.error) &&
    schedule.error.code === ErrorCode.NotBoundToAdvisor;
  if (unbound) {
    return (
      <View className="page counselor">
        <View className="counselor__unbound">
          <EmptyState title={t.counselor.notBound} body={t.counselor.notBoundBody} />
          <Button type="primary" block onClick={() => void openPage(PageRoute.counselorJoin)}>
            {t.counselor.enterInvite}
          </Button>
        </View>
      </View>
    );
  }

  const counts = new Map((week.data?.days ?? []).map((day) => [day.date, day]));
  const { month, day } = monthDay(date);

  const card = (item: CounselorScheduleItemDto) => (
    <VisitCard
      key={item.appointmentId}
      item={item}
      busy={busy === item.appointmentId}
      onAct={(action) => void act(item, action)}
      onOpen={() => void openPage(withQuery(PageRoute.counselorAppointment, { id: item.appointmentId }))}
    />
  );

  const data = schedule.data;
  return (
    <View className="page counselor">
      <View className="counselor__links">
        <Text className="counselor__link" onClick={() => void openPage(PageRoute.counselorAvailability)}>
          {t.counselor.menuAvailability}
        </Text>
        <Text className="counselor__link" onClick={() => void openPage(PageRoute.counselorCalendar)}>
          {t.counselor.menuCalendar}
        </Text>
        {supervision.data && supervision.data.items.length > 0 ? (
          <Text className="counselor__link" onClick={() => void openPage(PageRoute.counselorSupervision)}>
            {t.counselor.menuSupervision}
          </Text>
        ) : null}
      </View>
      <View className="week">
        <Text className="week__arrow" onClick={() => setDate(addDays(date, -7))}>
          ‹
        </Text>
        {weekOf(date).map((entry, index) => {
          const info = counts.get(entry);
          return (
            <View
              key={entry}
              data-date={entry}
              className={`week__day ${entry === date ? 'week__day--on' : ''} ${entry === today ? 'week__day--today' : ''} ${info?.closed || info?.onLeave ? 'week__day--off' : ''}`}
              onClick={() => setDate(entry)}
            >
              <Text className="week__weekday">{t.counselor.weekdays[index]}</Text>
              <Text className="week__date">{monthDay(entry).day}</Text>
              <Text className="week__count">{info && info.booked > 0 ? info.booked : ' '}</Text>
            </View>
          );
        })}
        <Text className="week__arrow" onClick={() => setDate(addDays(date, 7))}>
          ›
        </Text>
      </View>
      <View className="counselor__day">
        <Text className="counselor__date">
          {month}/{day} {t.counselor.weekdays[weekOf(date).indexOf(date)]}
          {date === today ? ` · ${t.counselor.today}` : ''}
        </Text>
        {date !== today ? (
          <Text className="counselor__link" onClick={() => setDate(today)}>
            {t.counselor.backToToday}
          </Text>
        ) : null}
        {data && data.date === date && data.items.length > 0 ? (
          <Text className="counselor__summary">
            {format(t.counselor.summary, { count: data.items.length })}
          </Text>
        ) : null}
      </View>
      {data?.date === date && data.closure && data.items.length > 0 ? (
        <View className="counselor__banner">
          {format(t.counselor.holiday, { reason: data.closure.reason })}
        </View>
      ) : null}
      {data?.date === date && data.onLeave ? (
        <View className="counselor__banner">{t.counselor.onLeave}</View>
      ) : null}
      {agendaConsent.ready && agendaConsent.state !== 'unavailable' ? (
        <View className="counselor__consent">
          <Text className="counselor__hint">
            {agendaConsent.state === 'granted'
              ? t.counselor.agendaSubscribed
              : t.counselor.agendaSubscribeHint}
          </Text>
          {agendaConsent.state === 'granted' ? null : (
            <Button
              size="small"
              disabled={agendaConsent.state === 'asking'}
              onClick={() => void agendaConsent.ask()}
            >
              {t.counselor.agendaSubscribe}
            </Button>
          )}
        </View>
      ) : null}
      <View className="counselor__list">
        {data && data.date === date && schedule.status !== 'loading' ? (
          data.items.length === 0 ? (
            <EmptyState
              title={
                data.closure
                  ? format(t.counselor.holiday, { reason: data.closure.reason })
                  : t.counselor.empty
              }
              body={data.closure ? t.counselor.holidayBody : t.counselor.emptyBody}
            />
          ) : (
            data.items.map(card)
          )
        ) : schedule.status === 'error' ? (
          <ErrorState message={describeError(schedule.error, t)} onRetry={schedule.reload} />
        ) : (
          <LoadingState blocks={3} />
        )}
      </View>
    </View>
  );
}
