import Taro from '@tarojs/taro';
import { PageRoute, withQuery } from '@/routes';
import { currentPageUrl } from '@/utils/navigation';
import { endSession } from './session.store';

let redirecting = false;

/** Registered with the HTTP client: a 401 on a signed-in request ends the session and asks for sign-in. */
export function handleSessionExpired(): void {
  endSession();
  const from = currentPageUrl();
  if (redirecting || from?.startsWith(PageRoute.login)) return;
  redirecting = true;
  Taro.reLaunch({ url: withQuery(PageRoute.login, { redirect: from ?? undefined, reason: 'expired' }) })
    .catch(() => undefined)
    .finally(() => {
      redirecting = false;
    });
}
