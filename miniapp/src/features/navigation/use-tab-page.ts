import type { Messages } from '@/i18n';
import { usePageTitle } from './use-page-title';
import { useTabBarLabels } from './use-tab-bar-labels';

/** What every tab page needs on show: its title and the tab labels in the current language. */
export function useTabPage(pickTitle: (t: Messages) => string): void {
  usePageTitle(pickTitle);
  useTabBarLabels();
}
