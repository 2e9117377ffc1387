import { zhCN } from '@/i18n/zh-CN';

export default definePageConfig({ navigationBarTitleText: zhCN.notifications.deliveries.title });
