import { Switch, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { MUSEUM_LIMITS, type ReflectionDto, Role } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { useSession } from '@/features/auth/session.store';
import { describeError } from '@/features/errors/describe-error';
import { useQuery } from '@/utils/use-query';
import { reflectionApi } from '@/services/api/reflection.api';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { MiniPlayer } from '@/components/museum/mini-player';
import './index.scss';

interface Draft {
  text: string;
  shared: boolean;
}

/** A hall's reflection questions, each with a place to write and the student's own earlier answers. */
export default function ReflectionRoomPage() {
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const { user } = useSession();
  const { params } = useRouter();
  const hallId = params.hallId ? decodeURIComponent(params.hallId) : '';
  const exhibitId = params.exhibitId ? decodeURIComponent(params.exhibitId) : undefined;
  const room = useQuery(() => reflectionApi.room(hallId), [hallId], signedIn && hallId !== '');
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [editing, setEditing] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const canWrite = user?.role === Role.Student;
  usePageTitle((messages) => room.data?.hallTitle ?? messages.reflection.title);

  const draftOf = (promptId: string): Draft => drafts[promptId] ?? { text: '', shared: false };
  const setDraft = (promptId: string, change: Partial<Draft>) =>
    setDrafts((current) => ({ ...current, [promptId]: { ...draftOf(promptId), ...change } }));

  const replace = (updated: ReflectionDto | null, removedId?: string) =>
    room.update((current) => ({
      ...current,
      prompts: current.prompts.map((prompt) => ({
        ...prompt,
        reflections: [
          ...(updated &&
          updated.promptId === prompt.id &&
          !prompt.reflections.some((item) => item.id === updated.id)
            ? [updated]
            : []),
          ...prompt.reflections
            .filter((item) => item.id !== removedId)
            .map((item) => (updated && item.id === updated.id ? updated : item)),
        ],
      })),
    }));

  const run = async (key: string, action: () => Promise<void>) => {
    setSaving(key);
    try {
      await action();
    } catch (error) {
      void Taro.showToast({ title: describeError(error, t), icon: 'none' });
    } finally {
      setSaving(null);
    }
  };

  const save = (promptId: string) =>
    run(promptId, async () => {
      const draft = draftOf(promptId);
      if (!draft.text.trim()) {
        void Taro.showToast({ title: t.reflection.empty, icon: 'none' });
        return;
      }
      const created = await reflectionApi.create({
        promptId,
        text: draft.text,
        exhibitId,
        sharedWithCounselor: draft.shared,
      });
      replace(created);
      setDrafts((current) => ({ ...current, [promptId]: { text: '', shared: false } }));
      void Taro.showToast({ title: t.reflection.saved, icon: 'success' });
    });

  const saveEdit = (reflection: ReflectionDto) =>
    run(reflection.id, async () => {
      const text = editing[reflection.id] ?? reflection.text;
      replace(await reflectionApi.update(reflection.id, { text }));
      setEditing(({ [reflection.id]: _done, ...rest }) => rest);
      void Taro.showToast({ title: t.reflection.saved, icon: 'success' });
    });

  const toggleShare = (reflection: ReflectionDto, shared: boolean) =>
    run(reflection.id, async () => {
      replace(await reflectionApi.update(reflection.id, { sharedWithCounselor: shared }));
      void Taro.showToast({ title: shared ? t.reflection.shared : t.reflection.private, icon: 'none' });
    });

  const remove = async (reflection: ReflectionDto) => {
    const { confirm } = await Taro.showModal({
      title: t.reflection.deleteConfirmTitle,
      content: t.reflection.deleteConfirmBody,
      confirmText: t.reflection.delete,
      cancelText: t.common.cancel,
      confirmColor: '#c53030',
    });
    if (!confirm) return;
    await run(reflection.id, async () => {
      await reflectionApi.remove(reflection.id);
      replace(null, reflection.id);
      void Taro.showToast({ title: t.reflection.deleted, icon: 'none' });
    });
  };

  if (room.status === 'error' && !room.data) {
    return (
      <View className="page reflection-room">
        <ErrorState message={describeError(room.error, t)} onRetry={room.reload} />
      </View>
    );
  }
  if (!room.data) {
    return (
      <View className="page reflection-room">
        <LoadingState blocks={2} />
      </View>
    );
  }

  return (
    <View className="page reflection-room">
      <View className="reflection-room__intro">
        <Text className="reflection-room__hall">{room.data.hallTitle}</Text>
        <Text className="reflection-room__lead">
          {canWrite ? t.reflection.lead : t.reflection.staffReadOnly}
        </Text>
      </View>
      {room.data.prompts.map((prompt, index) => {
        const draft = draftOf(prompt.id);
        return (
          <View key={prompt.id} className="prompt" data-prompt={prompt.id}>
            <Text className="prompt__number">{String(index + 1).padStart(2, '0')}</Text>
            <Text className="prompt__text">{prompt.text}</Text>
            {prompt.reflections.map((reflection) => (
              <View key={reflection.id} className="answer" data-reflection={reflection.id}>
                {editing[reflection.id] !== undefined ? (
                  <Textarea
                    className="answer__editor"
                    value={editing[reflection.id]}
                    maxlength={MUSEUM_LIMITS.reflectionText}
                    onInput={(event) =>
                      setEditing((current) => ({ ...current, [reflection.id]: event.detail.value }))
                    }
                  />
                ) : (
                  <Text className="answer__text">{reflection.text}</Text>
                )}
                <View className="answer__footer">
                  <Text
                    className={`answer__badge ${reflection.sharedWithCounselor ? 'answer__badge--shared' : ''}`}
                  >
                    {reflection.sharedWithCounselor ? t.reflection.shared : t.reflection.private}
                  </Text>
                  <View className="answer__actions">
                    {editing[reflection.id] !== undefined ? (
                      <Text className="answer__action" onClick={() => void saveEdit(reflection)}>
                        {t.reflection.save}
                      </Text>
                    ) : (
                      <Text
                        className="answer__action"
                        onClick={() =>
                          setEditing((current) => ({ ...current, [reflection.id]: reflection.text }))
                        }
                      >
                        {t.reflection.edit}
                      </Text>
                    )}
                    <Text
                      className="answer__action"
                      data-action="share"
                      onClick={() => void toggleShare(reflection, !reflection.sharedWithCounselor)}
                    >
                      {reflection.sharedWithCounselor ? t.reflection.private : t.reflection.shareToggle}
                    </Text>
                    <Text
                      className="answer__action answer__action--danger"
                      onClick={() => void remove(reflection)}
                    >
                      {t.reflection.delete}
                    </Text>
                  </View>
                </View>
              </View>
            ))}
            {canWrite ? (
              <View className="composer">
                <Textarea
                  className="composer__input"
                  value={draft.text}
                  placeholder={t.reflection.placeholder}
                  maxlength={MUSEUM_LIMITS.reflectionText}
                  onInput={(event) => setDraft(prompt.id, { text: event.detail.value })}
                />
                <Text className="composer__count">
                  {draft.text.length}/{MUSEUM_LIMITS.reflectionText}
                </Text>
                <View className="composer__share">
                  <Switch
                    checked={draft.shared}
                    color="#2f855a"
                    onChange={(event) => setDraft(prompt.id, { shared: event.detail.value })}
                  />
                  <Text className="composer__share-label">{t.reflection.shareToggle}</Text>
                </View>
                {draft.shared ? <Text className="composer__share-hint">{t.reflection.shareHint}</Text> : null}
                <Button
                  className="composer__save"
                  type="primary"
                  size="small"
                  loading={saving === prompt.id}
                  onClick={() => void save(prompt.id)}
                >
                  {t.reflection.save}
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}
      <Text className="reflection-room__limit">
        {format(t.reflection.tooLong, { n: MUSEUM_LIMITS.reflectionText })}
      </Text>
      <MiniPlayer />
    </View>
  );
}
