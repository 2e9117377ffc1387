import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Role } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { useSession } from '@/features/auth/session.store';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { addDays } from '@/utils/center-time';
import { useQuery } from '@/utils/use-query';
import { staffApi } from '@/services/api/booking.api';
import { FormField } from '@/components/form-field';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import '../staff.scss';

/** Staff: days the whole center is closed (public holidays); admins add and remove them. */
export default function ClosuresPage() {
  usePageTitle((t) => t.staff.closuresTitle);
  const signedIn = useRequireSignIn();
  const { user } = useSession();
  const { t } = useI18n();
  const clock = useCenterClock();
  const closures = useQuery(() => staffApi.closures(), [], signedIn);
  const [date, setDate] = useState(addDays(clock.today(), 7));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const isAdmin = user?.role === Role.Admin;

  const run = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
      await Taro.showToast({ title: t.staff.saved, icon: 'success' });
      closures.reload();
    } catch (error) {
      setProblem(describeError(error, t));
    }
  };

  return (
    <View className="page staff">
      <Text className="staff__hint">{t.staff.closuresLead}</Text>
      <View className="staff__card">
        {closures.data ? (
          closures.data.items.length === 0 ? (
            <EmptyState title={t.staff.noClosures} />
          ) : (
            closures.data.items.map((closure) => (
              <View className="staff__item" key={closure.id} data-date={closure.date}>
                <Text>
                  {closure.date} · {closure.reason}
                </Text>
                {isAdmin ? (
                  <Text
                    className="staff__remove"
                    onClick={() => void run(() => staffApi.removeClosure(closure.id))}
                  >
                    {t.staff.remove}
                  </Text>
                ) : null}
              </View>
            ))
          )
        ) : closures.status === 'error' ? (
          <ErrorState message={describeError(closures.error, t)} onRetry={closures.reload} />
        ) : (
          <LoadingState blocks={1} />
        )}
      </View>
      {isAdmin ? (
        <View className="staff__card">
          <Text className="staff__section">{t.staff.addClosure}</Text>
          <FormField label={t.staff.closureDate} testId="date">
            <Input
              className="form-field__input"
              value={date}
              maxlength={10}
              onInput={(event) => setDate(event.detail.value)}
            />
          </FormField>
          <FormField label={t.staff.closureReason} testId="reason">
            <Input
              className="form-field__input"
              value={reason}
              maxlength={100}
              placeholder={t.staff.closureReasonPlaceholder}
              placeholderClass="form-field__placeholder"
              onInput={(event) => setReason(event.detail.value)}
            />
          </FormField>
          {problem ? <Text className="staff__problem">{problem}</Text> : null}
          <Button
            type="primary"
            block
            disabled={!reason.trim()}
            onClick={() => void run(() => staffApi.addClosure({ date, reason: reason.trim() }))}
          >
            {t.staff.addClosure}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
