import Taro from '@tarojs/taro';
import type { PlatformLogin } from './login.types';

// Dev sign-in stays available in WeChat DevTools, where a tourist appid cannot get a real code.
export const platformLogin: PlatformLogin = {
  methods: ['wechat', 'dev'],
  async getWechatCode() {
    const { code } = await Taro.login();
    if (!code) throw new Error('wx.login returned no code');
    return code;
  },
};
