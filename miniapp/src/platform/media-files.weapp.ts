import Taro from '@tarojs/taro';
import type { PickedFile, SentFile } from './media-files.types';

function cancelled(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'errMsg' in error &&
    String(error.errMsg).includes('cancel')
  );
}

export async function pickImage(): Promise<PickedFile | null> {
  try {
    const result = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['original'] });
    const path = result.tempFiles[0]?.tempFilePath;
    return path ? { path, name: path.split('/').pop() ?? 'image' } : null;
  } catch (error) {
    if (cancelled(error)) return null;
    throw error;
  }
}

// Audio files reach a phone through chats: WeChat picks them from a conversation.
export async function pickAudio(): Promise<PickedFile | null> {
  try {
    const result = await Taro.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['mp3', 'm4a', 'aac', 'wav'],
    });
    const file = result.tempFiles[0];
    return file ? { path: file.path, name: file.name } : null;
  } catch (error) {
    if (cancelled(error)) return null;
    throw error;
  }
}

export async function sendFile(
  url: string,
  headers: Record<string, string>,
  file: PickedFile,
  timeoutMs: number,
): Promise<SentFile> {
  const response = await Taro.uploadFile({
    url,
    filePath: file.path,
    name: 'file',
    header: headers,
    timeout: timeoutMs,
  });
  let data: unknown = response.data;
  try {
    data = JSON.parse(response.data);
  } catch {
    // Not JSON: keep the text.
  }
  return { statusCode: response.statusCode, data };
}
