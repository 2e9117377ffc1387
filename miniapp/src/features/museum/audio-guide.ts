import { audioGuideBackend } from '@/platform/audio-guide';
import type { AudioTrack } from '@/platform/audio-guide.types';
import { createStore, useStore } from '@/utils/store';

export interface AudioGuideState {
  /** The exhibit whose guide is loaded; null when the player is closed. */
  exhibitId: string | null;
  title: string;
  playing: boolean;
  currentTime: number;
  duration: number;
  error: string | null;
}

const CLOSED: AudioGuideState = {
  exhibitId: null,
  title: '',
  playing: false,
  currentTime: 0,
  duration: 0,
  error: null,
};

/** The one audio guide of the app: the exhibit page starts it, the mini player controls it from any page. */
export const audioGuideStore = createStore<AudioGuideState>(CLOSED);

audioGuideBackend.subscribe((event) => {
  audioGuideStore.set((state) => {
    if (state.exhibitId === null) return state;
    switch (event.type) {
      case 'play':
        return { ...state, playing: true, error: null };
      case 'pause':
        return { ...state, playing: false };
      case 'ended':
        return { ...state, playing: false, currentTime: state.duration };
      case 'stop':
        return CLOSED;
      case 'time':
        return { ...state, currentTime: event.currentTime, duration: event.duration || state.duration };
      case 'error':
        return { ...state, playing: false, error: event.message };
    }
  });
});

export const audioGuide = {
  play(exhibitId: string, track: AudioTrack, durationMs: number | null) {
    audioGuideStore.set({ ...CLOSED, exhibitId, title: track.title, duration: (durationMs ?? 0) / 1000 });
    audioGuideBackend.play(track);
  },
  toggle() {
    const state = audioGuideStore.get();
    if (state.playing) audioGuideBackend.pause();
    else audioGuideBackend.resume();
  },
  stop() {
    audioGuideBackend.stop();
    audioGuideStore.set(CLOSED);
  },
};

export function useAudioGuide(): AudioGuideState {
  return useStore(audioGuideStore);
}
