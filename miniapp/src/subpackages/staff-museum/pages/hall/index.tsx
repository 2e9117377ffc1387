import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ExhibitCardDto, MediaDto } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { imageUrl } from '@/features/museum/media-url';
import { useQuery } from '@/utils/use-query';
import { museumAdminApi } from '@/services/api/museum.api';
import { reflectionApi } from '@/services/api/reflection.api';
import { isApiError } from '@/services/http/request';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { FormField } from '@/components/form-field';
import { Button } from '@/components/nutui';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import { ImageField } from '../../components/image-field';
import '../staff-museum.scss';

/** Staff: one hall: its fields and cover, its exhibits in order, and its reflection questions. */
export default function StaffHallPage() {
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const hall = useQuery(() => museumAdminApi.hall(id), [id], signedIn && id !== '');
  const exhibits = useQuery(() => museumAdminApi.hallExhibits(id), [id], signedIn && id !== '');
  const prompts = useQuery(() => reflectionApi.prompts(id), [id], signedIn && id !== '');
  const [title, setTitle] = useState('');
  const [subtitle, setSubtitle] = useState('');
  const [cover, setCover] = useState<MediaDto | null>(null);
  const [prompt, setPrompt] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  // The fields are drawn once their values are known: a field whose value changes while it is first drawn can
  // miss it (Taro H5 Input).
  const [ready, setReady] = useState(false);
  usePageTitle((messages) => hall.data?.title ?? messages.staffMuseum.title);
  useDidShow(() => {
    if (signedIn && exhibits.data) exhibits.reload();
  });

  useEffect(() => {
    if (hall.status !== 'success') return;
    setTitle(hall.data.title);
    setSubtitle(hall.data.subtitle ?? '');
    setCover(hall.data.cover);
    setReady(true);
  }, [hall.status, hall.data]);

  const fail = (error: unknown) => {
    if (isApiError(error)) setErrors(error.fieldErrors());
    void Taro.showToast({ title: describeError(error, t), icon: 'none', duration: 3000 });
  };

  const save = async () => {
    setSaving(true);
    try {
      const saved = await museumAdminApi.updateHall(id, {
        title,
        subtitle: subtitle || null,
        coverMediaId: cover?.id ?? null,
      });
      hall.update(() => saved);
      setErrors({});
      void Taro.showToast({ title: t.staffMuseum.saved, icon: 'success' });
    } catch (error) {
      fail(error);
    } finally {
      setSaving(false);
    }
  };

  const togglePublish = async () => {
    if (!hall.data) return;
    const publish = hall.data.status !== 'published';
    try {
      const saved = await museumAdminApi.publishHall(id, publish);
      hall.update(() => saved);
      void Taro.showToast({
        title: publish ? t.staffMuseum.published : t.staffMuseum.unpublished,
        icon: 'none',
      });
    } catch (error) {
      fail(error);
    }
  };

  const moveExhibit = async (index: number, delta: number) => {
    const ids = (exhibits.data?.items ?? []).map((item) => item.id);
    const target = index + delta;
    if (target < 0 || target >= ids.length) return;
    [ids[index], ids[target]] = [ids[target], ids[index]];
    try {
      const result = await museumAdminApi.reorderExhibits(id, ids);
      exhibits.update(() => result);
      void Taro.showToast({ title: t.staffMuseum.reordered, icon: 'none' });
    } catch (error) {
      fail(error);
    }
  };

  const toggleExhibit = async (exhibit: ExhibitCardDto) => {
    try {
      if (exhibit.status === 'published') await museumAdminApi.unpublishExhibit(exhibit.id);
      else await museumAdminApi.publishExhibit(exhibit.id);
      exhibits.reload();
      void Taro.showToast({
        title: exhibit.status === 'published' ? t.staffMuseum.unpublished : t.staffMuseum.published,
        icon: 'none',
      });
    } catch (error) {
      fail(error);
    }
  };

  const addPrompt = async () => {
    if (!prompt.trim()) return;
    try {
      const created = await reflectionApi.createPrompt(id, prompt);
      prompts.update((current) => ({ items: [...current.items, created] }));
      setPrompt('');
      void Taro.showToast({ title: t.staffMuseum.promptAdded, icon: 'none' });
    } catch (error) {
      fail(error);
    }
  };

  const deletePrompt = async (promptId: string) => {
    try {
      await reflectionApi.deletePrompt(promptId);
      prompts.update((current) => ({ items: current.items.filter((item) => item.id !== promptId) }));
      void Taro.showToast({ title: t.staffMuseum.promptDeleted, icon: 'none' });
    } catch (error) {
      fail(error);
    }
  };

  if (hall.status === 'error' && !hall.data) {
    return (
      <View className="page staff-museum">
        <ErrorState message={describeError(hall.error, t)} onRetry={hall.reload} />
      </View>
    );
  }
  if (!hall.data) {
    return (
      <View className="page staff-museum">
        <LoadingState blocks={2} />
      </View>
    );
  }
  const live = hall.data.status === 'published';
  const items = exhibits.data?.items ?? [];

  return (
    <View className="page staff-museum">
      <View className="staff-museum__header">
        <Text className="staff-museum__title">
          <Text className={`staff-badge ${live ? 'staff-badge--live' : ''}`}>
            {live ? t.staffMuseum.live : t.staffMuseum.draft}
          </Text>
          {hall.data.title}
        </Text>
        <Text className="staff-link" onClick={() => void openPage(PageRoute.staffMuseumHalls)}>
          {t.staffMuseum.backToHalls}
        </Text>
      </View>

      {ready ? (
        <View className="staff-card">
          <FormField label={t.staffMuseum.hallTitle} error={errors.title} testId="hall-title">
            <Input
              className="staff-input"
              value={title}
              maxlength={40}
              onInput={(event) => setTitle(event.detail.value)}
            />
          </FormField>
          <FormField label={t.staffMuseum.hallSubtitle} error={errors.subtitle} testId="hall-subtitle">
            <Input
              className="staff-input"
              value={subtitle}
              maxlength={120}
              onInput={(event) => setSubtitle(event.detail.value)}
            />
          </FormField>
          <FormField label={t.staffMuseum.cover} error={errors.coverMediaId} testId="hall-cover">
            <ImageField media={cover} onChange={setCover} testId="hall-cover-image" />
          </FormField>
          <View className="staff-actions">
            <Button type="primary" loading={saving} onClick={() => void save()}>
              {t.staffMuseum.save}
            </Button>
            <Button type={live ? 'default' : 'success'} onClick={() => void togglePublish()}>
              {live ? t.staffMuseum.unpublish : t.staffMuseum.publish}
            </Button>
            <Button
              fill="outline"
              type="primary"
              onClick={() => void openPage(withQuery(PageRoute.museumHall, { id, preview: 'true' }))}
            >
              {t.staffMuseum.preview}
            </Button>
          </View>
        </View>
      ) : (
        <LoadingState blocks={1} />
      )}

      <View className="staff-card">
        <View className="staff-museum__header">
          <Text className="staff-card__title">{t.staffMuseum.exhibitsTitle}</Text>
          <Button
            size="small"
            type="primary"
            onClick={() => void openPage(withQuery(PageRoute.staffMuseumExhibit, { hallId: id }))}
          >
            {t.staffMuseum.newExhibit}
          </Button>
        </View>
        {exhibits.status === 'error' && !exhibits.data ? (
          <ErrorState message={describeError(exhibits.error, t)} onRetry={exhibits.reload} />
        ) : !exhibits.data ? (
          <LoadingState blocks={1} />
        ) : items.length === 0 ? (
          <EmptyState title={t.staffMuseum.noExhibits} />
        ) : (
          items.map((exhibit, index) => (
            <View key={exhibit.id} className="staff-row" data-exhibit={exhibit.id}>
              <Image
                className="staff-row__thumb"
                src={imageUrl(exhibit.cover, 'thumb')}
                mode="aspectFill"
                webp
              />
              <View className="staff-row__text">
                <Text className="staff-row__title">
                  <Text
                    className={`staff-badge ${exhibit.status === 'published' ? 'staff-badge--live' : ''}`}
                  >
                    {exhibit.status === 'published' ? t.staffMuseum.live : t.staffMuseum.draft}
                  </Text>
                  {exhibit.title}
                </Text>
                <Text className="staff-row__meta">
                  {format(t.staffMuseum.views, { count: exhibit.viewCount })}
                </Text>
              </View>
              <View className="staff-row__actions">
                <Text
                  className={`staff-link ${index === 0 ? 'staff-link--disabled' : ''}`}
                  onClick={() => void moveExhibit(index, -1)}
                >
                  {t.staffMuseum.moveUp}
                </Text>
                <Text
                  className={`staff-link ${index === items.length - 1 ? 'staff-link--disabled' : ''}`}
                  onClick={() => void moveExhibit(index, 1)}
                >
                  {t.staffMuseum.moveDown}
                </Text>
                <Text
                  className="staff-link"
                  data-action="toggle-publish"
                  onClick={() => void toggleExhibit(exhibit)}
                >
                  {exhibit.status === 'published' ? t.staffMuseum.unpublish : t.staffMuseum.publish}
                </Text>
                <Text
                  className="staff-link"
                  data-action="open"
                  onClick={() => void openPage(withQuery(PageRoute.staffMuseumExhibit, { id: exhibit.id }))}
                >
                  {t.staffMuseum.open}
                </Text>
              </View>
            </View>
          ))
        )}
      </View>

      <View className="staff-card">
        <Text className="staff-card__title">{t.staffMuseum.promptsTitle}</Text>
        {(prompts.data?.items ?? []).map((item, index) => (
          <View key={item.id} className="staff-row">
            <View className="staff-row__text">
              <Text className="staff-row__title">
                {index + 1}. {item.text}
              </Text>
            </View>
            <View className="staff-row__actions">
              <Text className="staff-link staff-link--danger" onClick={() => void deletePrompt(item.id)}>
                {t.staffMuseum.remove}
              </Text>
            </View>
          </View>
        ))}
        <FormField label={t.staffMuseum.addPrompt} testId="prompt">
          <Input
            className="staff-input"
            value={prompt}
            maxlength={200}
            placeholder={t.staffMuseum.promptPlaceholder}
            onInput={(event) => setPrompt(event.detail.value)}
            onConfirm={() => void addPrompt()}
          />
        </FormField>
        <View className="staff-actions">
          <Button size="small" onClick={() => void addPrompt()}>
            {t.staffMuseum.addPrompt}
          </Button>
        </View>
      </View>
    </View>
  );
}
