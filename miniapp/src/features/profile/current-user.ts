import { useCallback, useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { UserDto } from '@careerside/shared';
import { meApi } from '@/services/api/me.api';
import { updateSessionUser, useSession } from '@/features/auth/session.store';

export async function refreshCurrentUser(): Promise<UserDto> {
  const user = await meApi.get();
  updateSessionUser(user);
  return user;
}

type RefreshState = { status: 'idle' | 'loading' | 'success' } | { status: 'error'; error: unknown };

/**
 * The signed-in user, refreshed from GET /api/me each time the page shows. The kept copy renders at once;
 * `status`/`error` describe the refresh so a page can show a skeleton (nothing kept yet) or a retry.
 */
export function useCurrentUser() {
  const { user, signedIn } = useSession();
  const [refresh, setRefresh] = useState<RefreshState>({ status: 'idle' });
  // True once GET /api/me answered while this page was open: forms start from the server's copy.
  const [fresh, setFresh] = useState(false);

  const reload = useCallback(() => {
    setRefresh({ status: 'loading' });
    refreshCurrentUser().then(
      () => {
        setRefresh({ status: 'success' });
        setFresh(true);
      },
      (error: unknown) => setRefresh({ status: 'error', error }),
    );
  }, []);

  useDidShow(() => {
    if (signedIn) reload();
  });
  useEffect(() => {
    if (!signedIn) setRefresh({ status: 'idle' });
  }, [signedIn]);

  return { user: signedIn ? user : null, signedIn, refresh, fresh, reload };
}
