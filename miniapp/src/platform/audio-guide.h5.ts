import type { AudioEvent, AudioGuideBackend, AudioTrack } from './audio-guide.types';

// One <audio> element for the whole web app, outside any page: it keeps playing while the page scrolls and
// while the student moves between pages (the router swaps pages, not this element).
const listeners = new Set<(event: AudioEvent) => void>();
let element: HTMLAudioElement | null = null;

function emit(event: AudioEvent): void {
  for (const listener of listeners) listener(event);
}

function player(): HTMLAudioElement {
  if (element) return element;
  const audio = document.createElement('audio');
  audio.preload = 'auto';
  audio.className = 'audio-guide-element';
  audio.addEventListener('play', () => emit({ type: 'play' }));
  audio.addEventListener('pause', () => emit({ type: audio.ended ? 'ended' : 'pause' }));
  audio.addEventListener('timeupdate', () =>
    emit({
      type: 'time',
      currentTime: audio.currentTime,
      duration: Number.isFinite(audio.duration) ? audio.duration : 0,
    }),
  );
  audio.addEventListener('error', () =>
    emit({ type: 'error', message: audio.error?.message ?? 'audio error' }),
  );
  document.body.appendChild(audio);
  element = audio;
  return audio;
}

export const audioGuideBackend: AudioGuideBackend = {
  play(track: AudioTrack) {
    const audio = player();
    audio.title = track.title;
    if (audio.src !== new URL(track.src, location.href).href) audio.src = track.src;
    void audio.play().catch((error: unknown) => emit({ type: 'error', message: String(error) }));
  },
  pause: () => player().pause(),
  resume: () =>
    void player()
      .play()
      .catch(() => undefined),
  stop() {
    const audio = player();
    audio.pause();
    audio.currentTime = 0;
    emit({ type: 'stop' });
  },
  seek(seconds: number) {
    player().currentTime = seconds;
  },
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
