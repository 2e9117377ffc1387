import { useCallback, useState } from 'react';
import type { Role } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { describeError } from '@/features/errors/describe-error';
import { isApiError } from '@/services/http/request';
import { signInWithDevLogin, signInWithWechat } from './sign-in';

type Pending = 'wechat' | 'dev' | null;

/** Sign-in actions for the login page, with the in-flight method and a message when one fails. */
export function useSignIn() {
  const { t } = useI18n();
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (method: Exclude<Pending, null>, action: () => Promise<unknown>): Promise<boolean> => {
      setPending(method);
      setError(null);
      try {
        await action();
        return true;
      } catch (reason) {
        const isWechatFault = method === 'wechat' && !isApiError(reason);
        setError(isWechatFault ? t.login.wechatFailed : describeError(reason, t));
        return false;
      } finally {
        setPending(null);
      }
    },
    [t],
  );

  return {
    pending,
    error,
    wechat: () => run('wechat', signInWithWechat),
    dev: (role: Role, name: string) => run('dev', () => signInWithDevLogin(role, name)),
  };
}
