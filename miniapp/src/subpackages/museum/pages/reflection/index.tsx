import { Image, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { resolveMediaUrl } from '@/features/museum/media-url';
import { useQuery } from '@/utils/use-query';
import { reflectionApi } from '@/services/api/reflection.api';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import './index.scss';

/** The Career Reflection Room: one room per hall, with how many of its questions this student has answered. */
export default function ReflectionRoomsPage() {
  usePageTitle((t) => t.reflection.title);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const rooms = useQuery(() => reflectionApi.rooms(), [], signedIn);
  useDidShow(() => {
    if (signedIn && rooms.data) rooms.reload();
  });

  return (
    <View className="page reflection-rooms">
      <View className="reflection-rooms__intro">
        <Text className="reflection-rooms__title">{t.reflection.title}</Text>
        <Text className="reflection-rooms__lead">{t.reflection.lead}</Text>
      </View>
      {rooms.status === 'error' && !rooms.data ? (
        <ErrorState message={describeError(rooms.error, t)} onRetry={rooms.reload} />
      ) : !rooms.data ? (
        <LoadingState blocks={2} />
      ) : rooms.data.items.length === 0 ? (
        <EmptyState title={t.reflection.noRooms} />
      ) : (
        rooms.data.items.map((room) => (
          <View
            key={room.hallId}
            className="reflection-room-card"
            hoverClass="reflection-room-card--pressed"
            data-room={room.hallId}
            onClick={() => void openPage(withQuery(PageRoute.reflectionRoom, { hallId: room.hallId }))}
          >
            {room.coverUrl ? (
              <Image
                className="reflection-room-card__cover"
                src={resolveMediaUrl(room.coverUrl)}
                mode="aspectFill"
                webp
              />
            ) : null}
            <View className="reflection-room-card__text">
              <Text className="reflection-room-card__title">{room.hallTitle}</Text>
              {room.hallSubtitle ? (
                <Text className="reflection-room-card__subtitle">{room.hallSubtitle}</Text>
              ) : null}
              <View className="reflection-room-card__progress">
                <View
                  className="reflection-room-card__bar"
                  style={{
                    width: `${room.promptCount ? (room.answeredCount / room.promptCount) * 100 : 0}%`,
                  }}
                />
              </View>
              <Text className="reflection-room-card__count">
                {format(t.reflection.progress, { answered: room.answeredCount, total: room.promptCount })}
              </Text>
            </View>
          </View>
        ))
      )}
    </View>
  );
}
