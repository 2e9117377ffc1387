import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import {
  DEGREES,
  type Degree,
  INDUSTRIES,
  type Industry,
  KEY_SECTORS,
  type KeySector,
  Role,
  isTaxonomyCode,
} from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { consumeTabIntent } from '@/features/navigation/tab-intent';
import { useTabPage } from '@/features/navigation/use-tab-page';
import { useSession } from '@/features/auth/session.store';
import { describeError } from '@/features/errors/describe-error';
import { useJobMarks } from '@/features/jobs/job-marks';
import { usePagedList } from '@/features/jobs/use-paged-list';
import { jobsApi } from '@/services/api/jobs.api';
import { ChipGroup } from '@/components/chip-group';
import { JobCard } from '@/components/job-card';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import './index.scss';

const ALL = 'all';
const KEY = 'key';
const CITIES = ['北京', '上海', '西安', '成都', '合肥', '武汉'];

interface Filters {
  industry?: Industry;
  location?: string;
  degree?: Degree;
}

/** The 岗位 tab: open postings with search and filters; key-sector postings first-class. Open to visitors. */
export default function JobsPage() {
  useTabPage((t) => t.titles.jobs);
  const { t, label } = useI18n();
  const { user } = useSession();
  const marks = useJobMarks();
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');
  const [sector, setSector] = useState<string>(ALL);
  const [filters, setFilters] = useState<Filters>({});
  const [panelOpen, setPanelOpen] = useState(false);
  const [place, setPlace] = useState('');

  const list = usePagedList(
    (cursor) =>
      jobsApi.list({
        keyword: keyword || undefined,
        keySector: sector !== ALL && sector !== KEY ? (sector as KeySector) : undefined,
        keySectorsOnly: sector === KEY,
        ...filters,
        cursor,
      }),
    [keyword, sector, filters],
  );
  useReachBottom(list.loadMore);
  // "Jobs in this sector" from a museum story (switchTab carries no query string).
  useDidShow(() => {
    const intent = consumeTabIntent('jobs');
    if (intent?.keySector && isTaxonomyCode(KEY_SECTORS, intent.keySector)) setSector(intent.keySector);
  });
  usePullDownRefresh(() => {
    list.reload();
    Taro.stopPullDownRefresh();
  });

  const active = Object.values(filters).filter(Boolean).length;
  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K] | undefined) =>
    setFilters((current) => ({ ...current, [key]: current[key] === value ? undefined : value }));
  const go = (url: string) => void openPage(url);

  const sectorChips = [
    { value: ALL, label: t.jobs.allJobs },
    { value: KEY, label: t.jobs.keySectorJobs },
    ...KEY_SECTORS.map((entry) => ({ value: entry.code, label: label(KEY_SECTORS, entry.code) })),
  ];

  return (
    <View className="page jobs">
      <View className="jobs__hero">
        <Text className="jobs__title">{t.jobs.heroTitle}</Text>
        <Text className="jobs__lead">{t.jobs.heroLead}</Text>
        <View className="jobs__actions">
          <Button className="jobs__action jobs__alerts" size="small" onClick={() => go(PageRoute.jobAlerts)}>
            {t.jobs.alertsEntry}
          </Button>
          {user?.role === Role.Student ? (
            <Button className="jobs__action jobs__saved" size="small" onClick={() => go(PageRoute.savedJobs)}>
              {t.jobs.savedEntry}
            </Button>
          ) : null}
          {user?.role === Role.Admin ? (
            <Button className="jobs__action jobs__staff" size="small" onClick={() => go(PageRoute.staffJobs)}>
              {t.jobs.staffEntry}
            </Button>
          ) : null}
        </View>
      </View>

      <View className="jobs__search">
        <Input
          className="jobs__search-input"
          placeholderClass="jobs__search-placeholder"
          value={typed}
          confirmType="search"
          placeholder={t.jobs.searchPlaceholder}
          maxlength={100}
          onInput={(event) => setTyped(event.detail.value)}
          onConfirm={() => setKeyword(typed.trim())}
        />
        <Button
          className="jobs__search-button"
          type="primary"
          size="small"
          onClick={() => setKeyword(typed.trim())}
        >
          {t.jobs.search}
        </Button>
      </View>

      <ChipGroup chips={sectorChips} selected={sector} onSelect={setSector} />

      <View className="jobs__bar">
        <Text className="jobs__total">
          {list.total === null ? ' ' : format(t.jobs.total, { count: list.total })}
        </Text>
        <Text
          className={`jobs__filter-toggle ${active ? 'jobs__filter-toggle--on' : ''}`}
          onClick={() => setPanelOpen(!panelOpen)}
        >
          {active ? format(t.jobs.filtersActive, { count: active }) : t.jobs.filters}
        </Text>
      </View>

      {panelOpen ? (
        <View className="jobs__panel">
          <Text className="jobs__panel-label">{t.jobs.industry}</Text>
          <View className="jobs__options">
            {INDUSTRIES.map((entry) => (
              <Text
                key={entry.code}
                className={`jobs__option ${filters.industry === entry.code ? 'jobs__option--on' : ''}`}
                onClick={() => setFilter('industry', entry.code)}
              >
                {label(INDUSTRIES, entry.code)}
              </Text>
            ))}
          </View>
          <Text className="jobs__panel-label">{t.jobs.location}</Text>
          <View className="jobs__options">
            {CITIES.map((city) => (
              <Text
                key={city}
                className={`jobs__option ${filters.location === city ? 'jobs__option--on' : ''}`}
                onClick={() => setFilter('location', city)}
              >
                {city}
              </Text>
            ))}
          </View>
          <View className="jobs__place">
            <Input
              className="jobs__place-input"
              value={place}
              maxlength={20}
              placeholder={t.jobs.locationPlaceholder}
              onInput={(event) => setPlace(event.detail.value)}
              onConfirm={() => setFilters((current) => ({ ...current, location: place.trim() || undefined }))}
            />
            <Button
              size="small"
              onClick={() => setFilters((current) => ({ ...current, location: place.trim() || undefined }))}
            >
              {t.common.confirm}
            </Button>
          </View>
          <Text className="jobs__panel-label">{t.jobs.degree}</Text>
          <View className="jobs__options">
            {DEGREES.map((entry) => (
              <Text
                key={entry.code}
                className={`jobs__option ${filters.degree === entry.code ? 'jobs__option--on' : ''}`}
                onClick={() => setFilter('degree', entry.code)}
              >
                {label(DEGREES, entry.code)}
              </Text>
            ))}
          </View>
          {active ? (
            <Text
              className="jobs__clear"
              onClick={() => {
                setFilters({});
                setPlace('');
              }}
            >
              {t.jobs.clearFilters}
            </Text>
          ) : null}
        </View>
      ) : null}

      <View className="jobs__list">
        {list.status === 'error' && list.items.length === 0 ? (
          <ErrorState message={describeError(list.error, t)} onRetry={list.reload} />
        ) : list.status === 'loading' && list.items.length === 0 ? (
          <LoadingState blocks={3} />
        ) : list.items.length === 0 ? (
          <EmptyState title={t.jobs.empty} body={t.jobs.emptyBody} />
        ) : (
          <>
            {list.items.map((job) => (
              <JobCard
                key={job.id}
                job={job}
                saved={marks.saved.has(job.id)}
                onClick={() => go(withQuery(PageRoute.jobDetail, { id: job.id }))}
              />
            ))}
            <View className="jobs__more">
              {list.hasMore ? (
                <Button size="small" loading={list.loadingMore} onClick={list.loadMore}>
                  {list.loadingMore ? t.jobs.loadingMore : t.jobs.loadMore}
                </Button>
              ) : (
                <Text className="jobs__end">{t.jobs.noMore}</Text>
              )}
            </View>
          </>
        )}
      </View>
    </View>
  );
}
