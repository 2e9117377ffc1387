import Taro from '@tarojs/taro';
import type { ScanOutcome } from './scan.types';

// A mini-program code gives its page `path` (with `scene=`); a standard QR code gives its text in `result`.
export async function scanCode(): Promise<ScanOutcome> {
  try {
    const result = await Taro.scanCode({ onlyFromCamera: false });
    return { kind: 'scanned', text: result.path || result.result };
  } catch {
    return { kind: 'cancelled' };
  }
}
