import { describe, expect, it } from '@jest/globals';
import { stdTimeFunctions } from 'pino';
import { isoTimeOncePerMillisecond } from './logging';

describe(isoTimeOncePerMillisecond.name, () => {
  it("writes pino's isoTime field, formatted again only when the millisecond changes", () => {
    let now = Date.parse('2026-12-07T23:50:19.254Z');
    const time = isoTimeOncePerMillisecond(() => now);
    const realNow = Date.now;
    Date.now = () => now;
    try {
      expect(time()).toBe(stdTimeFunctions.isoTime());
      expect(time()).toBe(',"time":"2026-12-07T23:50:19.254Z"');
      now += 1;
      expect(time()).toBe(stdTimeFunctions.isoTime());
      expect(time()).toBe(',"time":"2026-12-07T23:50:19.255Z"');
    } finally {
      Date.now = realNow;
    }
  });
});
