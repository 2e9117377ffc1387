// Taro picks scan.<TARO_ENV>.ts at build time; this declaration is what TypeScript sees.
import type { ScanOutcome } from './scan.types';

export declare function scanCode(): Promise<ScanOutcome>;
