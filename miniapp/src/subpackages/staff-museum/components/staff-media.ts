import Taro from '@tarojs/taro';
import type { UploadMediaResponse } from '@careerside/shared';
import { type Messages } from '@/i18n';
import { describeError } from '@/features/errors/describe-error';
import { pickAudio, pickImage } from '@/platform/media-files';
import { museumAdminApi } from '@/services/api/museum.api';

/** Picks a file, uploads it and says how it went; null when the user cancelled or the upload failed. */
export async function pickAndUpload(
  kind: 'image' | 'audio',
  t: Messages,
): Promise<UploadMediaResponse | null> {
  const picked = kind === 'image' ? await pickImage() : await pickAudio();
  if (!picked) return null;
  void Taro.showLoading({ title: t.staffMuseum.uploading, mask: true });
  try {
    const media = await museumAdminApi.upload(picked);
    Taro.hideLoading();
    void Taro.showToast({ title: t.staffMuseum.uploaded, icon: 'success' });
    return media;
  } catch (error) {
    Taro.hideLoading();
    void Taro.showToast({ title: describeError(error, t), icon: 'none', duration: 3000 });
    return null;
  }
}
