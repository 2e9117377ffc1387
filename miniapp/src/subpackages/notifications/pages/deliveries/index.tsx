import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { DeliveryStatus, type NotificationKind } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { retryableCount, useDeliveryOverview } from '@/features/notifications/delivery-stats';
import { deadLetterReason } from '@/features/notifications/dead-letter-reason';
import { timeLabel } from '@/features/notifications/time-label';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { notificationsApi } from '@/services/api/notifications.api';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import './index.scss';

// The order staff read a row in: what arrived, what is on its way, what did not.
const SHOWN: readonly DeliveryStatus[] = [
  DeliveryStatus.Sent,
  DeliveryStatus.Queued,
  DeliveryStatus.Sending,
  DeliveryStatus.Failed,
  DeliveryStatus.Dead,
  DeliveryStatus.Unconfirmed,
  DeliveryStatus.SkippedNoConsent,
  DeliveryStatus.Folded,
  DeliveryStatus.Withdrawn,
];
const TROUBLE: readonly DeliveryStatus[] = [DeliveryStatus.Dead, DeliveryStatus.Unconfirmed];

/** Staff: WeChat pushes per kind and status, and sending dead letters again. */
export default function DeliveriesPage() {
  usePageTitle((t) => t.notifications.deliveries.title);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const clock = useCenterClock();
  const words = t.notifications.deliveries;
  const overview = useDeliveryOverview();

  useDidShow(() => {
    if (signedIn) overview.reload();
  });

  const retryKind = async (kind: NotificationKind, count: number) => {
    try {
      let retried = 0;
      for (const status of [DeliveryStatus.Dead, DeliveryStatus.Unconfirmed] as const) {
        retried += (await notificationsApi.retryDeliveries({ kind, status })).retried;
      }
      await Taro.showToast({ title: format(words.retried, { count: retried || count }), icon: 'none' });
    } catch {
      await Taro.showToast({ title: words.retryFailed, icon: 'none' });
    }
    overview.reload();
  };

  const retryOne = async (id: string) => {
    try {
      await notificationsApi.retryDelivery(id);
      await Taro.showToast({ title: words.retriedOne, icon: 'none' });
    } catch {
      await Taro.showToast({ title: words.retryFailed, icon: 'none' });
    }
    overview.reload();
  };

  const data = overview.data;
  if (!data) {
    return (
      <View className="page deliveries">
        {overview.status === 'error' ? (
          <ErrorState message={describeError(overview.error, t)} onRetry={overview.reload} />
        ) : (
          <LoadingState blocks={3} />
        )}
      </View>
    );
  }

  const { stats, deadLetters } = data;
  const chips = (counts: Record<DeliveryStatus, number>) =>
    SHOWN.filter((status) => counts[status] > 0).map((status) => (
      <Text
        key={status}
        className={`deliveries__chip ${TROUBLE.includes(status) ? 'deliveries__chip--trouble' : ''} ${status === DeliveryStatus.Sent ? 'deliveries__chip--sent' : ''}`}
      >
        {words.statuses[status]} {counts[status]}
      </Text>
    ));

  return (
    <View className="page deliveries">
      <Text className="deliveries__lead">{words.lead}</Text>
      {stats.items.length === 0 ? (
        <EmptyState title={words.none} />
      ) : (
        <View className="deliveries__summary">
          <Text className="deliveries__total">{format(words.total, { count: stats.totals.total })}</Text>
          <View className="deliveries__chips">{chips(stats.totals.counts)}</View>
        </View>
      )}
      {stats.items.length === 0 ? null : (
        <View className="deliveries__list">
          {stats.items.map((row) => {
            const retryable = retryableCount(row.counts);
            return (
              <View key={row.kind} className="deliveries-row" data-kind={row.kind}>
                <View className="deliveries-row__head">
                  <Text className="deliveries-row__kind">{t.notifications.kinds[row.kind]}</Text>
                  <Text className="deliveries-row__total">{format(words.total, { count: row.total })}</Text>
                </View>
                <View className="deliveries__chips">{chips(row.counts)}</View>
                {retryable > 0 ? (
                  <Button
                    className="deliveries-row__retry"
                    size="small"
                    fill="outline"
                    type="primary"
                    onClick={() => void retryKind(row.kind, retryable)}
                  >
                    {format(words.retryKind, { count: retryable })}
                  </Button>
                ) : null}
              </View>
            );
          })}
        </View>
      )}

      <Text className="deliveries__section">{words.deadTitle}</Text>
      {deadLetters.items.length === 0 ? (
        <Text className="deliveries__quiet">{words.deadEmpty}</Text>
      ) : (
        <View className="deliveries__list">
          {deadLetters.items.map((item) => (
            <View key={item.notificationId} className="dead-letter" data-id={item.notificationId}>
              <View className="dead-letter__text">
                <View className="dead-letter__head">
                  <Text className="dead-letter__kind">{t.notifications.kinds[item.kind]}</Text>
                  <Text className="dead-letter__title">{item.title}</Text>
                </View>
                <Text className="dead-letter__reason">{deadLetterReason(item.lastError, words.reasons)}</Text>
                {item.lastError ? <Text className="dead-letter__raw">{item.lastError}</Text> : null}
                <Text className="dead-letter__meta">
                  {format(words.attempts, { count: item.attempts })} ·{' '}
                  {timeLabel(item.updatedAt, t.notifications, clock)}
                </Text>
              </View>
              <Button size="small" fill="outline" onClick={() => void retryOne(item.notificationId)}>
                {words.retryOne}
              </Button>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
