import type { PlatformLogin } from './login.types';

// A browser has no WeChat identity; the web build signs in only through dev sign-in.
export const platformLogin: PlatformLogin = {
  methods: ['dev'],
  getWechatCode: () => Promise.reject(new Error('WeChat sign-in is not available in a browser')),
};
