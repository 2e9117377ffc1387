import Taro from '@tarojs/taro';
import type { AudioEvent, AudioGuideBackend, AudioTrack } from './audio-guide.types';

// WeChat's background audio manager plays on while the page scrolls, when the student opens another page,
// and (with requiredBackgroundModes: ['audio']) when the app goes to the background.
const listeners = new Set<(event: AudioEvent) => void>();
let manager: Taro.BackgroundAudioManager | null = null;

function emit(event: AudioEvent): void {
  for (const listener of listeners) listener(event);
}

function player(): Taro.BackgroundAudioManager {
  if (manager) return manager;
  const created = Taro.getBackgroundAudioManager();
  created.onPlay(() => emit({ type: 'play' }));
  created.onPause(() => emit({ type: 'pause' }));
  created.onStop(() => emit({ type: 'stop' }));
  created.onEnded(() => emit({ type: 'ended' }));
  created.onTimeUpdate(() =>
    emit({ type: 'time', currentTime: created.currentTime, duration: created.duration }),
  );
  created.onError(() => emit({ type: 'error', message: 'background audio error' }));
  manager = created;
  return created;
}

export const audioGuideBackend: AudioGuideBackend = {
  play(track: AudioTrack) {
    const audio = player();
    audio.title = track.title;
    audio.epname = track.subtitle;
    audio.singer = track.subtitle;
    if (track.coverUrl) audio.coverImgUrl = track.coverUrl;
    // Setting src starts playback.
    audio.src = track.src;
  },
  pause: () => player().pause(),
  resume: () => player().play(),
  stop: () => player().stop(),
  seek: (seconds: number) => player().seek(seconds),
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
