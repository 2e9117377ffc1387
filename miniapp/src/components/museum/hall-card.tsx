import { Image, Text, View } from '@tarojs/components';
import type { HallDto } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { imageUrl } from '@/features/museum/media-url';
import './hall-card.scss';

/** A hall as a framed picture: its cover with the title laid over it, like a museum gallery sign. */
export function HallCard({ hall, index, onClick }: { hall: HallDto; index: number; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <View className="hall-card" hoverClass="hall-card--pressed" onClick={onClick} data-hall={hall.id}>
      <Image className="hall-card__cover" src={imageUrl(hall.cover)} mode="aspectFill" webp lazyLoad />
      <View className="hall-card__shade" />
      <Text className="hall-card__number">{String(index + 1).padStart(2, '0')}</Text>
      <View className="hall-card__text">
        <Text className="hall-card__title">{hall.title}</Text>
        {hall.subtitle ? <Text className="hall-card__subtitle">{hall.subtitle}</Text> : null}
        <View className="hall-card__meta">
          <Text>{format(t.museum.exhibitCount, { count: hall.exhibitCount })}</Text>
          <Text className="hall-card__dot">·</Text>
          <Text>{format(t.museum.followerCount, { count: hall.followerCount })}</Text>
        </View>
      </View>
    </View>
  );
}
