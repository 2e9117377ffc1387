import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ADVISING_TOPICS, type AdvisorDto } from '@careerside/shared';
import { useI18n } from '@/i18n';
import './index.scss';

/** An advisor in a list or at the top of their page: initial, name, title, place and topics. */
export function AdvisorCard({
  advisor,
  onClick,
  footer,
}: {
  advisor: AdvisorDto;
  onClick?: () => void;
  footer?: ReactNode;
}) {
  const { label } = useI18n();
  return (
    <View className="advisor-card" hoverClass={onClick ? 'advisor-card--pressed' : 'none'} onClick={onClick}>
      <View className="advisor-card__head">
        <View className="advisor-card__avatar">
          <Text>{advisor.name.slice(0, 1)}</Text>
        </View>
        <View className="advisor-card__who">
          <Text className="advisor-card__name">{advisor.name}</Text>
          <Text className="advisor-card__title">{advisor.title}</Text>
          <Text className="advisor-card__location">{advisor.location}</Text>
        </View>
        {onClick ? <View className="advisor-card__chevron" /> : null}
      </View>
      <View className="advisor-card__topics">
        {advisor.topics.map((topic) => (
          <Text key={topic} className="advisor-card__topic">
            {label(ADVISING_TOPICS, topic)}
          </Text>
        ))}
      </View>
      {footer ? <View className="advisor-card__footer">{footer}</View> : null}
    </View>
  );
}
