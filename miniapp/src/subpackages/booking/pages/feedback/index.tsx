import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { FeedbackRequest } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { useQuery } from '@/utils/use-query';
import { bookingApi } from '@/services/api/booking.api';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import './index.scss';

export default function FeedbackPage() {
  usePageTitle((t) => t.booking.feedbackTitle);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const clock = useCenterClock();
  const { params } = useRouter();
  const id = params.id ?? '';
  const appointment = useQuery(() => bookingApi.appointment(id), [id], signedIn && Boolean(id));
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    setSending(true);
    setProblem(null);
    try {
      await bookingApi.rate(id, {
        rating: rating as FeedbackRequest['rating'],
        comment: comment.trim() || undefined,
      });
      await Taro.showToast({ title: t.booking.feedbackThanks, icon: 'success' });
      setTimeout(() => void Taro.navigateBack().catch(() => undefined), 700);
    } catch (error) {
      setProblem(describeError(error, t));
    } finally {
      setSending(false);
    }
  };

  if (!appointment.data) {
    return (
      <View className="page">
        {appointment.status === 'error' ? (
          <ErrorState message={describeError(appointment.error, t)} onRetry={appointment.reload} />
        ) : (
          <LoadingState blocks={1} />
        )}
      </View>
    );
  }
  const { advisor, startsAt } = appointment.data;

  return (
    <View className="page feedback">
      <View className="feedback__card">
        <Text className="feedback__who">
          {advisor.name} · {clock.date(startsAt)} {clock.time(startsAt)}
        </Text>
        <Text className="feedback__lead">{t.booking.feedbackLead}</Text>
        <View className="feedback__stars">
          {[1, 2, 3, 4, 5].map((value) => (
            <Text
              key={value}
              data-rating={value}
              className={`feedback__star ${value <= rating ? 'feedback__star--on' : ''}`}
              onClick={() => setRating(value)}
            >
              ★
            </Text>
          ))}
        </View>
        <Text className="feedback__label">{rating > 0 ? t.booking.ratingLabels[rating - 1] : ' '}</Text>
        <Textarea
          className="feedback__comment"
          value={comment}
          maxlength={500}
          placeholder={t.booking.commentPlaceholder}
          placeholderClass="form-field__placeholder"
          onInput={(event) => setComment(event.detail.value)}
        />
      </View>
      {problem ? <Text className="feedback__problem">{problem}</Text> : null}
      <Button
        className="feedback__submit"
        type="primary"
        size="large"
        block
        disabled={rating === 0 || sending}
        loading={sending}
        onClick={() => void submit()}
      >
        {t.booking.feedbackSubmit}
      </Button>
    </View>
  );
}
