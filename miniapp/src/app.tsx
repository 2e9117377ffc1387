import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { getLocale } from '@/i18n';
import { configureHttp } from '@/services/http/request';
import { getToken } from '@/features/auth/session.store';
import { handleSessionExpired } from '@/features/auth/session-expiry';
import { refreshCurrentUser } from '@/features/profile/current-user';
import { metaResource } from '@/features/meta/meta.resource';
import { bootPlatform } from '@/platform/boot';
import './app.scss';

bootPlatform();
// Wire the HTTP client to the session and locale before any page asks for data.
configureHttp({ getToken, getLocale, onUnauthorized: handleSessionExpired });

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // A kept token may belong to a user whose profile changed elsewhere; a dead one leads to sign-in.
    if (getToken()) void refreshCurrentUser().catch(() => undefined);
    // The center's UTC offset, before pages pick their initial dates (until then they assume UTC+8).
    void metaResource.load().catch(() => undefined);
  });
  return children;
}

export default App;
