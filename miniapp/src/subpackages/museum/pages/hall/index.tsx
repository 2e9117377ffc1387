import { Image, Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { type ExhibitCardDto, MuseumPage } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { imageUrl } from '@/features/museum/media-url';
import { useQuery } from '@/utils/use-query';
import { museumApi } from '@/services/api/museum.api';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { ExhibitCard } from '@/components/museum/exhibit-card';
import { MiniPlayer } from '@/components/museum/mini-player';
import { Button } from '@/components/nutui';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import './index.scss';

const PAGE_SIZE = 10;

/** One hall: its cover, follow button and exhibits in order, a page at a time as the student scrolls. */
export default function HallPage() {
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const preview = params.preview === 'true';
  const first = useQuery(
    () => museumApi.hall(id, { limit: PAGE_SIZE, preview }),
    [id, preview],
    signedIn && id !== '',
  );
  const [more, setMore] = useState<ExhibitCardDto[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [following, setFollowing] = useState<{ following: boolean; followerCount: number } | null>(null);
  usePageTitle((messages) => first.data?.title ?? messages.titles.museum);

  useEffect(() => {
    if (first.status !== 'success') return;
    setMore([]);
    setCursor(first.data.nextCursor);
    setFollowing({ following: first.data.following, followerCount: first.data.followerCount });
  }, [first.status, first.data]);

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const page = await museumApi.hall(id, { cursor, limit: PAGE_SIZE, preview });
      setMore((items) => [...items, ...page.exhibits]);
      setCursor(page.nextCursor);
    } catch (error) {
      void Taro.showToast({ title: describeError(error, t), icon: 'none' });
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, loadingMore, id, preview, t]);
  useReachBottom(() => void loadMore());

  useShareAppMessage(() => ({
    title: first.data?.title ?? t.museum.heroTitle,
    path: `/${MuseumPage.hall}?id=${id}`,
    imageUrl: first.data ? imageUrl(first.data.cover, 'original') : undefined,
  }));

  const toggleFollow = async () => {
    if (!following) return;
    try {
      const next = await museumApi.follow(id, !following.following);
      setFollowing(next);
      void Taro.showToast({ title: next.following ? t.museum.followed : t.museum.unfollowed, icon: 'none' });
    } catch (error) {
      void Taro.showToast({ title: describeError(error, t), icon: 'none' });
    }
  };

  if (first.status === 'error' && !first.data) {
    return (
      <View className="page hall">
        <ErrorState message={describeError(first.error, t)} onRetry={first.reload} />
      </View>
    );
  }
  if (!first.data) {
    return (
      <View className="page hall">
        <LoadingState blocks={3} />
      </View>
    );
  }
  const hall = first.data;
  const exhibits = [...hall.exhibits, ...more];
  return (
    <View className="page hall">
      <View className="hall__hero">
        <Image className="hall__cover" src={imageUrl(hall.cover)} mode="aspectFill" webp />
        <View className="hall__shade" />
        <View className="hall__hero-text">
          <Text className="hall__title">{hall.title}</Text>
          {hall.subtitle ? <Text className="hall__subtitle">{hall.subtitle}</Text> : null}
          <Text className="hall__meta">
            {format(t.museum.exhibitCount, { count: hall.exhibitCount })} ·{' '}
            {format(t.museum.followerCount, { count: following?.followerCount ?? hall.followerCount })}
          </Text>
        </View>
      </View>
      <View className="hall__actions">
        <Button
          className="hall__follow"
          type={following?.following ? 'default' : 'primary'}
          size="small"
          onClick={() => void toggleFollow()}
        >
          {following?.following ? t.museum.following : t.museum.follow}
        </Button>
        <Button
          className="hall__reflect"
          size="small"
          fill="outline"
          type="primary"
          onClick={() => void openPage(withQuery(PageRoute.reflectionRoom, { hallId: hall.id }))}
        >
          {t.museum.reflect}
        </Button>
      </View>
      {exhibits.length === 0 ? (
        <EmptyState title={t.museum.noExhibits} />
      ) : (
        exhibits.map((exhibit) => (
          <ExhibitCard
            key={exhibit.id}
            exhibit={exhibit}
            onClick={() => void openPage(withQuery(PageRoute.museumExhibit, { id: exhibit.id }))}
          />
        ))
      )}
      {cursor ? (
        <Button className="hall__more" size="small" loading={loadingMore} onClick={() => void loadMore()}>
          {t.museum.loadMore}
        </Button>
      ) : exhibits.length > 0 ? (
        <Text className="hall__end">{t.museum.noMore}</Text>
      ) : null}
      <MiniPlayer />
    </View>
  );
}
