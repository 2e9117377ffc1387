import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ADVISING_TOPICS, type AdvisingTopic, ErrorCode } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { newIdempotencyKey } from '@/features/booking/idempotency-key';
import { useQuery } from '@/utils/use-query';
import { bookingApi } from '@/services/api/booking.api';
import { isApiError } from '@/services/http/request';
import { ChipGroup } from '@/components/chip-group';
import { FormField } from '@/components/form-field';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { PageRoute, withQuery } from '@/routes';
import './index.scss';

export default function BookPage() {
  usePageTitle((t) => t.booking.bookTitle);
  const signedIn = useRequireSignIn();
  const { t, label } = useI18n();
  const clock = useCenterClock();
  const { params } = useRouter();
  const slotId = params.slotId ?? '';
  const advisorId = params.advisorId ?? '';
  const reschedule = params.reschedule;

  const context = useQuery(
    async () => {
      const [advisor, slots, status, previous] = await Promise.all([
        bookingApi.advisor(advisorId),
        bookingApi.slots(advisorId),
        bookingApi.bookingStatus(),
        reschedule ? bookingApi.appointment(reschedule) : Promise.resolve(null),
      ]);
      return { advisor, slot: slots.items.find((slot) => slot.id === slotId) ?? null, status, previous };
    },
    [slotId, advisorId, reschedule],
    signedIn && Boolean(slotId && advisorId),
  );

  const [topic, setTopic] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<{ message: string; profile: boolean } | null>(null);

  if (!context.data) {
    return (
      <View className="page">
        {context.status === 'error' ? (
          <ErrorState message={describeError(context.error, t)} onRetry={context.reload} />
        ) : (
          <LoadingState blocks={2} />
        )}
      </View>
    );
  }
  const { advisor, slot, status, previous } = context.data;
  const chosen = (topic ?? previous?.topic ?? advisor.topics[0]) as AdvisingTopic;
  const rules = status.rules;

  const submit = async () => {
    setSending(true);
    setProblem(null);
    try {
      const body = { slotId, topic: chosen, note: note.trim() || undefined };
      const appointment = reschedule
        ? await bookingApi.reschedule(reschedule, body, key)
        : await bookingApi.book(body, key);
      await Taro.redirectTo({
        url: withQuery(PageRoute.bookingConfirmation, {
          id: appointment.id,
          rescheduled: reschedule ? '1' : undefined,
        }),
      });
    } catch (error) {
      // A refusal is final for this key; only a lost answer is retried with the same one.
      if (!(isApiError(error) && error.kind === 'network')) setKey(newIdempotencyKey());
      setProblem({
        message: describeError(error, t),
        profile: isApiError(error) && error.code === ErrorCode.ProfileIncomplete,
      });
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="page book">
      <View className="book__summary">
        <Text className="book__advisor">
          {advisor.name} · {advisor.title}
        </Text>
        {slot ? (
          <>
            <Text className="book__when">
              {clock.date(slot.startsAt)} {clock.time(slot.startsAt)}–{clock.time(slot.endsAt)}
            </Text>
            <Text className="book__where">
              {slot.title ? `${slot.title} · ` : ''}
              {slot.location ?? advisor.location}
            </Text>
          </>
        ) : null}
        {previous ? (
          <Text className="book__reschedule">
            {format(t.booking.reschedulingFrom, {
              time: `${clock.date(previous.startsAt).slice(5)} ${clock.time(previous.startsAt)}`,
            })}
          </Text>
        ) : null}
      </View>

      <View className="book__card">
        <FormField label={t.booking.topicLabel} testId="topic">
          <ChipGroup
            wrap
            chips={advisor.topics.map((code) => ({ value: code, label: label(ADVISING_TOPICS, code) }))}
            selected={chosen}
            onSelect={setTopic}
          />
        </FormField>
        <FormField label={t.booking.noteLabel} testId="note">
          <Textarea
            className="book__note"
            value={note}
            maxlength={300}
            placeholder={t.booking.notePlaceholder}
            placeholderClass="form-field__placeholder"
            onInput={(event) => setNote(event.detail.value)}
          />
        </FormField>
      </View>

      <Text className="book__hint">
        {format(t.booking.rulesHint, {
          hours: rules.cancellationCutoffMinutes / 60,
          limit: rules.strikeLimit,
          days: rules.suspensionDays,
        })}
      </Text>

      {problem ? (
        <View className="book__problem">
          <Text>{problem.message}</Text>
          {problem.profile ? (
            <Button size="small" onClick={() => void Taro.navigateTo({ url: PageRoute.profileEdit })}>
              {t.booking.completeProfile}
            </Button>
          ) : null}
        </View>
      ) : null}

      <Button
        className="book__submit"
        type="primary"
        size="large"
        block
        loading={sending}
        disabled={sending}
        onClick={() => void submit()}
      >
        {sending ? t.booking.submitting : reschedule ? t.booking.submitReschedule : t.booking.submit}
      </Button>
    </View>
  );
}
