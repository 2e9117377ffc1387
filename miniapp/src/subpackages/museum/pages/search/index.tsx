import { Input, ScrollView, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { KEY_SECTORS, type KeySector } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
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
import './index.scss';

/** Search by title and tag, with the popular tags and key sectors one tap away. */
export default function SearchPage() {
  usePageTitle((t) => t.museum.searchTitle);
  const signedIn = useRequireSignIn();
  const { t, label } = useI18n();
  const { params } = useRouter();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState(params.tag ? decodeURIComponent(params.tag) : '');
  const [sector, setSector] = useState<KeySector | ''>('');
  const tags = useQuery(() => museumApi.tags(), [], signedIn);
  const active = query !== '' || tag !== '' || sector !== '';
  const results = useQuery(
    () => museumApi.search({ q: query || undefined, tag: tag || undefined, keySector: sector || undefined }),
    [query, tag, sector],
    signedIn && active,
  );

  // Typing settles for a moment before it searches.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <View className="page museum-search">
      <View className="museum-search__box">
        <View className="museum-search__icon" />
        <Input
          className="museum-search__input"
          value={text}
          placeholder={t.museum.searchPlaceholder}
          confirmType="search"
          maxlength={40}
          onInput={(event) => setText(event.detail.value)}
          onConfirm={(event) => setQuery(event.detail.value.trim())}
          focus
        />
      </View>
      <Text className="museum-search__hint">{t.museum.searchHint}</Text>

      <ScrollView className="museum-search__chips" scrollX enhanced showScrollbar={false}>
        <View className="museum-search__chip-row">
          <Text
            className={`museum-search__chip ${sector === '' ? 'museum-search__chip--on' : ''}`}
            onClick={() => setSector('')}
          >
            {t.museum.allSectors}
          </Text>
          {KEY_SECTORS.map((entry) => (
            <Text
              key={entry.code}
              className={`museum-search__chip ${sector === entry.code ? 'museum-search__chip--on' : ''}`}
              onClick={() => setSector(sector === entry.code ? '' : entry.code)}
            >
              {label(KEY_SECTORS, entry.code)}
            </Text>
          ))}
        </View>
      </ScrollView>

      {tags.data && tags.data.items.length > 0 ? (
        <View className="museum-search__tags">
          <Text className="museum-search__tags-title">{t.museum.popularTags}</Text>
          <View className="museum-search__tag-list">
            {tags.data.items.map((item) => (
              <Text
                key={item.tag}
                className={`museum-search__tag ${tag === item.tag ? 'museum-search__tag--on' : ''}`}
                onClick={() => setTag(tag === item.tag ? '' : item.tag)}
              >
                #{item.tag}
              </Text>
            ))}
          </View>
        </View>
      ) : null}

      {!active ? null : results.status === 'error' && !results.data ? (
        <ErrorState message={describeError(results.error, t)} onRetry={results.reload} />
      ) : !results.data ? (
        <LoadingState blocks={2} />
      ) : results.data.items.length === 0 ? (
        <EmptyState title={t.museum.noResults} />
      ) : (
        <View className="museum-search__results">
          <Text className="museum-search__count">
            {format(t.museum.resultsCount, { count: results.data.items.length })}
          </Text>
          {results.data.items.map((exhibit) => (
            <ExhibitCard
              key={exhibit.id}
              exhibit={exhibit}
              showHall
              onClick={() => void openPage(withQuery(PageRoute.museumExhibit, { id: exhibit.id }))}
            />
          ))}
        </View>
      )}
      <MiniPlayer />
    </View>
  );
}
