import { describe, expect, it } from '@jest/globals';
import { Locale } from '@careerside/shared';
import type { AppConfig } from '../../config/app-config';
import { MetaService } from './meta.service';

const serviceIn = (timezone: string) =>
  new MetaService({ center: { timezone }, auth: { devLogin: false } } as unknown as AppConfig);

describe(MetaService.name, () => {
  it("reports the center's current UTC offset, so the app needs no time-zone data", () => {
    const winter = new Date('2026-01-15T12:00:00Z');
    const summer = new Date('2026-07-15T12:00:00Z');
    expect(serviceIn('Asia/Shanghai').describe(Locale.ZhCN, winter).utcOffsetMinutes).toBe(480);
    expect(serviceIn('Asia/Shanghai').describe(Locale.ZhCN, summer).utcOffsetMinutes).toBe(480);
    expect(serviceIn('Etc/UTC').describe(Locale.ZhCN, winter).utcOffsetMinutes).toBe(0);
    expect(serviceIn('Asia/Kathmandu').describe(Locale.ZhCN, winter).utcOffsetMinutes).toBe(345);
    // A zone with DST answers the offset in force at that moment.
    const newYork = serviceIn('America/New_York');
    expect(newYork.describe(Locale.EnUS, winter)).toMatchObject({
      timezone: 'America/New_York',
      utcOffsetMinutes: -300,
    });
    expect(newYork.describe(Locale.EnUS, summer).utcOffsetMinutes).toBe(-240);
  });
});
