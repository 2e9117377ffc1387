import type { ScanOutcome } from './scan.types';

// Browsers give Taro no scanner: the app offers a page to type the poster's code or paste the link instead.
export function scanCode(): Promise<ScanOutcome> {
  return Promise.resolve({ kind: 'unsupported' });
}
