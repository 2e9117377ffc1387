import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { useQuery } from '@/utils/use-query';
import { counselorApi } from '@/services/api/counselor.api';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { OptionChips } from '@/components/option-chips';
import '../counselor.scss';

/** Supervisors read the private notes of the counselors staff designated (every read is logged). */
export default function CounselorSupervisionPage() {
  usePageTitle((t) => t.counselor.supervisionTitle);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const clock = useCenterClock();
  const supervisees = useQuery(() => counselorApi.supervision(), [], signedIn);
  const [picked, setPicked] = useState<string | null>(null);
  const counselorId = picked ?? supervisees.data?.items[0]?.id ?? null;
  const notes = useQuery(
    () => counselorApi.supervisedNotes(counselorId ?? ''),
    [counselorId],
    signedIn && counselorId !== null,
  );

  if (!supervisees.data) {
    return (
      <View className="page counselor">
        {supervisees.status === 'error' ? (
          <ErrorState message={describeError(supervisees.error, t)} onRetry={supervisees.reload} />
        ) : (
          <LoadingState blocks={2} />
        )}
      </View>
    );
  }
  if (supervisees.data.items.length === 0) {
    return (
      <View className="page counselor">
        <EmptyState title={t.counselor.noSupervisees} />
      </View>
    );
  }
  return (
    <View className="page counselor">
      <Text className="counselor__hint">{t.counselor.supervisionHint}</Text>
      <OptionChips
        options={supervisees.data.items.map((person) => ({
          value: person.id,
          label: person.name ?? person.id,
        }))}
        selected={counselorId ? [counselorId] : []}
        onChange={([next]) => next && setPicked(next)}
        testId="supervisee"
      />
      <View className="counselor__card">
        {notes.data && notes.status !== 'loading' ? (
          notes.data.items.length === 0 ? (
            <EmptyState title={t.counselor.noNotes} />
          ) : (
            notes.data.items.map((note) => (
              <View key={note.id} className="counselor__quote counselor__supervised-note">
                <Text className="counselor__muted">
                  {format(t.counselor.supervisedNote, {
                    student: note.student.name ?? '—',
                    time: `${clock.date(note.appointmentStartsAt)} ${clock.time(note.appointmentStartsAt)}`,
                  })}
                </Text>
                <Text>{`\n${note.text}`}</Text>
              </View>
            ))
          )
        ) : notes.status === 'error' ? (
          <ErrorState message={describeError(notes.error, t)} onRetry={notes.reload} />
        ) : (
          <LoadingState blocks={2} />
        )}
      </View>
    </View>
  );
}
