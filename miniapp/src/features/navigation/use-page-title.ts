import { useEffect } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { type Messages, useI18n } from '@/i18n';

/** Keeps the navigation bar title in the current language (page configs hold only the Chinese default). */
export function usePageTitle(pick: (t: Messages) => string): void {
  const { t } = useI18n();
  const title = pick(t);
  const apply = () => {
    Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  };
  useDidShow(apply);
  useEffect(apply, [title]);
}
