import { Image, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Role } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { useTabPage } from '@/features/navigation/use-tab-page';
import { useSession } from '@/features/auth/session.store';
import { describeError } from '@/features/errors/describe-error';
import { imageUrl } from '@/features/museum/media-url';
import { useQuery } from '@/utils/use-query';
import { museumApi } from '@/services/api/museum.api';
import { EntryCard } from '@/components/entry-card';
import { SectionTitle } from '@/components/section-title';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { HallCard } from '@/components/museum/hall-card';
import { Button } from '@/components/nutui';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import museumIcon from '@/assets/icons/entry-museum.png';
import bookingIcon from '@/assets/icons/entry-booking.png';
import jobsIcon from '@/assets/icons/entry-jobs.png';
import './index.scss';

/** The 博物馆 tab: the halls as framed pictures, the way back into the last tour, search and the reflection room. */
export default function MuseumPage() {
  useTabPage((t) => t.titles.museum);
  const { t } = useI18n();
  const { signedIn, user } = useSession();
  const go = (url: string) => void openPage(url);
  const halls = useQuery(() => museumApi.halls(), [signedIn], signedIn);
  const tour = useQuery(() => museumApi.continueTour(), [signedIn], signedIn);
  useDidShow(() => {
    if (signedIn) tour.reload();
  });

  return (
    <View className="page museum">
      <View className="museum__hero">
        <Text className="museum__eyebrow">{t.museum.heroEyebrow}</Text>
        <Text className="museum__title">{t.museum.heroTitle}</Text>
        <Text className="museum__subtitle">{t.museum.heroSubtitle}</Text>
        {signedIn ? (
          <View className="museum__search" onClick={() => go(PageRoute.museumSearch)}>
            <View className="museum__search-icon" />
            <Text>{t.museum.searchPlaceholder}</Text>
          </View>
        ) : null}
      </View>

      {!signedIn ? (
        <View className="museum__signin">
          <Text className="museum__signin-title">{t.museum.signedOutTitle}</Text>
          <Text className="museum__signin-body">{t.museum.signedOutBody}</Text>
          <Button
            type="primary"
            onClick={() => go(withQuery(PageRoute.login, { redirect: '/pages/museum/index' }))}
          >
            {t.common.signIn}
          </Button>
        </View>
      ) : (
        <>
          {tour.data?.exhibit ? (
            <View
              className="museum__continue"
              hoverClass="museum__continue--pressed"
              onClick={() => go(withQuery(PageRoute.museumExhibit, { id: tour.data?.exhibit?.id }))}
            >
              <Image
                className="museum__continue-thumb"
                src={imageUrl(tour.data.exhibit.cover, 'thumb')}
                mode="aspectFill"
                webp
              />
              <View className="museum__continue-text">
                <Text className="museum__continue-label">{t.museum.continueTitle}</Text>
                <Text className="museum__continue-title">
                  {format(t.museum.continueBody, { title: tour.data.exhibit.title })}
                </Text>
              </View>
              <Text className="museum__continue-action">{t.museum.continueAction}</Text>
            </View>
          ) : null}

          <SectionTitle>{t.museum.hallsTitle}</SectionTitle>
          {halls.status === 'error' && !halls.data ? (
            <ErrorState message={describeError(halls.error, t)} onRetry={halls.reload} />
          ) : !halls.data ? (
            <LoadingState blocks={2} />
          ) : halls.data.items.length === 0 ? (
            <EmptyState title={t.museum.noHalls} />
          ) : (
            halls.data.items.map((hall, index) => (
              <HallCard
                key={hall.id}
                hall={hall}
                index={index}
                onClick={() => go(withQuery(PageRoute.museumHall, { id: hall.id }))}
              />
            ))
          )}

          <EntryCard
            icon={museumIcon}
            tone="green"
            title={t.museum.reflectionEntry}
            body={t.museum.reflectionEntryBody}
            onClick={() => go(PageRoute.reflectionRooms)}
          />
          <EntryCard
            icon={jobsIcon}
            tone="gold"
            title={t.museum.favourites}
            body={t.museum.favouritesBody}
            onClick={() => go(PageRoute.museumFavourites)}
          />
          {user?.role === Role.Admin ? (
            <EntryCard
              icon={bookingIcon}
              tone="blue"
              title={t.museum.staffEntry}
              body={t.museum.staffEntryBody}
              onClick={() => go(PageRoute.staffMuseumHalls)}
            />
          ) : null}
        </>
      )}
    </View>
  );
}
