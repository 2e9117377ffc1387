import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { AdminHallDto, MediaDto } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { imageUrl } from '@/features/museum/media-url';
import { useQuery } from '@/utils/use-query';
import { museumAdminApi } from '@/services/api/museum.api';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { FormField } from '@/components/form-field';
import { Button } from '@/components/nutui';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import { ImageField } from '../../components/image-field';
import '../staff-museum.scss';

/** Staff: every hall, drafts included, in order; create, reorder, publish and withdraw. */
export default function StaffHallsPage() {
  usePageTitle((t) => t.staffMuseum.title);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const halls = useQuery(() => museumAdminApi.halls(), [], signedIn);
  const [title, setTitle] = useState('');
  const [subtitle, setSubtitle] = useState('');
  const [cover, setCover] = useState<MediaDto | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useDidShow(() => {
    if (signedIn && halls.data) halls.reload();
  });
  const hallCount = halls.data?.items.length ?? 0;

  const act = async (work: () => Promise<{ items: AdminHallDto[] } | AdminHallDto>, message: string) => {
    try {
      const result = await work();
      if ('items' in result) halls.update(() => result);
      else
        halls.update((current) => ({
          items: current.items.map((hall) => (hall.id === result.id ? result : hall)),
        }));
      void Taro.showToast({ title: message, icon: 'none' });
    } catch (error) {
      void Taro.showToast({ title: describeError(error, t), icon: 'none', duration: 3000 });
    }
  };

  const move = (index: number, delta: number) => {
    const items = halls.data?.items ?? [];
    const ids = items.map((hall) => hall.id);
    const target = index + delta;
    if (target < 0 || target >= ids.length) return;
    [ids[index], ids[target]] = [ids[target], ids[index]];
    void act(() => museumAdminApi.reorderHalls(ids), t.staffMuseum.reordered);
  };

  const create = async () => {
    if (!title.trim()) {
      setErrors({ title: t.staffMuseum.required });
      return;
    }
    setBusy(true);
    try {
      const hall = await museumAdminApi.createHall({
        title,
        subtitle: subtitle || null,
        coverMediaId: cover?.id ?? null,
      });
      setTitle('');
      setSubtitle('');
      setCover(null);
      setErrors({});
      void Taro.showToast({ title: t.staffMuseum.created, icon: 'none' });
      void openPage(withQuery(PageRoute.staffMuseumHall, { id: hall.id }));
    } catch (error) {
      const fields = (error as { fieldErrors?: () => Record<string, string> }).fieldErrors?.() ?? {};
      setErrors(fields);
      void Taro.showToast({ title: describeError(error, t), icon: 'none', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page staff-museum">
      <Text className="staff-museum__hint staff-museum__hint--phone">{t.staffMuseum.desktopHint}</Text>
      <View className="staff-card">
        <Text className="staff-card__title">{t.staffMuseum.hallsTitle}</Text>
        {halls.status === 'error' && !halls.data ? (
          <ErrorState message={describeError(halls.error, t)} onRetry={halls.reload} />
        ) : !halls.data ? (
          <LoadingState blocks={1} />
        ) : halls.data.items.length === 0 ? (
          <EmptyState title={t.staffMuseum.noHalls} />
        ) : (
          halls.data.items.map((hall, index) => (
            <View key={hall.id} className="staff-row" data-hall={hall.id}>
              <Image
                className="staff-row__thumb"
                src={imageUrl(hall.cover, 'thumb')}
                mode="aspectFill"
                webp
              />
              <View className="staff-row__text">
                <Text className="staff-row__title">
                  <Text className={`staff-badge ${hall.status === 'published' ? 'staff-badge--live' : ''}`}>
                    {hall.status === 'published' ? t.staffMuseum.live : t.staffMuseum.draft}
                  </Text>
                  {hall.title}
                </Text>
                <Text className="staff-row__meta">
                  {format(t.museum.exhibitCount, { count: hall.exhibitCount })} · {t.staffMuseum.draft}{' '}
                  {hall.draftCount} · {format(t.museum.followerCount, { count: hall.followerCount })}
                </Text>
              </View>
              <View className="staff-row__actions">
                <Text
                  className={`staff-link ${index === 0 ? 'staff-link--disabled' : ''}`}
                  onClick={() => move(index, -1)}
                >
                  {t.staffMuseum.moveUp}
                </Text>
                <Text
                  className={`staff-link ${index === hallCount - 1 ? 'staff-link--disabled' : ''}`}
                  onClick={() => move(index, 1)}
                >
                  {t.staffMuseum.moveDown}
                </Text>
                <Text
                  className="staff-link"
                  data-action="toggle-publish"
                  onClick={() =>
                    void act(
                      () => museumAdminApi.publishHall(hall.id, hall.status !== 'published'),
                      hall.status === 'published' ? t.staffMuseum.unpublished : t.staffMuseum.published,
                    )
                  }
                >
                  {hall.status === 'published' ? t.staffMuseum.unpublish : t.staffMuseum.publish}
                </Text>
                <Text
                  className="staff-link"
                  data-action="open"
                  onClick={() => void openPage(withQuery(PageRoute.staffMuseumHall, { id: hall.id }))}
                >
                  {t.staffMuseum.open}
                </Text>
              </View>
            </View>
          ))
        )}
      </View>

      <View className="staff-card staff-museum__new-hall">
        <Text className="staff-card__title">{t.staffMuseum.newHall}</Text>
        <FormField label={t.staffMuseum.hallTitle} error={errors.title} testId="hall-title">
          <Input
            className="staff-input"
            value={title}
            maxlength={40}
            placeholder={t.staffMuseum.hallTitlePlaceholder}
            onInput={(event) => setTitle(event.detail.value)}
          />
        </FormField>
        <FormField label={t.staffMuseum.hallSubtitle} error={errors.subtitle} testId="hall-subtitle">
          <Input
            className="staff-input"
            value={subtitle}
            maxlength={120}
            placeholder={t.staffMuseum.hallSubtitlePlaceholder}
            onInput={(event) => setSubtitle(event.detail.value)}
          />
        </FormField>
        <FormField label={t.staffMuseum.cover} error={errors.coverMediaId} testId="hall-cover">
          <ImageField media={cover} onChange={setCover} testId="hall-cover-image" />
        </FormField>
        <View className="staff-actions">
          <Button type="primary" loading={busy} onClick={() => void create()}>
            {t.staffMuseum.create}
          </Button>
        </View>
      </View>
    </View>
  );
}
