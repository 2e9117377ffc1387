import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { ApplyMethod, type JobDto, Role } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { env } from '@/config/env';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useSession } from '@/features/auth/session.store';
import { describeError } from '@/features/errors/describe-error';
import { useCenterClock } from '@/features/meta/use-center-clock';
import type { CenterClock } from '@/utils/center-time';
import { useQuery } from '@/utils/use-query';
import { useJobMarks } from '@/features/jobs/job-marks';
import { daysLeft } from '@/features/jobs/job-format';
import { useJobText } from '@/features/jobs/use-job-text';
import { openExternalLink } from '@/platform/external-link';
import { jobsApi } from '@/services/api/jobs.api';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import './index.scss';

const toast = (title: string, icon: 'none' | 'success' = 'none') =>
  Taro.showToast({ title, icon, duration: 1800 });

/** "2026年12月31日 23:59" (or 12/31/2026 23:59) on the center's clock. */
function longDateTime(iso: string, locale: string, clock: CenterClock): string {
  const { year, month, day, time } = clock.parts(iso);
  return locale === 'zh-CN' ? `${year}年${month}月${day}日 ${time}` : `${month}/${day}/${year} ${time}`;
}

function ApplySection({ job }: { job: JobDto }) {
  const { t } = useI18n();
  const copy = async (data: string) => {
    await Taro.setClipboardData({ data });
    await toast(t.jobs.copied, 'success');
  };
  const method = {
    [ApplyMethod.Link]: t.jobs.applyLink,
    [ApplyMethod.Email]: t.jobs.applyEmail,
    [ApplyMethod.OnSite]: t.jobs.applyOnSite,
  }[job.applyMethod];
  return (
    <View className="job-detail__card job-detail__apply">
      <Text className="job-detail__section">{t.jobs.applyTitle}</Text>
      <Text className="job-detail__method">{method}</Text>
      {job.applyMethod === ApplyMethod.Link && job.applyUrl ? (
        <>
          <Text className="job-detail__target" userSelect>
            {job.applyUrl}
          </Text>
          <Text className="job-detail__hint">{t.jobs.applyLinkHint}</Text>
          <Button
            className="job-detail__apply-button"
            type="primary"
            size="small"
            onClick={() =>
              void openExternalLink(job.applyUrl ?? '').then((how) =>
                how === 'copied' ? toast(t.jobs.copied, 'success') : undefined,
              )
            }
          >
            {env.platform === 'h5' ? t.jobs.openLink : t.jobs.copyLink}
          </Button>
        </>
      ) : null}
      {job.applyMethod === ApplyMethod.Email && job.applyEmail ? (
        <>
          <Text className="job-detail__target" userSelect>
            {job.applyEmail}
          </Text>
          <Text className="job-detail__hint">{t.jobs.applyEmailHint}</Text>
          <Button
            className="job-detail__apply-button"
            type="primary"
            size="small"
            onClick={() => void copy(job.applyEmail ?? '')}
          >
            {t.jobs.copyEmail}
          </Button>
        </>
      ) : null}
      {job.applyMethod === ApplyMethod.OnSite && job.applyAddress ? (
        <Text className="job-detail__target" userSelect>
          {job.applyAddress}
        </Text>
      ) : null}
    </View>
  );
}

/** One posting: pay, requirements, description, how to apply; save and "I applied" for students. */
export default function JobDetailPage() {
  usePageTitle((t) => t.jobs.detailTitle);
  const { t, locale } = useI18n();
  const clock = useCenterClock();
  const text = useJobText();
  const { params } = useRouter();
  const id = params.id ?? '';
  const { user, signedIn } = useSession();
  const marks = useJobMarks();
  const job = useQuery(() => jobsApi.get(id), [id], Boolean(id));
  const counted = useRef(false);

  // Reached from an alert (inbox entry, WeChat push or the digest list): counted once per student.
  useEffect(() => {
    if (params.from !== 'alert' || user?.role !== Role.Student || counted.current || !id) return;
    counted.current = true;
    jobsApi.alertOpened(id).catch(() => undefined);
  }, [params.from, user?.role, id]);

  if (!job.data) {
    return (
      <View className="page">
        {job.status === 'error' ? (
          <ErrorState message={describeError(job.error, t)} onRetry={job.reload} />
        ) : (
          <LoadingState blocks={3} />
        )}
      </View>
    );
  }
  const posting = job.data;
  const open =
    posting.status === 'published' &&
    daysLeft(posting.deadline) >= 0 &&
    new Date(posting.deadline).getTime() > Date.now();
  const saved = marks.saved.has(posting.id);
  const applied = marks.applied.has(posting.id);

  const toggle = async (kind: 'saved' | 'applied') => {
    try {
      const on = await marks.toggle(posting.id, kind);
      const message =
        kind === 'saved' ? (on ? t.jobs.savedToast : t.jobs.unsavedToast) : on ? t.jobs.appliedToast : null;
      if (message) await toast(message);
    } catch (error) {
      await toast(describeError(error, t));
    }
  };

  const rows: [string, string][] = [
    [t.jobs.employerType, text.employerType(posting)],
    [t.jobs.industry, text.industry(posting)],
    [t.jobs.locations, text.locations(posting)],
    [t.jobs.degreeRequirement, text.degree(posting)],
    [t.jobs.majors, posting.majors.length > 0 ? posting.majors.join('、') : t.jobs.anyMajor],
    [t.jobs.headcountLabel, posting.headcount ? String(posting.headcount) : t.jobs.headcountUnknown],
    [
      t.jobs.deadline,
      daysLeft(posting.deadline) < 7
        ? `${longDateTime(posting.deadline, locale, clock)} · ${text.deadline(posting)}`
        : longDateTime(posting.deadline, locale, clock),
    ],
  ];
  if (posting.publishedAt) rows.push([t.jobs.publishedAt, longDateTime(posting.publishedAt, locale, clock)]);

  return (
    <View className="page job-detail">
      {!open ? <Text className="job-detail__closed">{t.jobs.closedBanner}</Text> : null}
      <View
        className={`job-detail__card job-detail__head ${posting.keySectors.length ? 'job-detail__head--key' : ''}`}
      >
        <Text className="job-detail__title">{posting.title}</Text>
        <Text className="job-detail__salary">{text.salary(posting)}</Text>
        <Text className="job-detail__employer">{posting.employer}</Text>
        {posting.keySectors.length ? (
          <View className="job-detail__sectors">
            {posting.keySectors.map((sector) => (
              <Text key={sector} className="job-detail__sector">
                {`${t.jobs.keySectorBadge} · ${text.sector(sector)}`}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      <View className="job-detail__card">
        {rows.map(([label, value]) => (
          <View className="job-detail__row" key={label}>
            <Text className="job-detail__label">{label}</Text>
            <Text className="job-detail__value">{value}</Text>
          </View>
        ))}
      </View>

      <View className="job-detail__card">
        <Text className="job-detail__section">{t.jobs.description}</Text>
        <Text className="job-detail__description" userSelect>
          {posting.description}
        </Text>
      </View>

      <ApplySection job={posting} />

      <View className="job-detail__bar">
        {!signedIn ? (
          <View className="job-detail__signin">
            <Text className="job-detail__signin-text">{t.jobs.signInToSave}</Text>
            <Button
              size="small"
              type="primary"
              onClick={() =>
                void openPage(
                  withQuery(PageRoute.login, {
                    redirect: withQuery(PageRoute.jobDetail, { id: posting.id }),
                  }),
                )
              }
            >
              {t.common.signIn}
            </Button>
          </View>
        ) : marks.canMark ? (
          <>
            <Button
              className={`job-detail__save ${saved ? 'job-detail__save--on' : ''}`}
              disabled={!open && !saved}
              onClick={() => void toggle('saved')}
            >
              {saved ? `★ ${t.jobs.unsave}` : `☆ ${t.jobs.save}`}
            </Button>
            <Button
              className="job-detail__applied"
              type={applied ? 'default' : 'primary'}
              disabled={!open && !applied}
              onClick={() => void toggle('applied')}
            >
              {applied ? `✓ ${t.jobs.appliedDone}` : t.jobs.markApplied}
            </Button>
          </>
        ) : (
          <Text className="job-detail__signin-text">{text.deadline(posting)}</Text>
        )}
      </View>
    </View>
  );
}
