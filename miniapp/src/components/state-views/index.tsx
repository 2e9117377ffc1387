import { Text, View } from '@tarojs/components';
import { useI18n } from '@/i18n';
import { Button, Skeleton } from '@/components/nutui';
import './index.scss';

const LINE_WIDTHS = ['100%', '90%', '65%'];

/** Placeholder blocks in the shape of the content that is on its way. */
export function LoadingState({ blocks = 2 }: { blocks?: number }) {
  return (
    <View className="state-loading">
      {Array.from({ length: blocks }, (_, index) => (
        <View className="state-loading__card" key={index}>
          <Skeleton rows={1} width="40%" size="large" animated />
          {LINE_WIDTHS.map((width) => (
            <Skeleton key={width} rows={1} width={width} size="small" animated />
          ))}
        </View>
      ))}
    </View>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <View className="state-view state-view--error">
      <View className="state-view__mark">!</View>
      <Text className="state-view__title">{t.errors.loadFailed}</Text>
      <Text className="state-view__body">{message}</Text>
      {onRetry ? (
        <Button className="state-view__action" type="primary" fill="outline" size="small" onClick={onRetry}>
          {t.common.retry}
        </Button>
      ) : null}
    </View>
  );
}

export function EmptyState({ title, body }: { title: string; body?: string }) {
  return (
    <View className="state-view">
      <View className="state-view__mark state-view__mark--empty" />
      <Text className="state-view__title">{title}</Text>
      {body ? <Text className="state-view__body">{body}</Text> : null}
    </View>
  );
}
