import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { NotificationDto, NotificationKind } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useInbox } from '@/features/notifications/inbox';
import { openTarget } from '@/features/notifications/open-target';
import { timeLabel } from '@/features/notifications/time-label';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { PageRoute } from '@/routes';
import { openPage } from '@/utils/navigation';
import './index.scss';

/** Colour families of the kind labels: bookings, jobs, the museum, the center. */
function kindTone(kind: NotificationKind): string {
  if (kind.startsWith('appointment') || kind === 'waitlist_offer') return 'booking';
  if (kind.startsWith('job')) return 'jobs';
  if (kind === 'museum_new_exhibit') return 'museum';
  return 'center';
}

export default function InboxPage() {
  usePageTitle((t) => t.notifications.inboxTitle);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const clock = useCenterClock();
  const inbox = useInbox();

  useDidShow(() => {
    if (signedIn) void inbox.reload();
  });
  usePullDownRefresh(() => {
    void inbox.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(inbox.loadMore);

  const open = async (notification: NotificationDto) => {
    inbox.markRead(notification);
    if (!notification.page) return;
    if (!(await openTarget(notification.page))) {
      await Taro.showToast({ title: t.notifications.cannotOpen, icon: 'none' });
    }
  };

  const markAll = async () => {
    try {
      await inbox.markAllRead();
      await Taro.showToast({ title: t.notifications.markedAllRead, icon: 'none' });
    } catch (error) {
      await Taro.showToast({ title: describeError(error, t), icon: 'none' });
    }
  };

  return (
    <View className="page inbox">
      <View className="inbox__bar">
        <Text className="inbox__count">
          {inbox.unreadCount > 0
            ? format(t.notifications.unreadCount, { count: inbox.unreadCount })
            : t.notifications.allCaughtUp}
        </Text>
        <View className="inbox__actions">
          <Text className="inbox__link" onClick={() => void openPage(PageRoute.subscriptions)}>
            {t.notifications.manageSubscriptions}
          </Text>
          <Button
            className="inbox__read-all"
            size="small"
            fill="outline"
            type="primary"
            disabled={inbox.unreadCount === 0}
            onClick={() => void markAll()}
          >
            {t.notifications.markAllRead}
          </Button>
        </View>
      </View>

      {inbox.status === 'error' && inbox.items.length === 0 ? (
        <ErrorState message={describeError(inbox.error, t)} onRetry={() => void inbox.reload()} />
      ) : inbox.status === 'loading' && inbox.items.length === 0 ? (
        <LoadingState blocks={3} />
      ) : inbox.items.length === 0 ? (
        <EmptyState title={t.notifications.empty} body={t.notifications.emptyBody} />
      ) : (
        <View className="inbox__list">
          {inbox.items.map((item) => (
            <View
              key={item.id}
              className={`inbox-item ${item.readAt ? '' : 'inbox-item--unread'}`}
              data-id={item.id}
              onClick={() => void open(item)}
            >
              <View className="inbox-item__head">
                <Text className={`inbox-item__kind inbox-item__kind--${kindTone(item.kind)}`}>
                  {t.notifications.kinds[item.kind]}
                </Text>
                <Text className="inbox-item__time">{timeLabel(item.createdAt, t.notifications, clock)}</Text>
              </View>
              <View className="inbox-item__title-row">
                {item.readAt ? null : <View className="inbox-item__dot" />}
                <Text className="inbox-item__title">{item.title}</Text>
                {item.page ? <View className="inbox-item__chevron" /> : null}
              </View>
              {item.body ? <Text className="inbox-item__body">{item.body}</Text> : null}
            </View>
          ))}
          <Text className="inbox__footer">
            {inbox.loadingMore ? t.notifications.loadingMore : inbox.hasMore ? '' : t.notifications.noMore}
          </Text>
        </View>
      )}
    </View>
  );
}
