// Taro picks media-files.<TARO_ENV>.ts at build time; this declaration is what TypeScript sees.
import type { PickedFile, SentFile } from './media-files.types';

/** An image the user picked, or null when they cancelled. */
export declare function pickImage(): Promise<PickedFile | null>;

/** An audio file (MP3, M4A, AAC, WAV) the user picked, or null when they cancelled. */
export declare function pickAudio(): Promise<PickedFile | null>;

/** POSTs the file as the multipart part `file`; rejects with `{ errMsg }` when no answer arrives. */
export declare function sendFile(
  url: string,
  headers: Record<string, string>,
  file: PickedFile,
  timeoutMs: number,
): Promise<SentFile>;
