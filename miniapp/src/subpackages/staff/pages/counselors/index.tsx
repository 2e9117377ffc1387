import { Image, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CounselorInviteResponse, NoteAccessLogEntryDto } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import { addDays } from '@/utils/center-time';
import { useQuery } from '@/utils/use-query';
import { bookingApi } from '@/services/api/booking.api';
import { counselorStaffApi } from '@/services/api/counselor.api';
import { ChipGroup } from '@/components/chip-group';
import { OptionChips } from '@/components/option-chips';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import '../staff.scss';

type Tab = 'stats' | 'invites' | 'supervisors' | 'log';

const percent = (value: number | null) => (value === null ? null : `${Math.round(value * 100)}%`);

/** Staff: per-counselor figures, invites, supervisor designations and the private-note access log. */
export default function StaffCounselorsPage() {
  usePageTitle((t) => t.counselorStaff.title);
  const signedIn = useRequireSignIn();
  const { t } = useI18n();
  const clock = useCenterClock();
  const [tab, setTab] = useState<Tab>('stats');
  const today = clock.today();
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  const [period, setPeriod] = useState({ from: addDays(today, -30), to: today });
  const [problem, setProblem] = useState<string | null>(null);
  const [invite, setInvite] = useState<CounselorInviteResponse | null>(null);
  const [pick, setPick] = useState<{ supervisorId: string | null; counselorId: string | null }>({
    supervisorId: null,
    counselorId: null,
  });
  const [log, setLog] = useState<{ items: NoteAccessLogEntryDto[]; cursor: string | null }>({
    items: [],
    cursor: null,
  });

  const stats = useQuery(
    () => counselorStaffApi.stats(period.from, period.to),
    [period],
    signedIn && tab === 'stats',
  );
  const advisors = useQuery(
    () => bookingApi.advisors({ includeInactive: true }),
    [],
    signedIn && tab === 'invites',
  );
  const counselors = useQuery(() => counselorStaffApi.counselors(), [], signedIn && tab === 'supervisors');
  const people = (counselors.data?.items ?? []).map((user) => ({
    value: user.id,
    label: user.name ?? user.id,
  }));
  const supervisors = useQuery(() => counselorStaffApi.supervisors(), [], signedIn && tab === 'supervisors');
  const firstLog = useQuery(
    async () => {
      const page = await counselorStaffApi.accessLog();
      setLog({ items: page.items, cursor: page.nextCursor ?? null });
      return page;
    },
    [],
    signedIn && tab === 'log',
  );

  const run = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(describeError(error, t));
    }
  };

  const more = () =>
    run(async () => {
      const page = await counselorStaffApi.accessLog(log.cursor ?? undefined);
      setLog({ items: [...log.items, ...page.items], cursor: page.nextCursor ?? null });
    });

  const loading = (state: { status: string; error: unknown; reload: () => void }) =>
    state.status === 'error' ? (
      <ErrorState message={describeError(state.error, t)} onRetry={state.reload} />
    ) : (
      <LoadingState blocks={2} />
    );

  return (
    <View className="page staff">
      <ChipGroup
        chips={[
          { value: 'stats', label: t.counselorStaff.tabStats },
          { value: 'invites', label: t.counselorStaff.tabInvites },
          { value: 'supervisors', label: t.counselorStaff.tabSupervisors },
          { value: 'log', label: t.counselorStaff.tabLog },
        ]}
        selected={tab}
        onSelect={(value) => {
          setProblem(null);
          setTab(value as Tab);
        }}
      />
      {problem ? <Text className="staff__problem">{problem}</Text> : null}

      {tab === 'stats' ? (
        <>
          <View className="staff__card staff__period">
            <View className="staff__rule-row">
              <Text className="staff__small-label">{t.counselorStaff.from}</Text>
              <Input
                className="staff__small-input"
                value={from}
                maxlength={10}
                onInput={(e) => setFrom(e.detail.value)}
              />
            </View>
            <View className="staff__rule-row">
              <Text className="staff__small-label">{t.counselorStaff.to}</Text>
              <Input
                className="staff__small-input"
                value={to}
                maxlength={10}
                onInput={(e) => setTo(e.detail.value)}
              />
            </View>
            <View className="staff__row-actions">
              <View />
              <Button size="small" type="primary" onClick={() => setPeriod({ from, to })}>
                {t.counselorStaff.refresh}
              </Button>
            </View>
          </View>
          {stats.data && stats.status !== 'loading'
            ? stats.data.items.map((row) => (
                <View key={row.advisorId} className="staff__card staff__stat" data-advisor={row.advisorId}>
                  <Text className="staff__section">
                    {row.advisorName}
                    {row.counselorNames.length > 0 ? ` · ${row.counselorNames.join('、')}` : ''}
                  </Text>
                  <View className="staff__stat-figures">
                    <Text className="staff__stat-figure">
                      {format(t.counselorStaff.utilisation, {
                        value: percent(row.utilisation) ?? t.counselorStaff.none,
                      })}
                    </Text>
                    <Text className="staff__stat-figure">
                      {format(t.counselorStaff.noShowRate, {
                        value: percent(row.noShowRate) ?? t.counselorStaff.none,
                      })}
                    </Text>
                    <Text className="staff__stat-figure">
                      {format(t.counselorStaff.rating, {
                        value: row.averageRating?.toFixed(1) ?? t.counselorStaff.none,
                        count: row.ratings,
                      })}
                    </Text>
                  </View>
                  <Text className="staff__hint">
                    {format(t.counselorStaff.seats, {
                      offered: row.offeredSeats,
                      booked: row.bookedSeats,
                      attended: row.attended,
                      noShows: row.noShows,
                    })}
                  </Text>
                </View>
              ))
            : loading(stats)}
        </>
      ) : null}

      {tab === 'invites' ? (
        <View className="staff__card">
          <Text className="staff__hint">{t.counselorStaff.inviteHint}</Text>
          {advisors.data
            ? advisors.data.items.map((advisor) => (
                <View key={advisor.id} className="staff__item" data-advisor={advisor.id}>
                  <Text>
                    {advisor.name} · {advisor.title}
                  </Text>
                  <Button
                    size="small"
                    onClick={() =>
                      void run(async () => setInvite(await counselorStaffApi.invite(advisor.id)))
                    }
                  >
                    {t.counselorStaff.invite}
                  </Button>
                </View>
              ))
            : loading(advisors)}
          {invite ? (
            <View className="staff__qr staff__invite">
              <Text className="staff__section">
                {invite.advisorName} · {format(t.counselorStaff.inviteCode, { code: invite.code })}
              </Text>
              <Image className="staff__qr-image" src={invite.qrDataUrl} />
              <Text className="staff__hint">
                {format(t.counselorStaff.inviteExpires, {
                  time: `${clock.date(invite.expiresAt)} ${clock.time(invite.expiresAt)}`,
                })}
              </Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {tab === 'supervisors' ? (
        <>
          <View className="staff__card">
            <Text className="staff__hint">{t.counselorStaff.supervisorsLead}</Text>
            {supervisors.data ? (
              supervisors.data.items.length === 0 ? (
                <EmptyState title={t.counselorStaff.noSupervisors} />
              ) : (
                supervisors.data.items.map((row) => (
                  <View key={row.id} className="staff__item">
                    <Text>
                      {format(t.counselorStaff.supervises, {
                        supervisor: row.supervisor.name ?? row.supervisor.id,
                        counselor: row.counselor.name ?? row.counselor.id,
                      })}
                    </Text>
                    <Text
                      className="staff__remove"
                      onClick={() =>
                        void run(async () => {
                          await counselorStaffApi.revoke(row.id);
                          supervisors.reload();
                        })
                      }
                    >
                      {t.counselorStaff.revoke}
                    </Text>
                  </View>
                ))
              )
            ) : (
              loading(supervisors)
            )}
          </View>
          <View className="staff__card">
            {counselors.data ? (
              <>
                <Text className="staff__section">{t.counselorStaff.supervisor}</Text>
                <OptionChips
                  options={people}
                  selected={pick.supervisorId ? [pick.supervisorId] : []}
                  onChange={([next]) => setPick({ ...pick, supervisorId: next ?? null })}
                  testId="supervisor"
                />
                <Text className="staff__section">{t.counselorStaff.counselor}</Text>
                <OptionChips
                  options={people}
                  selected={pick.counselorId ? [pick.counselorId] : []}
                  onChange={([next]) => setPick({ ...pick, counselorId: next ?? null })}
                  testId="supervised"
                />
                <Button
                  type="primary"
                  block
                  disabled={!pick.supervisorId || !pick.counselorId}
                  onClick={() =>
                    void run(async () => {
                      await counselorStaffApi.designate({
                        supervisorId: pick.supervisorId ?? '',
                        counselorId: pick.counselorId ?? '',
                      });
                      await Taro.showToast({ title: t.staff.saved, icon: 'success' });
                      supervisors.reload();
                    })
                  }
                >
                  {t.counselorStaff.designate}
                </Button>
              </>
            ) : (
              loading(counselors)
            )}
          </View>
        </>
      ) : null}

      {tab === 'log' ? (
        <View className="staff__card">
          <Text className="staff__hint">{t.counselorStaff.logLead}</Text>
          {firstLog.data ? (
            log.items.length === 0 ? (
              <EmptyState title={t.counselorStaff.noLog} />
            ) : (
              <>
                {log.items.map((entry) => (
                  <View key={entry.id} className="staff__item staff__log">
                    <Text>
                      {format(t.counselorStaff.logEntry, {
                        reader: entry.reader.name ?? entry.reader.id,
                        author: entry.author.name ?? entry.author.id,
                      })}
                      {` · ${t.counselorStaff.via[entry.via]}`}
                    </Text>
                    <Text className="staff__small-label">
                      {clock.date(entry.readAt)} {clock.time(entry.readAt)}
                    </Text>
                  </View>
                ))}
                {log.cursor ? (
                  <Button size="small" block onClick={() => void more()}>
                    {t.counselorStaff.more}
                  </Button>
                ) : null}
              </>
            )
          ) : (
            loading(firstLog)
          )}
        </View>
      ) : null}
    </View>
  );
}
