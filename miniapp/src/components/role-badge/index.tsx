import { Text } from '@tarojs/components';
import type { Role } from '@careerside/shared';
import { useI18n } from '@/i18n';
import './index.scss';

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useI18n();
  return <Text className={`role-badge role-badge--${role}`}>{t.roles[role]}</Text>;
}
