import { Image, Text, View } from '@tarojs/components';
import { format, useI18n } from '@/i18n';
import { env } from '@/config/env';
import { usePageTitle } from '@/features/navigation/use-page-title';
import logo from '@/assets/icons/entry-home.png';
import './index.scss';

export default function AboutPage() {
  usePageTitle((t) => t.titles.about);
  const { t } = useI18n();
  return (
    <View className="page about">
      <View className="about__brand">
        <View className="about__logo">
          <Image className="about__logo-image" src={logo} mode="scaleToFill" />
        </View>
        <Text className="about__name">{t.app.name}</Text>
        <Text className="about__center">{t.app.center}</Text>
        <Text className="about__version">{format(t.about.version, { version: env.version })}</Text>
      </View>
      <View className="about__card">
        <Text className="about__body">{t.about.intro}</Text>
      </View>
      <View className="about__card">
        <Text className="about__title">{t.about.privacyTitle}</Text>
        <Text className="about__body">{t.about.privacyBody}</Text>
      </View>
    </View>
  );
}
