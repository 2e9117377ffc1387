import { Text, View } from '@tarojs/components';
import { useI18n } from '@/i18n';
import { audioGuide, useAudioGuide } from '@/features/museum/audio-guide';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import './mini-player.scss';

function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * The audio guide's player, stuck to the bottom of museum pages while a guide is loaded: the student scrolls,
 * changes exhibit or goes back to the hall, and the narration keeps going (one player for the whole app).
 */
export function MiniPlayer({ currentExhibitId }: { currentExhibitId?: string }) {
  const { t } = useI18n();
  const guide = useAudioGuide();
  if (!guide.exhibitId) return null;
  const progress = guide.duration > 0 ? Math.min(100, (guide.currentTime / guide.duration) * 100) : 0;
  const openExhibit = () => {
    if (guide.exhibitId && guide.exhibitId !== currentExhibitId) {
      void openPage(withQuery(PageRoute.museumExhibit, { id: guide.exhibitId }));
    }
  };
  return (
    <View className="mini-player" data-playing={guide.playing ? 'true' : 'false'}>
      <View className="mini-player__progress" style={{ width: `${progress}%` }} />
      <View
        className={`mini-player__toggle ${guide.playing ? 'mini-player__toggle--playing' : ''}`}
        onClick={() => audioGuide.toggle()}
        aria-label={guide.playing ? t.museum.audioPause : t.museum.audioResume}
      >
        <View className="mini-player__icon" />
      </View>
      <View className="mini-player__text" onClick={openExhibit}>
        <Text className="mini-player__title">{guide.title}</Text>
        <Text className="mini-player__time">
          {t.museum.audioTitle} · {clock(guide.currentTime)} / {clock(guide.duration)}
        </Text>
      </View>
      <View className="mini-player__close" onClick={() => audioGuide.stop()} aria-label={t.museum.audioStop}>
        <Text>×</Text>
      </View>
    </View>
  );
}
