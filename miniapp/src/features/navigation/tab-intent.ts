import Taro from '@tarojs/taro';
import { TabRoute } from '@/routes';
import { createStore } from '@/utils/store';

type Tab = keyof typeof TabRoute;

/**
 * switchTab cannot carry a query string, so a page that opens a tab with a filter ("jobs in this sector",
 * "advisors on this topic") leaves the filter here and the tab picks it up when it shows (consumeTabIntent).
 */
const intents = createStore<Partial<Record<Tab, Record<string, string>>>>({});

export async function openTabWith(tab: Tab, params: Record<string, string>): Promise<void> {
  intents.set((current) => ({ ...current, [tab]: params }));
  await Taro.switchTab({ url: TabRoute[tab] });
}

/** The filter another page asked this tab to show, once; null when there is none. */
export function consumeTabIntent(tab: Tab): Record<string, string> | null {
  const params = intents.get()[tab] ?? null;
  if (params) intents.set((current) => ({ ...current, [tab]: undefined }));
  return params;
}
