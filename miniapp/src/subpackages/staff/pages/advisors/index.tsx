import { Image, Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { ADVISING_TOPICS, type AdvisingTopic, ApiRoute, Role } from '@careerside/shared';
import { env } from '@/config/env';
import { useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { useSession } from '@/features/auth/session.store';
import { describeError } from '@/features/errors/describe-error';
import { useQuery } from '@/utils/use-query';
import { bookingApi, staffApi } from '@/services/api/booking.api';
import { AdvisorCard } from '@/components/advisor-card';
import { FormField } from '@/components/form-field';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import '../staff.scss';

/**
 * Staff: every advisor (inactive too), a way into each one's settings, the center's own QR code, and, for
 * admins, adding one.
 */
export default function StaffAdvisorsPage() {
  usePageTitle((t) => t.staff.advisorsTitle);
  const signedIn = useRequireSignIn();
  const { user } = useSession();
  const { t, label } = useI18n();
  const advisors = useQuery(() => bookingApi.advisors({ includeInactive: true }), [], signedIn);
  useDidShow(() => {
    if (signedIn) advisors.reload();
  });
  const isAdmin = user?.role === Role.Admin;
  const [draft, setDraft] = useState({ name: '', title: '', location: '' });
  const [topics, setTopics] = useState<AdvisingTopic[]>(['career_planning']);
  const [problem, setProblem] = useState<string | null>(null);

  const create = async () => {
    setProblem(null);
    try {
      const created = await staffApi.createAdvisor({ ...draft, topics, modes: ['in_person'] });
      setDraft({ name: '', title: '', location: '' });
      await openPage(withQuery(PageRoute.staffAdvisor, { id: created.id }));
    } catch (error) {
      setProblem(describeError(error, t));
    }
  };

  const toggle = (topic: AdvisingTopic) =>
    setTopics((current) =>
      current.includes(topic) ? current.filter((item) => item !== topic) : [...current, topic],
    );

  return (
    <View className="page staff">
      <View className="staff__links">
        <Button size="small" onClick={() => void openPage(PageRoute.staffClosures)}>
          {t.staff.closuresTitle}
        </Button>
        {isAdmin ? (
          <Button size="small" onClick={() => void openPage(PageRoute.staffCounselors)}>
            {t.counselorStaff.entry}
          </Button>
        ) : null}
      </View>
      {advisors.data ? (
        advisors.data.items.map((advisor) => (
          <AdvisorCard
            key={advisor.id}
            advisor={advisor}
            onClick={() => void openPage(withQuery(PageRoute.staffAdvisor, { id: advisor.id }))}
            footer={
              advisor.active ? (
                <Text>{advisor.shortCode}</Text>
              ) : (
                <Text className="staff__inactive">{t.staff.inactive}</Text>
              )
            }
          />
        ))
      ) : advisors.status === 'error' ? (
        <ErrorState message={describeError(advisors.error, t)} onRetry={advisors.reload} />
      ) : (
        <LoadingState blocks={2} />
      )}

      <View className="staff__card staff__qr staff__center-qr">
        <Text className="staff__section">{t.staff.centerQrSection}</Text>
        <Image
          className="staff__qr-image"
          src={`${env.apiBase}/${ApiRoute.booking.centerQrCode}?size=360`}
          mode="aspectFit"
        />
        <Text className="staff__hint">{t.staff.centerQrHint}</Text>
      </View>

      {isAdmin ? (
        <View className="staff__card staff__create">
          <Text className="staff__section">{t.staff.createTitle}</Text>
          {(['name', 'title', 'location'] as const).map((field) => (
            <FormField
              key={field}
              label={
                field === 'name'
                  ? t.staff.name
                  : field === 'title'
                    ? t.staff.titleLabel
                    : t.staff.locationLabel
              }
              testId={`new-${field}`}
            >
              <Input
                className="form-field__input"
                value={draft[field]}
                maxlength={field === 'location' ? 100 : 50}
                onInput={(event) => setDraft((current) => ({ ...current, [field]: event.detail.value }))}
              />
            </FormField>
          ))}
          <View className="staff__chips">
            {ADVISING_TOPICS.map((topic) => (
              <Text
                key={topic.code}
                className={`staff__chip ${topics.includes(topic.code) ? 'staff__chip--on' : ''}`}
                onClick={() => toggle(topic.code)}
              >
                {label(ADVISING_TOPICS, topic.code)}
              </Text>
            ))}
          </View>
          {problem ? <Text className="staff__problem">{problem}</Text> : null}
          <Button
            type="primary"
            block
            disabled={
              !draft.name.trim() || !draft.title.trim() || !draft.location.trim() || topics.length === 0
            }
            onClick={() => void create()}
          >
            {t.staff.create}
          </Button>
        </View>
      ) : (
        <Text className="staff__hint">{t.staff.onlyAdmins}</Text>
      )}
    </View>
  );
}
