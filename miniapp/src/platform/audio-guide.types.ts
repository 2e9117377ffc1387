export interface AudioTrack {
  src: string;
  title: string;
  /** Shown by WeChat's background player (lock screen, floating window). */
  subtitle: string;
  coverUrl?: string;
}

export type AudioEvent =
  | { type: 'play' | 'pause' | 'ended' | 'stop' }
  | { type: 'time'; currentTime: number; duration: number }
  | { type: 'error'; message: string };

/** One player for the whole app, so the guide keeps playing while the student scrolls or changes page. */
export interface AudioGuideBackend {
  play(track: AudioTrack): void;
  pause(): void;
  resume(): void;
  stop(): void;
  seek(seconds: number): void;
  subscribe(listener: (event: AudioEvent) => void): () => void;
}
