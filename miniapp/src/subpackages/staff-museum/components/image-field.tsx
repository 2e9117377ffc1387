import { Image, Text, View } from '@tarojs/components';
import type { MediaDto } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { imageUrl } from '@/features/museum/media-url';
import { pickAndUpload } from './staff-media';

/** An image slot: shows the current picture and uploads a new one on tap. */
export function ImageField({
  media,
  onChange,
  testId,
}: {
  media: MediaDto | null;
  onChange: (media: MediaDto | null) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const upload = async () => {
    const uploaded = await pickAndUpload('image', t);
    if (uploaded) onChange(uploaded);
  };
  return (
    <View className="image-field" data-field={testId}>
      {media ? (
        <Image className="image-field__preview" src={imageUrl(media, 'thumb')} mode="aspectFill" webp />
      ) : (
        <View className="image-field__empty" onClick={() => void upload()} />
      )}
      <View className="image-field__actions">
        <Text className="staff-link" data-action="upload" onClick={() => void upload()}>
          {media ? t.staffMuseum.replaceImage : t.staffMuseum.uploadImage}
        </Text>
        {media ? (
          <Text className="staff-link staff-link--danger" onClick={() => onChange(null)}>
            {t.staffMuseum.removeImage}
          </Text>
        ) : null}
      </View>
    </View>
  );
}
