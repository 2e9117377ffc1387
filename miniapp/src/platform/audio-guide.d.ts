// Taro picks audio-guide.<TARO_ENV>.ts at build time; this declaration is what TypeScript sees.
import type { AudioGuideBackend } from './audio-guide.types';

export declare const audioGuideBackend: AudioGuideBackend;
