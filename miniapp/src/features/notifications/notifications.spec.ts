import { describe, expect, it } from '@jest/globals';
import { NotificationKind, type SubscriptionListResponse } from '@careerside/shared';
import { templateIdsFor } from './subscriptions-catalog';
import { targetUrl } from './target';
import { timeLabel } from './time-label';

const words = {
  justNow: '刚刚',
  minutesAgo: '{count} 分钟前',
  hoursAgo: '{count} 小时前',
  yesterday: '昨天 {time}',
  dateTime: '{month}月{day}日 {time}',
  fullDate: '{year}年{month}月{day}日',
};

describe('timeLabel', () => {
  const now = new Date(2026, 10, 26, 15, 30);
  const at = (...parts: [number, number, number, number, number]) => new Date(...parts).toISOString();

  it('counts minutes and hours today', () => {
    expect(timeLabel(at(2026, 10, 26, 15, 29), words, now)).toBe('1 分钟前');
    expect(timeLabel(new Date(now.getTime() - 20_000).toISOString(), words, now)).toBe('刚刚');
    expect(timeLabel(at(2026, 10, 26, 9, 0), words, now)).toBe('6 小时前');
    expect(timeLabel(at(2026, 10, 26, 0, 5), words, now)).toBe('15 小时前');
  });

  it('says yesterday, then the date, then the year', () => {
    expect(timeLabel(at(2026, 10, 25, 23, 50), words, now)).toBe('昨天 23:50');
    expect(timeLabel(at(2026, 10, 20, 8, 5), words, now)).toBe('11月20日 08:05');
    expect(timeLabel(at(2025, 11, 31, 8, 5), words, now)).toBe('2025年12月31日');
  });
});

describe('targetUrl', () => {
  it('turns WeChat page paths into app paths', () => {
    expect(targetUrl('subpackages/notifications/pages/inbox/index')).toBe(
      '/subpackages/notifications/pages/inbox/index',
    );
    expect(targetUrl('/pages/me/index')).toBe('/pages/me/index');
    expect(targetUrl('pages/jobs/index?id=1')).toBe('/pages/jobs/index?id=1');
    expect(targetUrl(null)).toBeNull();
    expect(targetUrl('  ')).toBeNull();
  });
});

describe('templateIdsFor', () => {
  const wallet: SubscriptionListResponse = {
    wechatPushEnabled: true,
    items: ['a', 'b', 'c', 'd'].map((id, index) => ({
      kind: [
        NotificationKind.AppointmentReminder,
        NotificationKind.WaitlistOffer,
        NotificationKind.JobAlert,
        NotificationKind.JobDigest,
      ][index],
      templateId: `tpl-${id}`,
      mode: 'one_time',
      remaining: 0,
      granted: false,
      lastResult: null,
      updatedAt: null,
    })),
  };

  it('asks for each template once, in order, three at most', () => {
    expect(
      templateIdsFor(wallet, [
        NotificationKind.JobDigest,
        NotificationKind.JobAlert,
        NotificationKind.JobDigest,
        NotificationKind.AppointmentReminder,
        NotificationKind.WaitlistOffer,
      ]),
    ).toEqual(['tpl-d', 'tpl-c', 'tpl-a']);
    expect(templateIdsFor(wallet, [NotificationKind.System])).toEqual([]);
    expect(templateIdsFor(null, [NotificationKind.JobAlert])).toEqual([]);
  });
});
