import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useQuery } from '@/utils/use-query';
import { museumApi } from '@/services/api/museum.api';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { ExhibitCard } from '@/components/museum/exhibit-card';
import { MiniPlayer } from '@/components/museum/mini-player';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';

/** The exhibits this student saved, newest first. */
export default function FavouritesPage() {
  usePageTitle((t) => t.museum.favourites);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const favourites = useQuery(() => museumApi.favourites(), [], signedIn);
  useDidShow(() => {
    if (signedIn && favourites.data) favourites.reload();
  });

  return (
    <View className="page">
      {favourites.status === 'error' && !favourites.data ? (
        <ErrorState message={describeError(favourites.error, t)} onRetry={favourites.reload} />
      ) : !favourites.data ? (
        <LoadingState blocks={2} />
      ) : favourites.data.items.length === 0 ? (
        <EmptyState title={t.museum.noFavourites} body={t.museum.noFavouritesBody} />
      ) : (
        favourites.data.items.map((exhibit) => (
          <ExhibitCard
            key={exhibit.id}
            exhibit={exhibit}
            showHall
            onClick={() => void openPage(withQuery(PageRoute.museumExhibit, { id: exhibit.id }))}
          />
        ))
      )}
      <MiniPlayer />
    </View>
  );
}
