import type { PickedFile, SentFile } from './media-files.types';

// The File behind each blob URL handed out: uploads send it directly (the strict Content-Security-Policy
// does not let scripts fetch blob: URLs, which is how Taro's own H5 uploadFile reads them).
const files = new Map<string, File>();

function pick(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.className = 'media-picker-input';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      const path = URL.createObjectURL(file);
      files.set(path, file);
      resolve({ path, name: file.name });
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

export const pickImage = () => pick('image/jpeg,image/png,image/webp');
export const pickAudio = () =>
  pick('audio/mpeg,audio/mp4,audio/x-m4a,audio/aac,audio/wav,.mp3,.m4a,.aac,.wav');

/** Rejects the way Taro's APIs do, with an `errMsg`. */
function uploadFailure(reason: string): Error & { errMsg: string } {
  const errMsg = `uploadFile:fail ${reason}`;
  return Object.assign(new Error(errMsg), { errMsg });
}

export async function sendFile(
  url: string,
  headers: Record<string, string>,
  file: PickedFile,
  timeoutMs: number,
): Promise<SentFile> {
  const blob = files.get(file.path);
  if (!blob) throw uploadFailure('the picked file is gone');
  const form = new FormData();
  form.append('file', blob, file.name);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { method: 'POST', headers, body: form, signal: controller.signal });
    const text = await response.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { statusCode: response.status, data };
  } catch (error) {
    throw uploadFailure(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}
