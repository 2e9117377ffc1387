import { isTabRoute } from '@/routes';
import { openPage } from '@/utils/navigation';
import { targetUrl } from './target';

/** Opens what a notification points at; false when it points nowhere or the page is not in this app. */
export async function openTarget(page: string | null): Promise<boolean> {
  const url = targetUrl(page);
  if (!url) return false;
  try {
    await openPage(isTabRoute(url) ? url.split('?')[0] : url);
    return true;
  } catch {
    return false;
  }
}
