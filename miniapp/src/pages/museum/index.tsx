import { View } from '@tarojs/components';
import { useI18n } from '@/i18n';
import { useTabPage } from '@/features/navigation/use-tab-page';
import { ComingSoon } from '@/components/coming-soon';
import icon from '@/assets/icons/entry-museum.png';

// The Pocket Employment Museum arrives in a later issue; until then the tab says what it will offer.
export default function MuseumPage() {
  useTabPage((t) => t.titles.museum);
  const { t } = useI18n();
  return (
    <View className="page">
      <ComingSoon
        icon={icon}
        title={t.titles.museum}
        lead={t.comingSoon.museum.lead}
        points={t.comingSoon.museum.points}
      />
    </View>
  );
}
