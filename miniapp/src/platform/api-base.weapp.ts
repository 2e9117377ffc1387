// WeChat DevTools with "do not verify domains" on; a release sets TARO_APP_API_BASE to its https domain.
export const DEFAULT_API_BASE = 'http://localhost:3000/api';
