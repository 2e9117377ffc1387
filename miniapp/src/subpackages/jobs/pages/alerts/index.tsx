import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  ALERT_FREQUENCIES,
  AlertFrequency,
  DEGREES,
  INDUSTRIES,
  type IsoWeekday,
  JOB_LIMITS,
  type JobAlertsResponse,
  KEY_SECTORS,
  NotificationKind,
  type UpdateJobAlertsRequest,
} from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { useQuery } from '@/utils/use-query';
import { useSubscribeConsent } from '@/features/notifications/subscribe-consent';
import { jobsApi } from '@/services/api/jobs.api';
import { isApiError } from '@/services/http/request';
import { OptionChips } from '@/components/option-chips';
import { TagInput } from '@/components/tag-input';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import './index.scss';

// The job alert and digest templates, asked only on the student's tap.
const ALERT_KINDS = [NotificationKind.JobAlert, NotificationKind.JobDigest];

const ANY = 'any';

function toRequest(form: JobAlertsResponse): UpdateJobAlertsRequest {
  return {
    industries: form.industries,
    keySectors: form.keySectors,
    locations: form.locations,
    keywords: form.keywords,
    degree: form.degree,
    frequency: form.frequency,
    digestTime: form.digestTime,
    digestWeekday: form.digestWeekday,
  };
}

function ConsentCard() {
  const { t } = useI18n();
  const consent = useSubscribeConsent(ALERT_KINDS);
  return (
    <View className="alerts__card alerts__consent">
      <Text className="alerts__section">{t.jobAlerts.consentTitle}</Text>
      {consent.state === 'unavailable' ? (
        <Text className="alerts__hint">{t.jobAlerts.consentUnavailable}</Text>
      ) : (
        <>
          <Text className="alerts__hint">
            {consent.state === 'granted' || consent.granted > 0
              ? format(t.jobAlerts.consentGranted, { count: consent.granted })
              : consent.state === 'declined'
                ? t.jobAlerts.consentDeclined
                : t.jobAlerts.consentBody}
          </Text>
          <Button
            className="alerts__consent-action"
            size="small"
            type="primary"
            disabled={!consent.ready || consent.state === 'asking'}
            onClick={() => void consent.ask()}
          >
            {t.jobAlerts.consentAction}
          </Button>
        </>
      )}
    </View>
  );
}

function AlertsForm({ initial }: { initial: JobAlertsResponse }) {
  const { t, label, locale } = useI18n();
  const clock = useCenterClock();
  const [form, setForm] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (change: Partial<JobAlertsResponse>) => setForm((current) => ({ ...current, ...change }));

  const save = async () => {
    setSaving(true);
    setErrors({});
    try {
      const saved = await jobsApi.saveAlerts(toRequest(form));
      setForm(saved);
      await Taro.showToast({ title: t.jobAlerts.saved, icon: 'success' });
    } catch (error) {
      if (isApiError(error) && error.isValidation) setErrors(error.fieldErrors());
      await Taro.showToast({ title: describeError(error, t), icon: 'none' });
    } finally {
      setSaving(false);
    }
  };

  const digest = form.frequency === AlertFrequency.Daily || form.frequency === AlertFrequency.Weekly;
  const frequencyLabel: Record<AlertFrequency, string> = {
    instant: t.jobAlerts.instant,
    daily: t.jobAlerts.daily,
    weekly: t.jobAlerts.weekly,
    off: t.jobAlerts.off,
  };
  const error = (field: string) =>
    errors[field] ? <Text className="alerts__error">{errors[field]}</Text> : null;
  const nextDigest = form.nextDigestAt
    ? `${clock.date(form.nextDigestAt).slice(5)} ${clock.time(form.nextDigestAt)}`
    : null;

  return (
    <View className="alerts">
      <Text className="alerts__lead">{t.jobAlerts.lead}</Text>
      {!form.configured ? <Text className="alerts__notice">{t.jobAlerts.notConfigured}</Text> : null}

      <View className="alerts__card">
        <Text className="alerts__section">{t.jobAlerts.frequency}</Text>
        <OptionChips
          testId="frequency"
          options={ALERT_FREQUENCIES.map((value) => ({ value, label: frequencyLabel[value] }))}
          selected={[form.frequency]}
          onChange={([frequency]) => set({ frequency })}
        />
        {digest ? (
          <View className="alerts__digest">
            <Picker
              mode="time"
              value={form.digestTime}
              onChange={(event) => set({ digestTime: String(event.detail.value) })}
            >
              <View className="alerts__picker" data-field="digestTime">
                <Text className="alerts__picker-label">{t.jobAlerts.digestTime}</Text>
                <Text className="alerts__picker-value">{form.digestTime}</Text>
              </View>
            </Picker>
            {form.frequency === AlertFrequency.Weekly ? (
              <OptionChips
                testId="digestWeekday"
                options={t.jobAlerts.weekdays.map((day, index) => ({ value: String(index + 1), label: day }))}
                selected={[String(form.digestWeekday)]}
                onChange={([day]) => set({ digestWeekday: Number(day) as IsoWeekday })}
              />
            ) : null}
            {nextDigest && form.configured ? (
              <Text className="alerts__hint">{format(t.jobAlerts.nextDigest, { time: nextDigest })}</Text>
            ) : null}
          </View>
        ) : null}
      </View>

      <View className="alerts__card">
        <Text className="alerts__section">{t.jobAlerts.keySectors}</Text>
        <OptionChips
          multiple
          testId="keySectors"
          options={KEY_SECTORS.map((entry) => ({ value: entry.code, label: label(KEY_SECTORS, entry.code) }))}
          selected={form.keySectors}
          onChange={(keySectors) => set({ keySectors: keySectors })}
        />
        {error('keySectors')}
        <Text className="alerts__section alerts__section--next">{t.jobAlerts.industries}</Text>
        <OptionChips
          multiple
          testId="industries"
          options={INDUSTRIES.map((entry) => ({ value: entry.code, label: label(INDUSTRIES, entry.code) }))}
          selected={form.industries}
          onChange={(industries) => set({ industries: industries })}
        />
        {error('industries')}
      </View>

      <View className="alerts__card">
        <Text className="alerts__section">{t.jobAlerts.locations}</Text>
        <TagInput
          testId="locations"
          values={form.locations}
          onChange={(locations) => set({ locations })}
          placeholder={t.jobAlerts.addPlaceholder}
          addLabel={t.jobAlerts.add}
          maxItems={JOB_LIMITS.alertListMax}
          maxLength={JOB_LIMITS.locationMax}
        />
        <Text className="alerts__hint">{t.jobAlerts.locationsHint}</Text>
        {error('locations')}
        <Text className="alerts__section alerts__section--next">{t.jobAlerts.keywords}</Text>
        <TagInput
          testId="keywords"
          values={form.keywords}
          onChange={(keywords) => set({ keywords })}
          placeholder={t.jobAlerts.addPlaceholder}
          addLabel={t.jobAlerts.add}
          maxItems={JOB_LIMITS.alertListMax}
          maxLength={JOB_LIMITS.alertKeywordMax}
        />
        <Text className="alerts__hint">{t.jobAlerts.keywordsHint}</Text>
        {error('keywords')}
      </View>

      <View className="alerts__card">
        <Text className="alerts__section">{t.jobAlerts.degree}</Text>
        <OptionChips
          testId="degree"
          options={[
            { value: ANY, label: t.jobAlerts.anyDegree },
            ...DEGREES.map((entry) => ({ value: entry.code, label: label(DEGREES, entry.code) })),
          ]}
          selected={[form.degree ?? ANY]}
          onChange={([degree]) => set({ degree: degree === ANY ? null : degree })}
        />
        <Text className="alerts__hint">{t.jobAlerts.degreeHint}</Text>
      </View>

      <Button
        className="alerts__save"
        type="primary"
        size="large"
        block
        loading={saving}
        disabled={saving}
        onClick={() => void save()}
      >
        {t.jobAlerts.save}
      </Button>

      {form.configured && form.frequency !== AlertFrequency.Off ? <ConsentCard key={locale} /> : null}
    </View>
  );
}

/** Job alert preferences with the WeChat consent prompt. */
export default function JobAlertsPage() {
  usePageTitle((t) => t.jobAlerts.title);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const alerts = useQuery(() => jobsApi.alerts(), [], signedIn);

  return (
    <View className="page">
      {alerts.data ? (
        <AlertsForm key={alerts.data.updatedAt ?? 'new'} initial={alerts.data} />
      ) : alerts.status === 'error' ? (
        <ErrorState message={describeError(alerts.error, t)} onRetry={alerts.reload} />
      ) : (
        <LoadingState blocks={3} />
      )}
    </View>
  );
}
