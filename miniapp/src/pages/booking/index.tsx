import { View } from '@tarojs/components';
import { ADVISING_TOPICS } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { useTabPage } from '@/features/navigation/use-tab-page';
import { ComingSoon } from '@/components/coming-soon';
import icon from '@/assets/icons/entry-booking.png';

// Issue 4 brings advisors, slots and booking here; until then the tab says what it will offer.
export default function BookingPage() {
  useTabPage((t) => t.titles.booking);
  const { t, locale } = useI18n();
  return (
    <View className="page">
      <ComingSoon
        icon={icon}
        title={t.titles.booking}
        lead={t.comingSoon.booking.lead}
        points={t.comingSoon.booking.points}
        listTitle={t.comingSoon.booking.listTitle}
        listItems={ADVISING_TOPICS.map((topic) => topic.label[locale])}
      />
    </View>
  );
}
