import { zhCN } from '@/i18n/zh-CN';

export default definePageConfig({
  navigationBarTitleText: zhCN.notifications.inboxTitle,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
