import { Image, Text, View } from '@tarojs/components';
import './index.scss';

export interface EntryCardProps {
  icon: string;
  title: string;
  body: string;
  tag?: string;
  tone: 'blue' | 'gold' | 'green';
  onClick: () => void;
}

/** A service entry on the home page. */
export function EntryCard({ icon, title, body, tag, tone, onClick }: EntryCardProps) {
  return (
    <View className="entry-card" hoverClass="entry-card--pressed" onClick={onClick}>
      <View className={`entry-card__icon entry-card__icon--${tone}`}>
        <Image className="entry-card__icon-image" src={icon} mode="scaleToFill" />
      </View>
      <View className="entry-card__body">
        <View className="entry-card__heading">
          <Text className="entry-card__title">{title}</Text>
          {tag ? <Text className="entry-card__tag">{tag}</Text> : null}
        </View>
        <Text className="entry-card__text">{body}</Text>
      </View>
      <View className="entry-card__chevron" />
    </View>
  );
}
