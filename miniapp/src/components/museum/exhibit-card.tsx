import { Image, Text, View } from '@tarojs/components';
import { type ExhibitCardDto, KEY_SECTORS } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { imageUrl } from '@/features/museum/media-url';
import './exhibit-card.scss';

/** An exhibit in a list: thumbnail, title, summary and who the story is about. */
export function ExhibitCard({
  exhibit,
  onClick,
  showHall = false,
}: {
  exhibit: ExhibitCardDto;
  onClick: () => void;
  showHall?: boolean;
}) {
  const { t, label } = useI18n();
  return (
    <View
      className="exhibit-card"
      hoverClass="exhibit-card--pressed"
      onClick={onClick}
      data-exhibit={exhibit.id}
    >
      <Image
        className="exhibit-card__thumb"
        src={imageUrl(exhibit.cover, 'thumb')}
        mode="aspectFill"
        webp
        lazyLoad
      />
      <View className="exhibit-card__body">
        <View className="exhibit-card__heading">
          {exhibit.status === 'draft' ? (
            <Text className="exhibit-card__draft">{t.museum.draftBadge}</Text>
          ) : null}
          <Text className="exhibit-card__title">{exhibit.title}</Text>
        </View>
        <Text className="exhibit-card__summary">{exhibit.summary}</Text>
        <View className="exhibit-card__meta">
          {showHall ? <Text className="exhibit-card__hall">{exhibit.hallTitle}</Text> : null}
          {exhibit.keySector ? (
            <Text className="exhibit-card__sector">{label(KEY_SECTORS, exhibit.keySector)}</Text>
          ) : null}
          {exhibit.hasAudio ? <Text className="exhibit-card__audio">♪ {t.museum.audioBadge}</Text> : null}
          {exhibit.alumniNames.length > 0 ? (
            <Text className="exhibit-card__alumni">{exhibit.alumniNames.join('、')}</Text>
          ) : null}
        </View>
      </View>
    </View>
  );
}
