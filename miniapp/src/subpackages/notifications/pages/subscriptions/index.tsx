import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { type NotificationKind, Role, type SubscriptionDto } from '@careerside/shared';
import { format, useI18n, type Messages } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { useSession } from '@/features/auth/session.store';
import { describeError } from '@/features/errors/describe-error';
import { ESSENTIAL_KINDS, useSubscriptions } from '@/features/notifications/subscriptions';
import { canSubscribe, requestSubscribe } from '@/platform/subscribe';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import './index.scss';

function statusOf(item: SubscriptionDto, t: Messages): string {
  const words = t.notifications.wallet;
  if (item.mode === 'long_term') return item.granted ? words.on : words.notSubscribed;
  if (item.remaining > 0) return format(words.remaining, { count: item.remaining });
  if (item.lastResult === 'ban') return words.banned;
  if (item.lastResult === 'reject') return words.rejected;
  return words.notSubscribed;
}

/** The consent wallet: what the app may push through WeChat, what this user allowed, and asking for more. */
export default function SubscriptionsPage() {
  usePageTitle((t) => t.notifications.subscriptionsTitle);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const { user } = useSession();
  const wallet = useSubscriptions();
  const words = t.notifications.wallet;

  useDidShow(() => {
    if (signedIn) wallet.reload();
  });

  // Called straight from a tap, as WeChat requires.
  const ask = async (kinds: readonly NotificationKind[]) => {
    try {
      const outcome = await requestSubscribe(kinds);
      if (!outcome.asked) return;
      const accepted = Object.values(outcome.results).includes('accept');
      await Taro.showToast({ title: accepted ? words.saved : words.declined, icon: 'none' });
    } catch {
      await Taro.showToast({ title: words.failed, icon: 'none' });
    }
  };

  const data = wallet.data;
  const pushes = canSubscribe && data?.wechatPushEnabled === true;

  return (
    <View className="page wallet">
      {canSubscribe ? (
        <Text className="wallet__lead">{words.lead}</Text>
      ) : (
        <View className="wallet__notice">
          <Text className="wallet__notice-title">{words.browserTitle}</Text>
          <Text className="wallet__notice-body">{words.browserBody}</Text>
        </View>
      )}
      {canSubscribe && data && !data.wechatPushEnabled ? (
        <View className="wallet__notice">
          <Text className="wallet__notice-body">{words.pushOff}</Text>
        </View>
      ) : null}

      {pushes && user?.role === Role.Student ? (
        <View className="wallet__essential">
          <View className="wallet__essential-text">
            <Text className="wallet__essential-title">{words.subscribeEssential}</Text>
            <Text className="wallet__essential-hint">{words.essentialHint}</Text>
          </View>
          <Button type="primary" size="small" onClick={() => void ask(ESSENTIAL_KINDS)}>
            {words.subscribe}
          </Button>
        </View>
      ) : null}

      {wallet.status === 'error' && !data ? (
        <ErrorState message={describeError(wallet.error, t)} onRetry={wallet.reload} />
      ) : !data ? (
        <LoadingState blocks={2} />
      ) : data.items.length === 0 ? (
        <EmptyState title={words.empty} />
      ) : (
        <View className="wallet__list">
          {data.items.map((item) => (
            <View key={item.kind} className="wallet-item" data-kind={item.kind}>
              <View className="wallet-item__text">
                <View className="wallet-item__name-row">
                  <Text className="wallet-item__name">{t.notifications.kinds[item.kind]}</Text>
                  <Text className="wallet-item__mode">
                    {item.mode === 'long_term' ? words.longTerm : words.oneTime}
                  </Text>
                </View>
                <Text className="wallet-item__description">
                  {t.notifications.kindDescriptions[item.kind]}
                </Text>
                <Text className={`wallet-item__status ${item.granted ? 'wallet-item__status--on' : ''}`}>
                  {statusOf(item, t)}
                </Text>
              </View>
              {pushes && !(item.mode === 'long_term' && item.granted) ? (
                <Button size="small" fill="outline" type="primary" onClick={() => void ask([item.kind])}>
                  {item.granted ? words.subscribeMore : words.subscribe}
                </Button>
              ) : null}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
