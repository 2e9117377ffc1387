import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ADVISING_TOPICS } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { useQuery } from '@/utils/use-query';
import { recordAttendance } from '@/features/counselor/attendance';
import { counselorApi } from '@/services/api/counselor.api';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { VisitCard, type VisitAction } from '../../components/visit-card';
import '../counselor.scss';

const NOTE_MAX = 2000;

/** One appointment: the student, the counselor's private notes, earlier visits and shared reflections. */
export default function CounselorAppointmentPage() {
  usePageTitle((t) => t.counselor.appointmentTitle);
  const signedIn = useRequireSignIn();
  const { t, label } = useI18n();
  const clock = useCenterClock();
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const detail = useQuery(() => counselorApi.appointment(id), [id], signedIn && id !== '');
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const saveNote = async () => {
    setSaving(true);
    setProblem(null);
    try {
      await counselorApi.addNote(id, text.trim());
      setText('');
      await Taro.showToast({ title: t.counselor.noteSaved, icon: 'success' });
      detail.reload();
    } catch (error) {
      setProblem(describeError(error, t));
    } finally {
      setSaving(false);
    }
  };

  const act = async (action: VisitAction) => {
    if (await recordAttendance(t, id, action)) detail.reload();
  };

  if (!detail.data) {
    return (
      <View className="page counselor">
        {detail.status === 'error' ? (
          <ErrorState message={describeError(detail.error, t)} onRetry={detail.reload} />
        ) : (
          <LoadingState blocks={3} />
        )}
      </View>
    );
  }
  const { appointment: item, notes, history, sharedReflections } = detail.data;

  return (
    <View className="page counselor">
      <VisitCard item={item} detailed onAct={(action) => void act(action)} />

      <View className="counselor__card counselor__notes">
        <Text className="counselor__section">{t.counselor.notes}</Text>
        <Text className="counselor__hint">{t.counselor.notesHint}</Text>
        {notes.length === 0 ? <Text className="counselor__muted">{t.counselor.noNotes}</Text> : null}
        {notes.map((note) => (
          <Text key={note.id} className="counselor__quote counselor__note">
            {clock.time(note.createdAt)} {clock.date(note.createdAt)} · {note.text}
          </Text>
        ))}
        <View className="counselor__spacer" />
        <Textarea
          className="counselor__textarea"
          value={text}
          maxlength={NOTE_MAX}
          placeholder={t.counselor.notePlaceholder}
          onInput={(event) => setText(event.detail.value)}
        />
        {problem ? <Text className="counselor__problem">{problem}</Text> : null}
        <View className="counselor__actions">
          <Button
            type="primary"
            size="small"
            disabled={saving || !text.trim()}
            onClick={() => void saveNote()}
          >
            {t.counselor.addNote}
          </Button>
        </View>
      </View>

      <View className="counselor__card counselor__reflections">
        <Text className="counselor__section">{t.counselor.reflections}</Text>
        {sharedReflections.length === 0 ? (
          <Text className="counselor__muted">{t.counselor.noReflections}</Text>
        ) : (
          sharedReflections.map((reflection) => (
            <View key={reflection.id} className="counselor__quote">
              <Text className="counselor__muted">
                {reflection.hallTitle} · {reflection.promptText}
              </Text>
              <Text>{`\n${reflection.text}`}</Text>
            </View>
          ))
        )}
      </View>

      <View className="counselor__card counselor__history">
        <Text className="counselor__section">{t.counselor.history}</Text>
        {history.length === 0 ? <Text className="counselor__muted">{t.counselor.noHistory}</Text> : null}
        {history.map((past) => (
          <View key={past.appointmentId} className="counselor__item">
            <Text>
              {clock.date(past.startsAt)} {clock.time(past.startsAt)} · {label(ADVISING_TOPICS, past.topic)}
            </Text>
            <Text className={`visit__status visit__status--${past.status}`}>
              {t.counselor.status[past.status]}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
