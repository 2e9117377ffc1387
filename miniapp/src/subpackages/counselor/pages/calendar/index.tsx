import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CounselorCalendarFeedResponse } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useQuery } from '@/utils/use-query';
import { counselorApi } from '@/services/api/counselor.api';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import '../counselor.scss';

/** The secret calendar-feed address: copy it into a phone calendar, or make a new one to revoke it. */
export default function CounselorCalendarPage() {
  usePageTitle((t) => t.counselor.calendarTitle);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const feed = useQuery(() => counselorApi.calendarFeed(), [], signedIn);
  const [rotated, setRotated] = useState<CounselorCalendarFeedResponse | null>(null);
  const current = rotated ?? feed.data;

  const copy = async (url: string) => {
    await Taro.setClipboardData({ data: url });
    await Taro.showToast({ title: t.counselor.copied, icon: 'success' });
  };

  const rotate = async () => {
    const { confirm } = await Taro.showModal({
      title: t.counselor.rotate,
      content: t.counselor.rotateConfirm,
      confirmText: t.counselor.rotate,
      cancelText: t.common.cancel,
      confirmColor: '#c53030',
    });
    if (!confirm) return;
    try {
      setRotated(await counselorApi.rotateCalendarFeed());
      await Taro.showToast({ title: t.counselor.rotated, icon: 'success' });
    } catch (error) {
      await Taro.showToast({ title: describeError(error, t), icon: 'none', duration: 2500 });
    }
  };

  return (
    <View className="page counselor">
      <View className="counselor__card">
        <Text className="counselor__hint">{t.counselor.calendarLead}</Text>
        {current ? (
          <>
            <Text className="counselor__url" selectable userSelect>
              {current.url}
            </Text>
            <Button type="primary" block onClick={() => void copy(current.url)}>
              {t.counselor.copy}
            </Button>
            <Text className="counselor__hint">{t.counselor.calendarPrivate}</Text>
            <Button type="danger" fill="outline" block onClick={() => void rotate()}>
              {t.counselor.rotate}
            </Button>
          </>
        ) : feed.status === 'error' ? (
          <ErrorState message={describeError(feed.error, t)} onRetry={feed.reload} />
        ) : (
          <LoadingState blocks={1} />
        )}
      </View>
    </View>
  );
}
