import { Text, View } from '@tarojs/components';
import { Role, type UserDto } from '@careerside/shared';
import { type Messages, format, useI18n } from '@/i18n';
import { useTabPage } from '@/features/navigation/use-tab-page';
import { useCurrentUser } from '@/features/profile/current-user';
import { describeError } from '@/features/errors/describe-error';
import { EntryCard } from '@/components/entry-card';
import { RoleBadge } from '@/components/role-badge';
import { SectionTitle } from '@/components/section-title';
import { Button, Skeleton } from '@/components/nutui';
import { PageRoute, TabRoute } from '@/routes';
import { openPage } from '@/utils/navigation';
import bookingIcon from '@/assets/icons/entry-booking.png';
import jobsIcon from '@/assets/icons/entry-jobs.png';
import museumIcon from '@/assets/icons/entry-museum.png';
import './index.scss';

function greeting(user: UserDto, t: Messages, now = new Date()): string {
  const hour = now.getHours();
  const template =
    hour < 11 ? t.home.greetingMorning : hour < 18 ? t.home.greetingAfternoon : t.home.greetingEvening;
  const name = user.profile.name ?? user.name;
  const display =
    user.role === Role.Student || !name
      ? (name ?? t.home.studentFallbackName)
      : format(t.home.counselorName, { name });
  return format(template, { name: display });
}

export default function HomePage() {
  useTabPage((t) => t.titles.home);
  const { t, locale } = useI18n();
  const { user, signedIn, refresh, reload } = useCurrentUser();
  const go = (url: string) => void openPage(url);

  return (
    <View className={`page home home--${locale}`}>
      <View className="home__hero">
        <View className="home__hero-glow" />
        <Text className="home__center">{t.app.center}</Text>
        <Text className="home__title">{t.home.heroTitle}</Text>
        {locale === 'zh-CN' ? <Text className="home__tagline">{t.app.tagline}</Text> : null}
        <Text className="home__subtitle">{t.home.heroSubtitle}</Text>
      </View>

      <View className="home__welcome">
        {!signedIn ? (
          <View className="home__signin">
            <View className="home__signin-text">
              <Text className="home__welcome-title">{t.home.signedOutTitle}</Text>
              <Text className="home__welcome-body">{t.home.signedOutBody}</Text>
            </View>
            <Button type="primary" size="small" onClick={() => go(PageRoute.login)}>
              {t.home.signInCta}
            </Button>
          </View>
        ) : user ? (
          <View className="home__greeting">
            <Text className="home__welcome-title">{greeting(user, t)}</Text>
            <RoleBadge role={user.role} />
          </View>
        ) : refresh.status === 'error' ? (
          <View className="home__greeting">
            <Text className="home__welcome-body">{describeError(refresh.error, t)}</Text>
            <Button size="small" onClick={reload}>
              {t.common.retry}
            </Button>
          </View>
        ) : (
          <Skeleton rows={1} width="60%" animated />
        )}
      </View>

      {user && user.role === Role.Student && !user.profileComplete ? (
        <View className="home__nudge" onClick={() => go(PageRoute.profileEdit)}>
          <View className="home__nudge-text">
            <Text className="home__nudge-title">{t.home.profileNudgeTitle}</Text>
            <Text className="home__nudge-body">{t.home.profileNudgeBody}</Text>
          </View>
          <Text className="home__nudge-cta">{t.home.profileNudgeCta}</Text>
        </View>
      ) : null}

      <SectionTitle>{t.home.servicesTitle}</SectionTitle>
      <EntryCard
        icon={bookingIcon}
        tone="blue"
        title={t.home.entryBookingTitle}
        body={t.home.entryBookingBody}
        onClick={() => go(TabRoute.booking)}
      />
      <EntryCard
        icon={jobsIcon}
        tone="gold"
        title={t.home.entryJobsTitle}
        body={t.home.entryJobsBody}
        onClick={() => go(TabRoute.jobs)}
      />
      <EntryCard
        icon={museumIcon}
        tone="green"
        title={t.home.entryMuseumTitle}
        body={t.home.entryMuseumBody}
        onClick={() => go(TabRoute.museum)}
      />
    </View>
  );
}
