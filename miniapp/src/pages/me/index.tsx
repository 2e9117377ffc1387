import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Role } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { useTabPage } from '@/features/navigation/use-tab-page';
import { useCurrentUser } from '@/features/profile/current-user';
import { useUnreadCount } from '@/features/notifications/unread';
import { signOut } from '@/features/auth/sign-in';
import { describeError } from '@/features/errors/describe-error';
import { UserCard } from '@/components/user-card';
import { MenuList, type MenuItem } from '@/components/menu-list';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { PageRoute } from '@/routes';
import { openPage } from '@/utils/navigation';
import './index.scss';

export default function MePage() {
  useTabPage((t) => t.titles.me);
  const { t, locale } = useI18n();
  const { user, signedIn, refresh, reload } = useCurrentUser();
  const unread = useUnreadCount();
  const go = (url: string) => void openPage(url);

  const confirmSignOut = async () => {
    const { confirm } = await Taro.showModal({
      title: t.me.signOutConfirmTitle,
      content: t.me.signOutConfirmBody,
      confirmText: t.me.signOut,
      cancelText: t.common.cancel,
      confirmColor: '#c53030',
    });
    if (!confirm) return;
    // Signed out here at once; the server is told in the background (best effort, see signOut).
    void signOut();
    await Taro.showToast({ title: t.me.signedOut, icon: 'none' });
  };

  const settings: MenuItem[] = [
    {
      key: 'language',
      title: t.me.language,
      value: locale === 'zh-CN' ? t.language.zhCN : t.language.enUS,
      onClick: () => go(PageRoute.language),
    },
    { key: 'about', title: t.me.about, onClick: () => go(PageRoute.about) },
  ];

  if (!signedIn) {
    return (
      <View className="page me">
        <View className="me__signed-out">
          <View className="me__signed-out-avatar" />
          <Text className="me__signed-out-title">{t.me.signedOutTitle}</Text>
          <Text className="me__signed-out-body">{t.me.signedOutBody}</Text>
          <Button className="me__signed-out-action" type="primary" onClick={() => go(PageRoute.login)}>
            {t.common.signIn}
          </Button>
        </View>
        <MenuList items={settings} />
      </View>
    );
  }

  return (
    <View className="page me">
      {user ? (
        <UserCard user={user} />
      ) : refresh.status === 'error' ? (
        <ErrorState message={describeError(refresh.error, t)} onRetry={reload} />
      ) : (
        <LoadingState blocks={1} />
      )}
      {user && refresh.status === 'error' ? (
        <View className="me__stale" onClick={reload}>
          <Text>{describeError(refresh.error, t)}</Text>
          <Text className="me__stale-retry">{t.common.retry}</Text>
        </View>
      ) : null}
      <MenuList
        items={[
          {
            key: 'inbox',
            title: t.notifications.menuInbox,
            value: unread > 0 ? format(t.notifications.unreadCount, { count: unread }) : undefined,
            onClick: () => go(PageRoute.inbox),
          },
          {
            key: 'subscriptions',
            title: t.notifications.menuSubscriptions,
            onClick: () => go(PageRoute.subscriptions),
          },
          { key: 'profile', title: t.me.editProfile, onClick: () => go(PageRoute.profileEdit) },
          ...(user?.role === Role.Student
            ? [
                {
                  key: 'appointments',
                  title: t.booking.myAppointments,
                  onClick: () => go(PageRoute.myAppointments),
                },
              ]
            : user
              ? [
                  ...(user.role === Role.Counselor
                    ? [
                        {
                          key: 'counselor-today',
                          title: t.counselor.entry,
                          onClick: () => go(PageRoute.counselorToday),
                        },
                      ]
                    : []),
                  { key: 'booking-admin', title: t.staff.entry, onClick: () => go(PageRoute.staffAdvisors) },
                  ...(user.role === Role.Admin
                    ? [
                        {
                          key: 'deliveries',
                          title: t.notifications.deliveries.menu,
                          onClick: () => go(PageRoute.deliveries),
                        },
                      ]
                    : []),
                ]
              : []),
          ...settings,
        ]}
      />
      <MenuList
        items={[
          { key: 'sign-out', title: t.me.signOut, tone: 'danger', onClick: () => void confirmSignOut() },
        ]}
      />
    </View>
  );
}
