import { useEffect } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { Locale } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { TAB_ORDER } from '@/routes';

let labelledFor: Locale | null = null;

/**
 * Re-labels the tab bar in the current language. WeChat allows setTabBarItem only while a tab page is
 * showing, so every tab page calls this on show; it does the work once per language change.
 */
export function useTabBarLabels(): void {
  const { locale, t } = useI18n();
  const apply = () => {
    if (labelledFor === locale) return;
    labelledFor = locale;
    TAB_ORDER.forEach((tab, index) => {
      Taro.setTabBarItem({ index, text: t.tabs[tab] }).catch(() => {
        labelledFor = null;
      });
    });
  };
  useDidShow(apply);
  useEffect(apply, [locale]);
}
