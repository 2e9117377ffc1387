import { describe, expect, it } from '@jest/globals';
import { NotificationKind, type SubscriptionListResponse } from '@careerside/shared';
import { templateIdsFor } from './subscriptions-catalog';
import { targetUrl } from './target';
import { centerClock } from '@/utils/center-time';
import { timeLabel } from './time-label';
import { deadLetterReason } from './dead-letter-reason';

const words = {
  justNow: '刚刚',
  minutesAgo: '{count} 分钟前',
  hoursAgo: '{count} 小时前',
  yesterday: '昨天 {time}',
  dateTime: '{month}月{day}日 {time}',
  fullDate: '{year}年{month}月{day}日',
};

describe('timeLabel', () => {
  const shanghai = centerClock(480);
  // 2026-11-26 15:30 in Shanghai; times below are written on Shanghai's clock.
  const now = Date.UTC(2026, 10, 26, 7, 30);
  const at = (year: number, month: number, day: number, hour: number, minute: number) =>
    new Date(Date.UTC(year, month - 1, day, hour, minute) - 480 * 60_000).toISOString();

  it('counts minutes and hours today', () => {
    expect(timeLabel(at(2026, 11, 26, 15, 29), words, shanghai, now)).toBe('1 分钟前');
    expect(timeLabel(new Date(now - 20_000).toISOString(), words, shanghai, now)).toBe('刚刚');
    expect(timeLabel(at(2026, 11, 26, 9, 0), words, shanghai, now)).toBe('6 小时前');
    expect(timeLabel(at(2026, 11, 26, 0, 5), words, shanghai, now)).toBe('15 小时前');
  });

  it('says yesterday, then the date, then the year', () => {
    expect(timeLabel(at(2026, 11, 25, 23, 50), words, shanghai, now)).toBe('昨天 23:50');
    expect(timeLabel(at(2026, 11, 20, 8, 5), words, shanghai, now)).toBe('11月20日 08:05');
    expect(timeLabel(at(2025, 12, 31, 8, 5), words, shanghai, now)).toBe('2025年12月31日');
  });

  it("draws the day line on the center's calendar, not the phone's", () => {
    // 04:00Z is noon in Shanghai but 23:00 the evening before in New York (UTC-5).
    expect(timeLabel('2026-11-26T04:00:00.000Z', words, shanghai, now)).toBe('3 小时前');
    expect(timeLabel('2026-11-26T04:00:00.000Z', words, centerClock(-300), now)).toBe('昨天 23:00');
    // 23:50Z is the next morning in Shanghai, still yesterday at UTC+0.
    expect(timeLabel('2026-11-25T23:50:00.000Z', words, shanghai, now)).toBe('7 小时前');
    expect(timeLabel('2026-11-25T23:50:00.000Z', words, centerClock(0), now)).toBe('昨天 23:50');
    // New Year's Eve in New York is already next year in Shanghai.
    const newYear = Date.UTC(2027, 0, 2, 12, 0);
    expect(timeLabel('2027-01-01T03:00:00.000Z', words, centerClock(-300), newYear)).toBe('2026年12月31日');
    expect(timeLabel('2027-01-01T03:00:00.000Z', words, shanghai, newYear)).toBe('昨天 11:00');
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

describe('deadLetterReason', () => {
  const words = {
    errcodes: { '43101': '用户未订阅或订阅次数已用完', '-1': '微信系统繁忙' },
    errcodeOther: '微信返回错误码 {code}',
    withCode: '{reason}（错误码 {code}）',
    http: '微信服务器返回 HTTP {status}',
    timeout: '连接微信超时',
    unreachable: '无法连接微信服务器',
    notConfigured: '服务器未配置微信 AppID 和密钥',
  };

  it('explains the errcodes it knows and keeps the code', () => {
    expect(deadLetterReason('errcode 43101: user refuse to accept the msg', words)).toBe(
      '用户未订阅或订阅次数已用完（错误码 43101）',
    );
    expect(deadLetterReason('errcode -1: system error', words)).toBe('微信系统繁忙（错误码 -1）');
  });

  it('names an errcode it does not know', () => {
    expect(deadLetterReason('errcode 48001: api unauthorized', words)).toBe('微信返回错误码 48001');
  });

  it('tells transport failures apart', () => {
    expect(deadLetterReason('WeChat subscribe_send failed: HTTP 502', words)).toBe('微信服务器返回 HTTP 502');
    expect(deadLetterReason('WeChat subscribe_send failed: timed out', words)).toBe('连接微信超时');
    expect(deadLetterReason('WECHAT_APPID and WECHAT_SECRET are not set', words)).toBe(
      '服务器未配置微信 AppID 和密钥',
    );
    expect(deadLetterReason('WeChat subscribe_send failed: connect ECONNREFUSED 127.0.0.1:9', words)).toBe(
      '无法连接微信服务器',
    );
    expect(deadLetterReason(null, words)).toBe('');
  });
});
