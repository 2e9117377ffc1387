import { Image, Text, View } from '@tarojs/components';
import { useI18n } from '@/i18n';
import './index.scss';

export interface ComingSoonProps {
  icon: string;
  title: string;
  lead: string;
  points: readonly string[];
  listTitle?: string;
  listItems?: readonly string[];
}

/** An honest placeholder for a tab whose feature is still being built: what it will offer, no made-up data. */
export function ComingSoon({ icon, title, lead, points, listTitle, listItems }: ComingSoonProps) {
  const { t } = useI18n();
  return (
    <View className="coming-soon">
      <View className="coming-soon__hero">
        <View className="coming-soon__icon">
          <Image className="coming-soon__icon-image" src={icon} mode="scaleToFill" />
        </View>
        <Text className="coming-soon__badge">{t.comingSoon.badge}</Text>
        <Text className="coming-soon__title">{title}</Text>
        <Text className="coming-soon__lead">{lead}</Text>
      </View>

      <View className="coming-soon__card">
        <Text className="coming-soon__card-title">{t.comingSoon.whatToExpect}</Text>
        {points.map((point, index) => (
          <View className="coming-soon__point" key={point}>
            <Text className="coming-soon__point-index">{index + 1}</Text>
            <Text className="coming-soon__point-text">{point}</Text>
          </View>
        ))}
      </View>

      {listTitle && listItems?.length ? (
        <View className="coming-soon__card">
          <Text className="coming-soon__card-title">{listTitle}</Text>
          <View className="coming-soon__chips">
            {listItems.map((item) => (
              <Text className="coming-soon__chip" key={item}>
                {item}
              </Text>
            ))}
          </View>
        </View>
      ) : null}

      <Text className="coming-soon__note">{t.comingSoon.note}</Text>
    </View>
  );
}
