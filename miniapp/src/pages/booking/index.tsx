import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { ADVISING_TOPICS, type AdvisingTopic, isTaxonomyCode } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { consumeTabIntent } from '@/features/navigation/tab-intent';
import { useTabPage } from '@/features/navigation/use-tab-page';
import { useSession } from '@/features/auth/session.store';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { scanAndOpen } from '@/features/booking/scan';
import { useQuery } from '@/utils/use-query';
import { bookingApi } from '@/services/api/booking.api';
import { AdvisorCard } from '@/components/advisor-card';
import { ChipGroup } from '@/components/chip-group';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { PageRoute, TabRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import './index.scss';

const ALL = 'all';

/** The 预约 tab: advisors by topic, 扫一扫 and the way to my appointments. */
export default function BookingPage() {
  useTabPage((t) => t.titles.booking);
  const { t, label } = useI18n();
  const clock = useCenterClock();
  const { signedIn } = useSession();
  const [topic, setTopic] = useState<string>(ALL);
  const advisors = useQuery(
    () => bookingApi.advisors({ topic: topic === ALL ? undefined : (topic as AdvisingTopic) }),
    [topic, signedIn],
    signedIn,
  );
  useDidShow(() => {
    // "Advisors on this topic" from a museum story (switchTab carries no query string). The reload below
    // is overtaken by the one the new topic starts.
    const intent = consumeTabIntent('booking');
    if (intent?.topic && isTaxonomyCode(ADVISING_TOPICS, intent.topic)) setTopic(intent.topic);
    if (signedIn) advisors.reload();
  });

  const chips = [
    { value: ALL, label: t.booking.allTopics },
    ...ADVISING_TOPICS.map((entry) => ({ value: entry.code, label: label(ADVISING_TOPICS, entry.code) })),
  ];

  return (
    <View className="page booking">
      <View className="booking__hero">
        <Text className="booking__title">{t.booking.title}</Text>
        <Text className="booking__lead">{t.booking.lead}</Text>
        <View className="booking__actions">
          <Button
            className="booking__action booking__scan"
            size="small"
            onClick={() => void scanAndOpen(t.booking.scanUnrecognized)}
          >
            {t.booking.scan}
          </Button>
          {signedIn ? (
            <Button
              className="booking__action booking__mine"
              size="small"
              onClick={() => void openPage(PageRoute.myAppointments)}
            >
              {t.booking.myAppointments}
            </Button>
          ) : null}
        </View>
      </View>

      {!signedIn ? (
        <View className="booking__signin">
          <Text className="booking__signin-text">{t.booking.signInToBook}</Text>
          <Button
            type="primary"
            size="small"
            onClick={() => void openPage(withQuery(PageRoute.login, { redirect: TabRoute.booking }))}
          >
            {t.common.signIn}
          </Button>
        </View>
      ) : (
        <>
          <ChipGroup chips={chips} selected={topic} onSelect={setTopic} />
          <View className="booking__list">
            {advisors.data ? (
              advisors.data.items.length === 0 ? (
                <EmptyState title={topic === ALL ? t.booking.noAdvisors : t.booking.noAdvisorsForTopic} />
              ) : (
                advisors.data.items.map((advisor) => (
                  <AdvisorCard
                    key={advisor.id}
                    advisor={advisor}
                    onClick={() => void openPage(withQuery(PageRoute.advisor, { id: advisor.id }))}
                    footer={
                      <Text className={advisor.nextAvailableAt ? 'booking__next' : 'booking__none'}>
                        {advisor.nextAvailableAt
                          ? format(t.booking.nextAvailable, {
                              date: clock.date(advisor.nextAvailableAt).slice(5),
                              time: clock.time(advisor.nextAvailableAt),
                            })
                          : t.booking.noAvailability}
                      </Text>
                    }
                  />
                ))
              )
            ) : advisors.status === 'error' ? (
              <ErrorState message={describeError(advisors.error, t)} onRetry={advisors.reload} />
            ) : (
              <LoadingState blocks={3} />
            )}
          </View>
        </>
      )}
    </View>
  );
}
