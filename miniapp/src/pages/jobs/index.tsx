import { View } from '@tarojs/components';
import { KEY_SECTORS } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { useTabPage } from '@/features/navigation/use-tab-page';
import { ComingSoon } from '@/components/coming-soon';
import icon from '@/assets/icons/entry-jobs.png';

// The jobs list and alerts arrive in a later issue; until then the tab says what it will offer.
export default function JobsPage() {
  useTabPage((t) => t.titles.jobs);
  const { t, locale } = useI18n();
  return (
    <View className="page">
      <ComingSoon
        icon={icon}
        title={t.titles.jobs}
        lead={t.comingSoon.jobs.lead}
        points={t.comingSoon.jobs.points}
        listTitle={t.comingSoon.jobs.listTitle}
        listItems={KEY_SECTORS.map((sector) => sector.label[locale])}
      />
    </View>
  );
}
