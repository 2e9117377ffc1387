import { Image, Input, Picker, RichText, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import {
  ADVISING_TOPICS,
  type AdminExhibitDto,
  type AdvisingTopic,
  type AlumnusDto,
  type CreateExhibitRequest,
  KEY_SECTORS,
  type KeySector,
  type MediaDto,
  MUSEUM_LIMITS,
  type RichTextNode,
} from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { imageUrl, resolveMediaUrl } from '@/features/museum/media-url';
import { prepareNodes } from '@/features/museum/rich-text';
import { useQuery } from '@/utils/use-query';
import { museumAdminApi } from '@/services/api/museum.api';
import { isApiError } from '@/services/http/request';
import { ErrorState, LoadingState } from '@/components/state-views';
import { FormField } from '@/components/form-field';
import { Button } from '@/components/nutui';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import { ImageField } from '../../components/image-field';
import { pickAndUpload } from '../../components/staff-media';
import '../staff-museum.scss';
import './index.scss';

interface GalleryEntry {
  media: MediaDto;
  caption: string;
}

interface AlumnusDraft {
  name: string;
  classYear: string;
  employer: string;
  role: string;
}

interface Form {
  hallId: string;
  title: string;
  summary: string;
  body: string;
  cover: MediaDto | null;
  gallery: GalleryEntry[];
  audio: MediaDto | null;
  transcript: string;
  videoUrl: string;
  tags: string;
  keySector: KeySector | null;
  advisingTopic: AdvisingTopic | null;
  alumni: AlumnusDraft[];
}

function formOf(exhibit: AdminExhibitDto): Form {
  return {
    hallId: exhibit.hallId,
    title: exhibit.title,
    summary: exhibit.summary,
    body: exhibit.markdown,
    cover: exhibit.cover,
    gallery: exhibit.gallery.map((item) => ({ media: item.media, caption: item.caption ?? '' })),
    audio: exhibit.audioGuide?.media ?? null,
    transcript: exhibit.audioGuide?.transcript ?? '',
    videoUrl: exhibit.videoUrl ?? '',
    tags: exhibit.tags.join(', '),
    keySector: exhibit.keySector,
    advisingTopic: null,
    alumni: exhibit.alumni.map((alumnus) => ({ ...alumnus, classYear: String(alumnus.classYear) })),
  };
}

function requestOf(form: Form): CreateExhibitRequest {
  return {
    hallId: form.hallId,
    title: form.title,
    summary: form.summary,
    body: form.body,
    coverMediaId: form.cover?.id ?? null,
    gallery: form.gallery.map((item) => ({ mediaId: item.media.id, caption: item.caption.trim() || null })),
    audioMediaId: form.audio?.id ?? null,
    transcript: form.transcript.trim() || null,
    videoUrl: form.videoUrl.trim() || null,
    tags: [
      ...new Set(
        form.tags
          .split(/[,，、\s]+/)
          .map((tag) => tag.trim())
          .filter(Boolean),
      ),
    ],
    keySector: form.keySector,
    advisingTopic: form.advisingTopic,
    alumni: form.alumni.map<AlumnusDto>((alumnus) => ({
      name: alumnus.name,
      classYear: Number(alumnus.classYear),
      employer: alumnus.employer,
      role: alumnus.role,
    })),
  };
}

const EMPTY: Form = {
  hallId: '',
  title: '',
  summary: '',
  body: '',
  cover: null,
  gallery: [],
  audio: null,
  transcript: '',
  videoUrl: '',
  tags: '',
  keySector: null,
  advisingTopic: null,
  alumni: [],
};

/** Staff: write or edit an exhibit, with a live preview of the body exactly as students will see it. */
export default function StaffExhibitPage() {
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const exhibit = useQuery(() => museumAdminApi.exhibit(id), [id], signedIn && id !== '');
  usePageTitle((messages) => exhibit.data?.title ?? messages.staffMuseum.newExhibit);

  if (id && exhibit.status === 'error' && !exhibit.data) {
    return (
      <View className="page staff-museum">
        <ErrorState message={describeError(exhibit.error, t)} onRetry={exhibit.reload} />
      </View>
    );
  }
  if (id && !exhibit.data) {
    return (
      <View className="page staff-museum">
        <LoadingState blocks={3} />
      </View>
    );
  }
  // The editor mounts with the loaded values: a field whose value changes while it is first drawn can miss it.
  return (
    <ExhibitEditor
      key={id || 'new'}
      id={id}
      exhibit={exhibit.data}
      initialHallId={params.hallId ? decodeURIComponent(params.hallId) : ''}
      signedIn={signedIn}
      onSaved={(saved) => exhibit.update(() => saved)}
    />
  );
}

function ExhibitEditor({
  id,
  exhibit,
  initialHallId,
  signedIn,
  onSaved,
}: {
  id: string;
  exhibit: AdminExhibitDto | null;
  initialHallId: string;
  signedIn: boolean;
  onSaved: (exhibit: AdminExhibitDto) => void;
}) {
  const { t, label } = useI18n();
  const clock = useCenterClock();
  const halls = useQuery(() => museumAdminApi.halls(), [], signedIn);
  const [form, setForm] = useState<Form>(() =>
    exhibit ? formOf(exhibit) : { ...EMPTY, hallId: initialHallId },
  );
  const [preview, setPreview] = useState<RichTextNode[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const nodes = useMemo(() => prepareNodes(preview, resolveMediaUrl), [preview]);

  // The preview follows the body a moment after typing stops, rendered by the server's own renderer.
  useEffect(() => {
    if (!signedIn) return;
    const timer = setTimeout(() => {
      museumAdminApi.preview(form.body).then(
        (result) => setPreview(result.body),
        () => undefined,
      );
    }, 500);
    return () => clearTimeout(timer);
  }, [form.body, signedIn]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const save = async () => {
    setSaving(true);
    try {
      const body = requestOf(form);
      const saved = id
        ? await museumAdminApi.updateExhibit(id, body)
        : await museumAdminApi.createExhibit(body);
      setErrors({});
      void Taro.showToast({ title: id ? t.staffMuseum.saved : t.staffMuseum.created, icon: 'success' });
      if (id) onSaved(saved);
      else void Taro.redirectTo({ url: withQuery(PageRoute.staffMuseumExhibit, { id: saved.id }) });
    } catch (error) {
      if (isApiError(error)) setErrors(error.fieldErrors());
      void Taro.showToast({
        title: isApiError(error) && error.isValidation ? t.staffMuseum.checkFields : describeError(error, t),
        icon: 'none',
        duration: 3000,
      });
    } finally {
      setSaving(false);
    }
  };

  const togglePublish = async () => {
    if (!exhibit) return;
    try {
      const saved =
        exhibit.status === 'published'
          ? await museumAdminApi.unpublishExhibit(id)
          : await museumAdminApi.publishExhibit(id);
      onSaved(saved);
      void Taro.showToast({
        title: saved.status === 'published' ? t.staffMuseum.published : t.staffMuseum.unpublished,
        icon: 'none',
      });
    } catch (error) {
      void Taro.showToast({ title: describeError(error, t), icon: 'none', duration: 3000 });
    }
  };

  const insertImage = async () => {
    const media = await pickAndUpload('image', t);
    if (media) set('body', `${form.body.replace(/\s*$/, '')}\n\n![](${media.url})\n`);
  };

  const addGalleryImage = async () => {
    const media = await pickAndUpload('image', t);
    if (media) set('gallery', [...form.gallery, { media, caption: '' }]);
  };

  const uploadAudio = async () => {
    const media = await pickAndUpload('audio', t);
    if (media) set('audio', media);
  };

  const hallOptions = halls.data?.items ?? [];
  const hallIndex = hallOptions.findIndex((hall) => hall.id === form.hallId);
  const sectorLabels = [t.staffMuseum.none, ...KEY_SECTORS.map((entry) => label(KEY_SECTORS, entry.code))];
  const topicLabels = [
    t.staffMuseum.defaultTopic,
    ...ADVISING_TOPICS.map((entry) => label(ADVISING_TOPICS, entry.code)),
  ];
  const live = exhibit?.status === 'published';

  return (
    <View className="page staff-museum staff-exhibit">
      <View className="staff-museum__header">
        <Text className="staff-museum__title">
          {exhibit ? (
            <Text className={`staff-badge ${live ? 'staff-badge--live' : ''}`}>
              {live ? t.staffMuseum.live : t.staffMuseum.draft}
            </Text>
          ) : null}
          {exhibit?.title ?? t.staffMuseum.newExhibit}
        </Text>
        {form.hallId ? (
          <Text
            className="staff-link"
            onClick={() => void openPage(withQuery(PageRoute.staffMuseumHall, { id: form.hallId }))}
          >
            {hallOptions[hallIndex]?.title ?? t.staffMuseum.backToHalls}
          </Text>
        ) : null}
      </View>
      <View className="staff-museum__columns">
        <View className="staff-museum__form">
          <View className="staff-card">
            <FormField label={t.staffMuseum.hall} error={errors.hallId} testId="hallId">
              <Picker
                mode="selector"
                range={hallOptions.map((hall) => hall.title)}
                value={Math.max(0, hallIndex)}
                onChange={(event) =>
                  set('hallId', hallOptions[Number(event.detail.value)]?.id ?? form.hallId)
                }
              >
                <View className="staff-picker">{hallOptions[hallIndex]?.title ?? '—'}</View>
              </Picker>
            </FormField>
            <FormField label={t.staffMuseum.exhibitTitle} error={errors.title} testId="title">
              <Input
                className="staff-input"
                value={form.title}
                maxlength={MUSEUM_LIMITS.exhibitTitle}
                onInput={(event) => set('title', event.detail.value)}
              />
            </FormField>
            <FormField label={t.staffMuseum.summary} error={errors.summary} testId="summary">
              <Textarea
                className="staff-textarea"
                value={form.summary}
                maxlength={MUSEUM_LIMITS.exhibitSummary}
                placeholder={t.staffMuseum.summaryPlaceholder}
                onInput={(event) => set('summary', event.detail.value)}
              />
            </FormField>
            <FormField label={t.staffMuseum.cover} error={errors.coverMediaId} testId="cover">
              <ImageField media={form.cover} onChange={(media) => set('cover', media)} testId="cover-image" />
            </FormField>
          </View>

          <View className="staff-card">
            <FormField label={t.staffMuseum.body} error={errors.body} testId="body">
              <Textarea
                className="staff-textarea staff-textarea--body"
                value={form.body}
                maxlength={MUSEUM_LIMITS.exhibitBody}
                onInput={(event) => set('body', event.detail.value)}
              />
            </FormField>
            <Text className="staff-museum__hint">{t.staffMuseum.bodyHint}</Text>
            <View className="staff-actions">
              <Button size="small" onClick={() => void insertImage()}>
                {t.staffMuseum.insertImage}
              </Button>
            </View>
          </View>

          <View className="staff-card">
            <Text className="staff-card__title">{t.staffMuseum.gallery}</Text>
            {form.gallery.map((item, index) => (
              <View key={item.media.id} className="staff-row">
                <Image
                  className="staff-row__thumb"
                  src={imageUrl(item.media, 'thumb')}
                  mode="aspectFill"
                  webp
                />
                <View className="staff-row__text">
                  <Input
                    className="staff-input"
                    value={item.caption}
                    maxlength={MUSEUM_LIMITS.caption}
                    placeholder={t.staffMuseum.captionPlaceholder}
                    onInput={(event) =>
                      set(
                        'gallery',
                        form.gallery.map((entry, i) =>
                          i === index ? { ...entry, caption: event.detail.value } : entry,
                        ),
                      )
                    }
                  />
                </View>
                <Text
                  className="staff-link staff-link--danger"
                  onClick={() =>
                    set(
                      'gallery',
                      form.gallery.filter((_, i) => i !== index),
                    )
                  }
                >
                  {t.staffMuseum.remove}
                </Text>
              </View>
            ))}
            <View className="staff-actions">
              <Button size="small" onClick={() => void addGalleryImage()}>
                {t.staffMuseum.uploadImage}
              </Button>
            </View>
          </View>

          <View className="staff-card">
            <Text className="staff-card__title">{t.staffMuseum.audio}</Text>
            {form.audio ? (
              <View className="staff-row">
                <View className="staff-row__text">
                  <Text className="staff-row__title">♪ {form.audio.mime}</Text>
                  <Text className="staff-row__meta">
                    {Math.round(form.audio.bytes / 1024)} KB
                    {form.audio.durationMs ? ` · ${Math.round(form.audio.durationMs / 1000)} s` : ''}
                  </Text>
                </View>
                <Text className="staff-link staff-link--danger" onClick={() => set('audio', null)}>
                  {t.staffMuseum.remove}
                </Text>
              </View>
            ) : null}
            <View className="staff-actions">
              <Button size="small" onClick={() => void uploadAudio()}>
                {t.staffMuseum.uploadAudio}
              </Button>
            </View>
            <FormField label={t.staffMuseum.transcript} error={errors.transcript} testId="transcript">
              <Textarea
                className="staff-textarea"
                value={form.transcript}
                maxlength={MUSEUM_LIMITS.transcript}
                onInput={(event) => set('transcript', event.detail.value)}
              />
            </FormField>
            <FormField label={t.staffMuseum.videoUrl} error={errors.videoUrl} testId="videoUrl">
              <Input
                className="staff-input"
                value={form.videoUrl}
                maxlength={MUSEUM_LIMITS.videoUrl}
                onInput={(event) => set('videoUrl', event.detail.value)}
              />
            </FormField>
          </View>

          <View className="staff-card">
            <FormField label={t.staffMuseum.tags} error={errors.tags} testId="tags">
              <Input
                className="staff-input"
                value={form.tags}
                placeholder={t.staffMuseum.tagsPlaceholder}
                onInput={(event) => set('tags', event.detail.value)}
              />
            </FormField>
            <FormField label={t.staffMuseum.keySector} error={errors.keySector} testId="keySector">
              <Picker
                mode="selector"
                range={sectorLabels}
                value={
                  form.keySector ? KEY_SECTORS.findIndex((entry) => entry.code === form.keySector) + 1 : 0
                }
                onChange={(event) => {
                  const index = Number(event.detail.value);
                  set('keySector', index === 0 ? null : KEY_SECTORS[index - 1].code);
                }}
              >
                <View className="staff-picker">
                  {form.keySector ? label(KEY_SECTORS, form.keySector) : t.staffMuseum.none}
                </View>
              </Picker>
            </FormField>
            <FormField
              label={t.staffMuseum.advisingTopic}
              error={errors.advisingTopic}
              testId="advisingTopic"
            >
              <Picker
                mode="selector"
                range={topicLabels}
                value={
                  form.advisingTopic
                    ? ADVISING_TOPICS.findIndex((entry) => entry.code === form.advisingTopic) + 1
                    : 0
                }
                onChange={(event) => {
                  const index = Number(event.detail.value);
                  set('advisingTopic', index === 0 ? null : ADVISING_TOPICS[index - 1].code);
                }}
              >
                <View className="staff-picker">
                  {form.advisingTopic
                    ? label(ADVISING_TOPICS, form.advisingTopic)
                    : t.staffMuseum.defaultTopic}
                </View>
              </Picker>
            </FormField>
          </View>

          <View className="staff-card">
            <Text className="staff-card__title">{t.staffMuseum.alumni}</Text>
            {form.alumni.map((alumnus, index) => {
              const change = (key: keyof AlumnusDraft, value: string) =>
                set(
                  'alumni',
                  form.alumni.map((entry, i) => (i === index ? { ...entry, [key]: value } : entry)),
                );
              return (
                <View key={index} className="staff-alumnus" data-alumnus={index}>
                  <Input
                    className="staff-input"
                    value={alumnus.name}
                    placeholder={t.staffMuseum.alumnusName}
                    maxlength={30}
                    onInput={(event) => change('name', event.detail.value)}
                  />
                  <Input
                    className="staff-input"
                    value={alumnus.classYear}
                    type="number"
                    placeholder={t.staffMuseum.alumnusYear}
                    maxlength={4}
                    onInput={(event) => change('classYear', event.detail.value)}
                  />
                  <Input
                    className="staff-input"
                    value={alumnus.employer}
                    placeholder={t.staffMuseum.alumnusEmployer}
                    maxlength={60}
                    onInput={(event) => change('employer', event.detail.value)}
                  />
                  <Input
                    className="staff-input"
                    value={alumnus.role}
                    placeholder={t.staffMuseum.alumnusRole}
                    maxlength={40}
                    onInput={(event) => change('role', event.detail.value)}
                  />
                  <Text
                    className="staff-link staff-link--danger"
                    onClick={() =>
                      set(
                        'alumni',
                        form.alumni.filter((_, i) => i !== index),
                      )
                    }
                  >
                    {t.staffMuseum.remove}
                  </Text>
                </View>
              );
            })}
            {errors.classYear || errors.name ? (
              <Text className="form-field__error">{errors.classYear ?? errors.name}</Text>
            ) : null}
            {form.alumni.length < MUSEUM_LIMITS.alumni ? (
              <View className="staff-actions">
                <Button
                  size="small"
                  onClick={() =>
                    set('alumni', [...form.alumni, { name: '', classYear: '', employer: '', role: '' }])
                  }
                >
                  {t.staffMuseum.addAlumnus}
                </Button>
              </View>
            ) : null}
          </View>

          <View className="staff-card staff-exhibit__bar">
            <Button type="primary" loading={saving} onClick={() => void save()}>
              {t.staffMuseum.save}
            </Button>
            {exhibit ? (
              <>
                <Button type={live ? 'default' : 'success'} onClick={() => void togglePublish()}>
                  {live ? t.staffMuseum.unpublish : t.staffMuseum.publish}
                </Button>
                <Button
                  fill="outline"
                  type="primary"
                  onClick={() => void openPage(withQuery(PageRoute.museumExhibit, { id }))}
                >
                  {t.staffMuseum.preview}
                </Button>
                <Text className="staff-museum__hint">
                  {format(t.staffMuseum.statusLine, {
                    status: live ? t.staffMuseum.live : t.staffMuseum.draft,
                    time: clock.dateTime(exhibit.updatedAt),
                  })}
                </Text>
              </>
            ) : null}
          </View>
        </View>

        <View className="staff-museum__preview staff-card">
          <Text className="staff-card__title">{t.staffMuseum.bodyPreview}</Text>
          <RichText className="exhibit__body" nodes={nodes} />
        </View>
      </View>
    </View>
  );
}
