import { Button as TaroButton, Image, RichText, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import {
  ADVISING_TOPICS,
  type ExhibitDto,
  KEY_SECTORS,
  MuseumPage,
  type MuseumReaction,
} from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { openTabWith } from '@/features/navigation/tab-intent';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { audioGuide, useAudioGuide } from '@/features/museum/audio-guide';
import { imageUrl, resolveMediaUrl } from '@/features/museum/media-url';
import { prepareNodes } from '@/features/museum/rich-text';
import { useQuery } from '@/utils/use-query';
import { museumApi } from '@/services/api/museum.api';
import { copyPageLink, nativeShare } from '@/platform/share';
import { ErrorState, LoadingState } from '@/components/state-views';
import { MiniPlayer } from '@/components/museum/mini-player';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import './index.scss';

function clock(ms: number | null): string {
  if (!ms) return '';
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** One exhibit, laid out like a museum guide: the picture, the people, the narration, the story, what next. */
export default function ExhibitPage() {
  const signedIn = useRequireSignIn();
  const { t, label } = useI18n();
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const exhibit = useQuery(() => museumApi.exhibit(id), [id], signedIn && id !== '');
  const guide = useAudioGuide();
  const [transcriptOpen, setTranscriptOpen] = useState(false);
  const [busy, setBusy] = useState<MuseumReaction | null>(null);
  usePageTitle((messages) => exhibit.data?.title ?? messages.titles.museum);
  const nodes = useMemo(() => prepareNodes(exhibit.data?.body, resolveMediaUrl), [exhibit.data?.body]);

  useShareAppMessage(() => ({
    title: exhibit.data ? `${exhibit.data.title}｜${t.museum.heroTitle}` : t.museum.heroTitle,
    path: `/${MuseumPage.exhibit}?id=${id}`,
    imageUrl: exhibit.data ? imageUrl(exhibit.data.cover, 'original') : undefined,
  }));

  if (exhibit.status === 'error' && !exhibit.data) {
    return (
      <View className="page exhibit">
        <ErrorState message={describeError(exhibit.error, t)} onRetry={exhibit.reload} />
      </View>
    );
  }
  if (!exhibit.data) {
    return (
      <View className="page exhibit">
        <LoadingState blocks={3} />
      </View>
    );
  }
  const data: ExhibitDto = exhibit.data;
  const audio = data.audioGuide;
  const thisGuide = guide.exhibitId === data.id;

  const react = async (reaction: MuseumReaction) => {
    if (busy) return;
    const active = reaction === 'like' ? !data.liked : !data.favourited;
    setBusy(reaction);
    try {
      const result = await museumApi.react(data.id, reaction, active);
      exhibit.update((current) =>
        reaction === 'like'
          ? { ...current, liked: result.active, likeCount: result.count }
          : { ...current, favourited: result.active, favouriteCount: result.count },
      );
    } catch (error) {
      void Taro.showToast({ title: describeError(error, t), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  const share = async () => {
    await copyPageLink(withQuery(PageRoute.museumExhibit, { id: data.id }));
    void Taro.showToast({ title: t.museum.linkCopied, icon: 'none' });
  };

  const playGuide = () => {
    if (!audio) return;
    if (thisGuide) {
      audioGuide.toggle();
      return;
    }
    audioGuide.play(
      data.id,
      {
        src: resolveMediaUrl(audio.media.url),
        title: data.title,
        subtitle: data.hallTitle,
        coverUrl: imageUrl(data.cover, 'original'),
      },
      audio.media.durationMs,
    );
  };

  const previewGallery = (index: number) => {
    const urls = data.gallery.map((item) => imageUrl(item.media, 'original'));
    void Taro.previewImage({ urls, current: urls[index] });
  };

  const copyVideo = async () => {
    if (!data.videoUrl) return;
    await Taro.setClipboardData({ data: data.videoUrl });
    void Taro.showToast({ title: t.museum.videoCopied, icon: 'none' });
  };

  return (
    <View className="page exhibit">
      <View className="exhibit__hero">
        <Image className="exhibit__cover" src={imageUrl(data.cover)} mode="aspectFill" webp />
        <View
          className="exhibit__hall-chip"
          onClick={() => void openPage(withQuery(PageRoute.museumHall, { id: data.hallId }))}
        >
          <Text>{data.hallTitle}</Text>
        </View>
      </View>

      <View className="exhibit__sheet">
        {data.status === 'draft' ? <Text className="exhibit__preview">{t.museum.previewNotice}</Text> : null}
        <Text className="exhibit__title">{data.title}</Text>
        <Text className="exhibit__summary">{data.summary}</Text>
        <View className="exhibit__chips">
          {data.keySector ? (
            <Text className="exhibit__chip exhibit__chip--sector">{label(KEY_SECTORS, data.keySector)}</Text>
          ) : null}
          {data.tags.map((tag) => (
            <Text
              key={tag}
              className="exhibit__chip"
              onClick={() => void openPage(withQuery(PageRoute.museumSearch, { tag }))}
            >
              #{tag}
            </Text>
          ))}
        </View>
        <View className="exhibit__stats">
          <Text>{format(t.museum.views, { count: data.viewCount })}</Text>
          <Text>{format(t.museum.likes, { count: data.likeCount })}</Text>
        </View>
        <View className="exhibit__reactions">
          <View
            className={`exhibit__reaction ${data.liked ? 'exhibit__reaction--on' : ''}`}
            data-reaction="like"
            onClick={() => void react('like')}
          >
            <Text className="exhibit__reaction-icon">{data.liked ? '♥' : '♡'}</Text>
            <Text>{data.liked ? t.museum.liked : t.museum.like}</Text>
          </View>
          <View
            className={`exhibit__reaction ${data.favourited ? 'exhibit__reaction--on' : ''}`}
            data-reaction="favourite"
            onClick={() => void react('favourite')}
          >
            <Text className="exhibit__reaction-icon">{data.favourited ? '★' : '☆'}</Text>
            <Text>{data.favourited ? t.museum.favourited : t.museum.favourite}</Text>
          </View>
          {nativeShare ? (
            <TaroButton className="exhibit__reaction exhibit__share-button" openType="share">
              <Text className="exhibit__reaction-icon">↗</Text>
              <Text>{t.museum.share}</Text>
            </TaroButton>
          ) : (
            <View className="exhibit__reaction" data-reaction="share" onClick={() => void share()}>
              <Text className="exhibit__reaction-icon">↗</Text>
              <Text>{t.museum.share}</Text>
            </View>
          )}
        </View>
      </View>

      {data.alumni.length > 0 ? (
        <View className="exhibit__section">
          <Text className="exhibit__section-title">{t.museum.alumniTitle}</Text>
          <ScrollView className="exhibit__alumni" scrollX enhanced showScrollbar={false}>
            <View className="exhibit__alumni-row">
              {data.alumni.map((alumnus) => (
                <View key={`${alumnus.name}-${alumnus.classYear}`} className="alumnus">
                  <View className="alumnus__avatar">
                    <Text>{Array.from(alumnus.name)[0]}</Text>
                  </View>
                  <View className="alumnus__text">
                    <Text className="alumnus__name">
                      {alumnus.name}
                      <Text className="alumnus__year">
                        {' '}
                        {format(t.museum.classOf, { year: alumnus.classYear })}
                      </Text>
                    </Text>
                    <Text className="alumnus__role">{alumnus.role}</Text>
                    <Text className="alumnus__employer">{alumnus.employer}</Text>
                  </View>
                </View>
              ))}
            </View>
          </ScrollView>
        </View>
      ) : null}

      {audio ? (
        <View className={`audio-card ${thisGuide && guide.playing ? 'audio-card--playing' : ''}`}>
          <View className="audio-card__button" onClick={playGuide} data-action="play-guide">
            <View
              className={`audio-card__icon ${thisGuide && guide.playing ? 'audio-card__icon--pause' : ''}`}
            />
          </View>
          <View className="audio-card__text">
            <Text className="audio-card__title">{t.museum.audioTitle}</Text>
            <Text className="audio-card__hint">
              {thisGuide && guide.playing
                ? t.museum.audioPause
                : thisGuide
                  ? t.museum.audioResume
                  : t.museum.audioPlay}
              {audio.media.durationMs ? ` · ${clock(audio.media.durationMs)}` : ''}
            </Text>
          </View>
          {audio.transcript ? (
            <Text className="audio-card__toggle" onClick={() => setTranscriptOpen((open) => !open)}>
              {transcriptOpen ? t.museum.transcriptHide : t.museum.transcriptShow}
            </Text>
          ) : null}
          {transcriptOpen && audio.transcript ? (
            <Text className="audio-card__transcript">{audio.transcript}</Text>
          ) : null}
        </View>
      ) : null}

      <View className="exhibit__section exhibit__story">
        <Text className="exhibit__section-title">{t.museum.storyTitle}</Text>
        <RichText className="exhibit__body" nodes={nodes} />
      </View>

      {data.gallery.length > 0 ? (
        <View className="exhibit__section">
          <Text className="exhibit__section-title">{t.museum.galleryTitle}</Text>
          <ScrollView className="exhibit__gallery" scrollX enhanced showScrollbar={false}>
            <View className="exhibit__gallery-row">
              {data.gallery.map((item, index) => (
                <View key={item.media.id} className="gallery-item" onClick={() => previewGallery(index)}>
                  <Image
                    className="gallery-item__image"
                    src={imageUrl(item.media)}
                    mode="aspectFill"
                    webp
                    lazyLoad
                  />
                  {item.caption ? <Text className="gallery-item__caption">{item.caption}</Text> : null}
                </View>
              ))}
            </View>
          </ScrollView>
        </View>
      ) : null}

      {data.videoUrl ? (
        <View className="exhibit__section exhibit__video" onClick={() => void copyVideo()}>
          <Text className="exhibit__section-title">{t.museum.videoTitle}</Text>
          <Text className="exhibit__video-link">{t.museum.videoCopy}</Text>
        </View>
      ) : null}

      <View className="exhibit__section">
        <Text className="exhibit__section-title">{t.museum.actionTitle}</Text>
        {data.keySector ? (
          <View
            className="action-card action-card--gold"
            data-action="jobs"
            onClick={() => void openTabWith('jobs', { keySector: data.keySector ?? '' })}
          >
            <Text className="action-card__title">
              {format(t.museum.jobsInSector, { sector: label(KEY_SECTORS, data.keySector) })}
            </Text>
            <Text className="action-card__body">{t.museum.jobsInSectorBody}</Text>
          </View>
        ) : null}
        <View
          className="action-card action-card--blue"
          data-action="booking"
          onClick={() => void openTabWith('booking', { topic: data.advisingTopic })}
        >
          <Text className="action-card__title">
            {format(t.museum.bookAdvisor, { topic: label(ADVISING_TOPICS, data.advisingTopic) })}
          </Text>
          <Text className="action-card__body">{t.museum.bookAdvisorBody}</Text>
        </View>
        <View
          className="action-card action-card--green"
          data-action="reflect"
          onClick={() =>
            void openPage(withQuery(PageRoute.reflectionRoom, { hallId: data.hallId, exhibitId: data.id }))
          }
        >
          <Text className="action-card__title">{t.museum.reflect}</Text>
          <Text className="action-card__body">{t.museum.reflectBody}</Text>
        </View>
      </View>

      <View className="exhibit__neighbours">
        {data.previous ? (
          <View
            className="exhibit__neighbour"
            onClick={() =>
              void Taro.redirectTo({ url: withQuery(PageRoute.museumExhibit, { id: data.previous?.id }) })
            }
          >
            <Text className="exhibit__neighbour-label">‹ {t.museum.previous}</Text>
            <Text className="exhibit__neighbour-title">{data.previous.title}</Text>
          </View>
        ) : (
          <View className="exhibit__neighbour exhibit__neighbour--empty" />
        )}
        {data.next ? (
          <View
            className="exhibit__neighbour exhibit__neighbour--next"
            onClick={() =>
              void Taro.redirectTo({ url: withQuery(PageRoute.museumExhibit, { id: data.next?.id }) })
            }
          >
            <Text className="exhibit__neighbour-label">{t.museum.next} ›</Text>
            <Text className="exhibit__neighbour-title">{data.next.title}</Text>
          </View>
        ) : null}
      </View>
      <MiniPlayer currentExhibitId={data.id} />
    </View>
  );
}
