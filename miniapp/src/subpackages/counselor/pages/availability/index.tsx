import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AppointmentMode } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { useSession } from '@/features/auth/session.store';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { addDays } from '@/utils/center-time';
import { useQuery } from '@/utils/use-query';
import { counselorApi } from '@/services/api/counselor.api';
import { FormField } from '@/components/form-field';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { OptionChips } from '@/components/option-chips';
import '../counselor.scss';

type Kind = 'timeOff' | 'extra';

/** Time off (cancels and tells the affected students) and extra hours, plus what is already scheduled. */
export default function CounselorAvailabilityPage() {
  usePageTitle((t) => t.counselor.availabilityTitle);
  const signedIn = useRequireSignIn();
  const { user } = useSession();
  const { t } = useI18n();
  const clock = useCenterClock();
  const advisorId = user?.advisorId ?? '';
  const exceptions = useQuery(
    () => counselorApi.exceptions(advisorId),
    [advisorId],
    signedIn && advisorId !== '',
  );
  const [kind, setKind] = useState<Kind>('timeOff');
  const [date, setDate] = useState(addDays(clock.today(), 1));
  const [wholeDay, setWholeDay] = useState(true);
  const [startTime, setStartTime] = useState('14:00');
  const [endTime, setEndTime] = useState('17:00');
  const [slotMinutes, setSlotMinutes] = useState('30');
  const [mode, setMode] = useState<AppointmentMode>('in_person');
  const [location, setLocation] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string>) => {
    setProblem(null);
    setBusy(true);
    try {
      const message = await work();
      await Taro.showToast({ title: message, icon: 'none', duration: 2500 });
      exceptions.reload();
    } catch (error) {
      setProblem(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (kind === 'timeOff') {
      const { confirm } = await Taro.showModal({
        title: t.counselor.timeOff,
        content: t.counselor.timeOffConfirm,
        confirmText: t.counselor.timeOff,
        cancelText: t.common.cancel,
      });
      if (!confirm) return;
      await run(async () => {
        const result = await counselorApi.timeOff({
          date,
          startTime: wholeDay ? null : startTime,
          endTime: wholeDay ? null : endTime,
        });
        return format(t.counselor.timeOffDone, { count: result.cancelled.length });
      });
      return;
    }
    await run(async () => {
      await counselorApi.extraHours({
        date,
        startTime,
        endTime,
        slotMinutes: Number(slotMinutes),
        mode,
        location: location.trim() || null,
      });
      return t.counselor.extraDone;
    });
  };

  return (
    <View className="page counselor">
      <View className="counselor__card">
        <OptionChips
          options={[
            { value: 'timeOff', label: t.counselor.timeOff },
            { value: 'extra', label: t.counselor.extraHours },
          ]}
          selected={[kind]}
          onChange={([next]) => next && setKind(next)}
          testId="kind"
        />
        {kind === 'timeOff' ? <Text className="counselor__hint">{t.counselor.timeOffHint}</Text> : null}
        <FormField label={t.counselor.date} testId="date">
          <Input
            className="form-field__input"
            value={date}
            maxlength={10}
            onInput={(e) => setDate(e.detail.value)}
          />
        </FormField>
        {kind === 'timeOff' ? (
          <OptionChips
            options={[
              { value: 'whole', label: t.counselor.wholeDay },
              { value: 'part', label: t.counselor.partDay },
            ]}
            selected={[wholeDay ? 'whole' : 'part']}
            onChange={([next]) => setWholeDay(next === 'whole')}
            testId="span"
          />
        ) : null}
        {kind === 'extra' || !wholeDay ? (
          <>
            <FormField label={t.counselor.startTime} testId="startTime">
              <Input
                className="form-field__input"
                value={startTime}
                maxlength={5}
                onInput={(e) => setStartTime(e.detail.value)}
              />
            </FormField>
            <FormField label={t.counselor.endTime} testId="endTime">
              <Input
                className="form-field__input"
                value={endTime}
                maxlength={5}
                onInput={(e) => setEndTime(e.detail.value)}
              />
            </FormField>
          </>
        ) : null}
        {kind === 'extra' ? (
          <>
            <FormField label={t.counselor.slotMinutes} testId="slotMinutes">
              <Input
                className="form-field__input"
                type="number"
                value={slotMinutes}
                onInput={(e) => setSlotMinutes(e.detail.value)}
              />
            </FormField>
            <OptionChips
              options={[
                { value: 'in_person', label: t.counselor.modeInPerson },
                { value: 'online', label: t.counselor.modeOnline },
              ]}
              selected={[mode]}
              onChange={([next]) => next && setMode(next)}
              testId="mode"
            />
            <FormField label={t.counselor.location} testId="location">
              <Input
                className="form-field__input"
                value={location}
                maxlength={100}
                onInput={(e) => setLocation(e.detail.value)}
              />
            </FormField>
          </>
        ) : null}
        {problem ? <Text className="counselor__problem">{problem}</Text> : null}
        <Button type="primary" block disabled={busy} onClick={() => void submit()}>
          {kind === 'timeOff' ? t.counselor.timeOff : t.counselor.extraHours}
        </Button>
      </View>

      <View className="counselor__card">
        <Text className="counselor__section">{t.counselor.scheduled}</Text>
        {exceptions.data ? (
          exceptions.data.items.length === 0 ? (
            <EmptyState title={t.counselor.noExceptions} />
          ) : (
            exceptions.data.items.map((exception) => (
              <View key={exception.id} className="counselor__item" data-id={exception.id}>
                <Text>
                  {exception.date}{' '}
                  {exception.startTime ? `${exception.startTime}–${exception.endTime}` : t.counselor.wholeDay}{' '}
                  · {exception.kind === 'extra' ? t.counselor.kindExtra : t.counselor.kindUnavailable}
                </Text>
                <Text
                  className="counselor__remove"
                  onClick={() =>
                    void run(async () => {
                      await counselorApi.removeException(advisorId, exception.id);
                      return t.counselor.remove;
                    })
                  }
                >
                  {t.counselor.remove}
                </Text>
              </View>
            ))
          )
        ) : exceptions.status === 'error' ? (
          <ErrorState message={describeError(exceptions.error, t)} onRetry={exceptions.reload} />
        ) : (
          <LoadingState blocks={1} />
        )}
      </View>
    </View>
  );
}
