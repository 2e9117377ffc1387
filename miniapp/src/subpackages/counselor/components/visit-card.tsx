import { Text, View } from '@tarojs/components';
import {
  ADVISING_TOPICS,
  type AttendanceStatus,
  type CounselorScheduleItemDto,
  DEGREES,
} from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { hasStarted, studentLine } from '@/features/counselor/schedule';
import { Button } from '@/components/nutui';

export type VisitAction = 'arrived' | AttendanceStatus;

/**
 * One appointment as the counselor sees it: who, why, where, arrival, and the attendance actions. The day
 * view lists these (a tap opens the appointment, the last private note is shown); the appointment page shows
 * one in full (its date and meeting link; the notes have their own section there).
 */
export function VisitCard({
  item,
  detailed = false,
  busy = false,
  onAct,
  onOpen,
}: {
  item: CounselorScheduleItemDto;
  detailed?: boolean;
  busy?: boolean;
  onAct: (action: VisitAction) => void;
  onOpen?: () => void;
}) {
  const { t, label } = useI18n();
  const clock = useCenterClock();
  const line = studentLine(
    item.student,
    (degree) => label(DEGREES, degree),
    (year) => format(t.counselor.studentYear, { year }),
  );
  const online = detailed ? (item.meetingUrl ?? t.counselor.online) : t.counselor.online;
  const place = item.mode === 'online' ? online : (item.location ?? '');
  return (
    <View className={`visit visit--${item.status}`} data-id={item.appointmentId}>
      <View className="visit__head">
        <Text className="visit__time">
          {detailed ? `${clock.date(item.startsAt)} ` : ''}
          {clock.time(item.startsAt)}–{clock.time(item.endsAt)}
        </Text>
        <Text className={`visit__status visit__status--${item.status}`}>
          {item.checkedInAt && item.status === 'booked'
            ? format(t.counselor.arrived, { time: clock.time(item.checkedInAt) })
            : t.counselor.status[item.status]}
        </Text>
      </View>
      <View className="visit__body" onClick={onOpen}>
        <View className="visit__who">
          <Text className="visit__name">{item.student.name ?? '—'}</Text>
          <Text className="visit__visits">
            {item.earlierSessions === 0
              ? t.counselor.firstVisit
              : format(t.counselor.visitedBefore, { count: item.earlierSessions })}
          </Text>
        </View>
        {line ? <Text className="visit__student">{line}</Text> : null}
        <Text className="visit__topic">
          {item.title ?? label(ADVISING_TOPICS, item.topic)} · {place}
        </Text>
        {item.note ? (
          <Text className="visit__note">{format(t.counselor.studentNote, { text: item.note })}</Text>
        ) : null}
        {!detailed && item.lastNote ? (
          <Text className="visit__last-note">
            {format(t.counselor.lastNote, { text: item.lastNote.text })}
          </Text>
        ) : null}
      </View>
      {item.status === 'booked' ? (
        <View className="visit__actions">
          {!item.checkedInAt ? (
            <Button size="small" disabled={busy} onClick={() => onAct('arrived')}>
              {t.counselor.markArrived}
            </Button>
          ) : null}
          {hasStarted(item) ? (
            <>
              <Button
                size="small"
                type="danger"
                fill="outline"
                disabled={busy}
                onClick={() => onAct('no_show')}
              >
                {t.counselor.markNoShow}
              </Button>
              <Button size="small" type="primary" disabled={busy} onClick={() => onAct('attended')}>
                {t.counselor.markCompleted}
              </Button>
            </>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
