import { useEffect } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { notificationsApi } from '@/services/api/notifications.api';
import { sessionStore, useSession } from '@/features/auth/session.store';
import { TAB_ORDER } from '@/routes';
import { createStore, useStore } from '@/utils/store';

/** Unread notifications of the signed-in user: the badge on 我的 and the count in the inbox. */
export const unreadStore = createStore<number>(0);

const ME_TAB = TAB_ORDER.indexOf('me');
let inflight: Promise<void> | null = null;

/** Asks the server again (at most one request at a time); signed out, the count is zero. */
export function refreshUnread(): Promise<void> {
  if (!sessionStore.get().token) {
    unreadStore.set(0);
    return Promise.resolve();
  }
  inflight ??= notificationsApi
    .unreadCount()
    .then(({ unreadCount }) => unreadStore.set(unreadCount))
    .catch(() => undefined)
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

export function setUnread(count: number): void {
  unreadStore.set(Math.max(0, count));
}

/** The badge text: WeChat shows at most four characters. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}

function applyBadge(count: number): void {
  // WeChat accepts tab bar calls only while a tab page is showing; a failure here is harmless.
  const done = () => undefined;
  if (count > 0) Taro.setTabBarBadge({ index: ME_TAB, text: badgeText(count) }).catch(done);
  else Taro.removeTabBarBadge({ index: ME_TAB }).catch(done);
}

/** For tab pages: refresh the count when the page shows and keep the 我的 badge in step with it. */
export function useUnreadBadge(): void {
  const count = useStore(unreadStore);
  const { signedIn } = useSession();
  useDidShow(() => {
    void refreshUnread();
  });
  useEffect(() => {
    if (!signedIn) unreadStore.set(0);
  }, [signedIn]);
  useEffect(() => applyBadge(signedIn ? count : 0), [count, signedIn]);
}

export function useUnreadCount(): number {
  return useStore(unreadStore);
}
