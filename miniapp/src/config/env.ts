import { DEFAULT_API_BASE } from '@/platform/api-base';

/** The build-time settings of the app; the only module that reads `process.env`. */
export const env = {
  apiBase: (process.env.TARO_APP_API_BASE || DEFAULT_API_BASE).replace(/\/+$/, ''),
  platform: process.env.TARO_ENV,
  version: APP_VERSION,
} as const;
