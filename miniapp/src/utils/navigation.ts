import Taro from '@tarojs/taro';
import { isTabRoute } from '@/routes';

/** Opens any page: tab pages need switchTab, the rest navigateTo. */
export async function openPage(url: string): Promise<void> {
  if (isTabRoute(url)) await Taro.switchTab({ url: url.split('?')[0] });
  else await Taro.navigateTo({ url });
}

/** The page the user is on, as a URL that reLaunch/navigateTo accept, or null before any page exists. */
export function currentPageUrl(): string | null {
  const pages = Taro.getCurrentPages();
  const page = pages[pages.length - 1] as
    { route?: string; path?: string; options?: Record<string, string | undefined> } | undefined;
  const route = page?.route ?? page?.path;
  if (!route) return null;
  const path = `/${route.split('?')[0].replace(/^\/+/, '')}`;
  const query = Object.entries(page?.options ?? {})
    .filter(([key, value]) => value !== undefined && !key.startsWith('$') && key !== 'stamp')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return query.length ? `${path}?${query.join('&')}` : path;
}
