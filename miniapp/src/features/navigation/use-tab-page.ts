import type { Messages } from '@/i18n';
import { useUnreadBadge } from '@/features/notifications/unread';
import { usePageTitle } from './use-page-title';
import { useTabBarLabels } from './use-tab-bar-labels';

/** What every tab page needs on show: its title, the tab labels in the current language, the unread badge. */
export function useTabPage(pickTitle: (t: Messages) => string): void {
  usePageTitle(pickTitle);
  useTabBarLabels();
  useUnreadBadge();
}
