import Taro, { useDidShow } from '@tarojs/taro';
import { PageRoute, withQuery } from '@/routes';
import { currentPageUrl } from '@/utils/navigation';
import { useSession } from './session.store';

/**
 * For pages that mean nothing signed out (editing a profile, later: my bookings). Tabs stay open to
 * everyone; such a page sends a signed-out visitor to sign-in and sign-in brings them back here.
 */
export function useRequireSignIn(): boolean {
  const { signedIn } = useSession();
  useDidShow(() => {
    if (signedIn) return;
    const redirect = currentPageUrl() ?? undefined;
    Taro.redirectTo({ url: withQuery(PageRoute.login, { redirect }) }).catch(() => undefined);
  });
  return signedIn;
}
