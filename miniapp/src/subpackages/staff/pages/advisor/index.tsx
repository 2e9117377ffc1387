import { Image, Input, Switch, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  type AdvisorDto,
  APPOINTMENT_MODES,
  ApiRoute,
  type AvailabilityExceptionDto,
  type IsoWeekday,
  type WeeklyRuleDto,
  type WeeklyRuleInput,
  routePath,
} from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { env } from '@/config/env';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { getToken } from '@/features/auth/session.store';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { useQuery } from '@/utils/use-query';
import { bookingApi, staffApi } from '@/services/api/booking.api';
import { FormField } from '@/components/form-field';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import '../staff.scss';

const NEW_RULE: WeeklyRuleInput = {
  weekday: 1,
  startTime: '09:00',
  endTime: '11:00',
  slotMinutes: 30,
  bufferMinutes: 0,
  capacity: 1,
  mode: 'in_person',
  location: null,
  title: null,
};

const toast = (title: string) => Taro.showToast({ title, icon: 'none', duration: 2500 });

interface AdvisorData {
  advisor: AdvisorDto;
  rules: WeeklyRuleDto[];
  exceptions: AvailabilityExceptionDto[];
}

/** Staff: one advisor's profile, weekly availability, leave days, QR code and door poster. */
export default function StaffAdvisorPage() {
  usePageTitle((t) => t.staff.advisorTitle);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const { params } = useRouter();
  const id = params.id ?? '';
  const data = useQuery(
    async (): Promise<AdvisorData> => {
      const [advisor, rules, exceptions] = await Promise.all([
        bookingApi.advisor(id),
        staffApi.rules(id),
        staffApi.exceptions(id),
      ]);
      return { advisor, rules: rules.items, exceptions: exceptions.items };
    },
    [id],
    signedIn && Boolean(id),
  );
  const [loadedOnce, setLoadedOnce] = useState<AdvisorData | null>(null);
  if (data.data && !loadedOnce) setLoadedOnce(data.data);

  if (!loadedOnce || !data.data) {
    return (
      <View className="page">
        {data.status === 'error' ? (
          <ErrorState message={describeError(data.error, t)} onRetry={data.reload} />
        ) : (
          <LoadingState blocks={3} />
        )}
      </View>
    );
  }
  // The form starts from the first answer and keeps its edits across reloads (which refresh the leave list).
  return (
    <AdvisorSettings id={id} initial={loadedOnce} exceptions={data.data.exceptions} reload={data.reload} />
  );
}

function AdvisorSettings({
  id,
  initial,
  exceptions,
  reload,
}: {
  id: string;
  initial: AdvisorData;
  exceptions: AvailabilityExceptionDto[];
  reload: () => void;
}) {
  const { t, label } = useI18n();
  const clock = useCenterClock();
  const { advisor } = initial;
  const [profile, setProfile] = useState({
    name: advisor.name,
    title: advisor.title,
    location: advisor.location,
    bio: advisor.bio,
    active: advisor.active,
  });
  const [rules, setRules] = useState<WeeklyRuleInput[]>(() =>
    initial.rules.map(({ id: _id, ...rule }) => rule),
  );
  const [leaveDay, setLeaveDay] = useState(clock.today());
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
      await Taro.showToast({ title: t.staff.saved, icon: 'success' });
      reload();
    } catch (error) {
      setProblem(describeError(error, t));
    }
  };

  const setRule = (index: number, change: Partial<WeeklyRuleInput>) =>
    setRules((current) => current.map((rule, i) => (i === index ? { ...rule, ...change } : rule)));

  const downloadPoster = async () => {
    const url = `${env.apiBase}/${routePath(ApiRoute.booking.advisorPoster, { id })}`;
    try {
      const file = await Taro.downloadFile({ url, header: { Authorization: `Bearer ${getToken() ?? ''}` } });
      if (file.statusCode !== 200) throw new Error(`HTTP ${file.statusCode}`);
      await Taro.previewImage({ urls: [file.tempFilePath], current: file.tempFilePath });
    } catch (error) {
      await toast(describeError(error, t));
    }
  };

  const numberInput = (value: number, onChange: (next: number) => void, testId: string) => (
    <Input
      className="staff__small-input"
      type="number"
      data-field={testId}
      value={String(value)}
      onInput={(event) => onChange(Number(event.detail.value) || 0)}
    />
  );

  return (
    <View className="page staff">
      <View className="staff__card">
        <Text className="staff__section">{t.staff.profileSection}</Text>
        {(['name', 'title', 'location'] as const).map((field) => (
          <FormField
            key={field}
            label={
              field === 'name' ? t.staff.name : field === 'title' ? t.staff.titleLabel : t.staff.locationLabel
            }
            testId={field}
          >
            <Input
              className="form-field__input"
              value={profile[field]}
              onInput={(event) => setProfile((current) => ({ ...current, [field]: event.detail.value }))}
            />
          </FormField>
        ))}
        <FormField label={t.staff.bio} testId="bio">
          <Textarea
            className="form-field__input staff__textarea"
            value={profile.bio}
            maxlength={1000}
            onInput={(event) => setProfile((current) => ({ ...current, bio: event.detail.value }))}
          />
        </FormField>
        <View className="staff__item">
          <Text>{t.staff.active}</Text>
          <Switch
            color="#1f4e96"
            checked={profile.active}
            onChange={(event) => setProfile((current) => ({ ...current, active: event.detail.value }))}
          />
        </View>
        <Button block type="primary" onClick={() => void run(() => staffApi.updateAdvisor(id, profile))}>
          {t.common.save}
        </Button>
      </View>

      <View className="staff__card staff__rules">
        <Text className="staff__section">{t.staff.rulesSection}</Text>
        <Text className="staff__hint">{t.staff.rulesHint}</Text>
        {rules.length === 0 ? <Text className="staff__hint">{t.staff.noRules}</Text> : null}
        {rules.map((rule, index) => (
          <View className="staff__rule" key={index} data-rule={index}>
            <View className="staff__chips">
              {t.booking.weekdays.map((day, dayIndex) => (
                <Text
                  key={day}
                  className={`staff__chip ${rule.weekday === dayIndex + 1 ? 'staff__chip--on' : ''}`}
                  onClick={() => setRule(index, { weekday: (dayIndex + 1) as IsoWeekday })}
                >
                  {day}
                </Text>
              ))}
            </View>
            <View className="staff__rule-row">
              <Text className="staff__small-label">{t.staff.start}</Text>
              <Input
                className="staff__small-input"
                value={rule.startTime}
                maxlength={5}
                onInput={(event) => setRule(index, { startTime: event.detail.value })}
              />
              <Text className="staff__small-label">{t.staff.end}</Text>
              <Input
                className="staff__small-input"
                value={rule.endTime}
                maxlength={5}
                onInput={(event) => setRule(index, { endTime: event.detail.value })}
              />
            </View>
            <View className="staff__rule-row">
              <Text className="staff__small-label">{t.staff.slotMinutes}</Text>
              {numberInput(rule.slotMinutes, (slotMinutes) => setRule(index, { slotMinutes }), 'slotMinutes')}
              <Text className="staff__small-label">{t.staff.capacity}</Text>
              {numberInput(rule.capacity, (capacity) => setRule(index, { capacity }), 'capacity')}
            </View>
            <View className="staff__rule-row">
              <Text className="staff__small-label">{t.staff.bufferMinutes}</Text>
              {numberInput(
                rule.bufferMinutes,
                (bufferMinutes) => setRule(index, { bufferMinutes }),
                'bufferMinutes',
              )}
            </View>
            <View className="staff__chips staff__modes">
              {APPOINTMENT_MODES.map((entry) => (
                <Text
                  key={entry.code}
                  className={`staff__chip ${rule.mode === entry.code ? 'staff__chip--on' : ''}`}
                  onClick={() => setRule(index, { mode: entry.code })}
                >
                  {label(APPOINTMENT_MODES, entry.code)}
                </Text>
              ))}
            </View>
            <View className="staff__rule-row">
              <Text className="staff__small-label">{t.staff.ruleLocation}</Text>
              <Input
                className="staff__small-input"
                data-field="ruleLocation"
                value={rule.location ?? ''}
                placeholder={advisor.location}
                onInput={(event) => setRule(index, { location: event.detail.value || null })}
              />
            </View>
            {rule.capacity > 1 ? (
              <View className="staff__rule-row">
                <Text className="staff__small-label">{t.staff.ruleTitle}</Text>
                <Input
                  className="staff__small-input"
                  value={rule.title ?? ''}
                  onInput={(event) => setRule(index, { title: event.detail.value || null })}
                />
              </View>
            ) : null}
            <View className="staff__row-actions">
              <Text />
              <Text
                className="staff__remove"
                onClick={() => setRules((current) => current.filter((_, i) => i !== index))}
              >
                {t.staff.remove}
              </Text>
            </View>
          </View>
        ))}
        {problem ? <Text className="staff__problem">{problem}</Text> : null}
        <View className="staff__row-actions">
          <Button size="small" onClick={() => setRules((current) => [...current, { ...NEW_RULE }])}>
            {t.staff.addRule}
          </Button>
          <Button
            size="small"
            type="primary"
            onClick={() => void run(() => staffApi.replaceRules(id, rules))}
          >
            {t.staff.saveRules}
          </Button>
        </View>
      </View>

      <View className="staff__card">
        <Text className="staff__section">{t.staff.exceptionsSection}</Text>
        {exceptions.length === 0 ? <Text className="staff__hint">{t.staff.noExceptions}</Text> : null}
        {exceptions.map((exception) => (
          <View className="staff__item" key={exception.id}>
            <Text>
              {exception.date} · {exception.kind === 'unavailable' ? t.staff.leave : t.staff.extra} ·{' '}
              {exception.startTime ? `${exception.startTime}–${exception.endTime}` : t.staff.wholeDay}
            </Text>
            <Text
              className="staff__remove"
              onClick={() => void run(() => staffApi.removeException(id, exception.id))}
            >
              {t.staff.remove}
            </Text>
          </View>
        ))}
        <View className="staff__rule-row">
          <Text className="staff__small-label">{t.staff.leaveDay}</Text>
          <Input
            className="staff__small-input"
            value={leaveDay}
            maxlength={10}
            onInput={(event) => setLeaveDay(event.detail.value)}
          />
          <Button
            size="small"
            onClick={() =>
              void run(() =>
                staffApi.addException(id, {
                  date: leaveDay,
                  kind: 'unavailable',
                  startTime: null,
                  endTime: null,
                  slotMinutes: null,
                  capacity: null,
                  mode: null,
                  location: null,
                  title: null,
                  note: null,
                }),
              )
            }
          >
            {t.staff.addLeave}
          </Button>
        </View>
      </View>

      <View className="staff__card staff__qr">
        <Text className="staff__section">{t.staff.qrSection}</Text>
        <Image
          className="staff__qr-image"
          src={`${env.apiBase}/${routePath(ApiRoute.booking.advisorQrCode, { id })}?size=360`}
          mode="aspectFit"
        />
        <Text className="staff__section">{format(t.staff.shortCode, { code: advisor.shortCode })}</Text>
        <Text className="staff__hint">{t.staff.qrHint}</Text>
        <Button block onClick={() => void downloadPoster()}>
          {t.staff.downloadPoster}
        </Button>
      </View>
    </View>
  );
}
