import Taro from '@tarojs/taro';
import { scanCode } from '@/platform/scan';
import { PageRoute, TabRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import { parseScanned, type ScanTarget } from './scan-target';

/** Opens what a scanned code names: an advisor's code checks the student in (or opens the advisor's page). */
export async function openScanTarget(target: ScanTarget): Promise<void> {
  if (target.kind === 'center') await openPage(TabRoute.booking);
  else await openPage(withQuery(PageRoute.checkIn, { advisor: target.ref }));
}

/** 扫一扫: the camera in WeChat; in a browser, the page to type a poster's code. */
export async function scanAndOpen(unrecognized: string): Promise<void> {
  const outcome = await scanCode();
  if (outcome.kind === 'unsupported') {
    await openPage(PageRoute.scan);
    return;
  }
  if (outcome.kind === 'cancelled') return;
  const target = parseScanned(outcome.text);
  if (!target) {
    await Taro.showToast({ title: unrecognized, icon: 'none' });
    return;
  }
  await openScanTarget(target);
}
