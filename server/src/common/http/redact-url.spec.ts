import { describe, expect, it } from '@jest/globals';
import { redactUrl } from './redact-url';

describe(redactUrl.name, () => {
  it('redacts the secret segment of calendar-feed and employer-status URLs', () => {
    expect(redactUrl('/api/calendar/counselors/s3cr3t-Token_1.ics')).toBe('/api/calendar/counselors/[redacted]');
    expect(redactUrl('/api/calendar/counselors/s3cr3t.ics?x=1')).toBe('/api/calendar/counselors/[redacted]?x=1');
    expect(redactUrl('/api/employer/job-submissions/abcDEF123')).toBe('/api/employer/job-submissions/[redacted]');
  });

  it('redacts a percent-encoded path the router would match as well', () => {
    expect(redactUrl('/api/calendar/%63ounselors/s3cr3t.ics')).toBe('/api/calendar/counselors/[redacted]');
  });

  it('redacts every query parameter named like a token, however it is spelled', () => {
    expect(redactUrl('/subpackages/employer/pages/status/index?token=abc&lang=en')).toBe(
      '/subpackages/employer/pages/status/index?token=[redacted]&lang=en',
    );
    expect(redactUrl('/api/x?a=1&access_token=abc&TOKEN=def&%74oken=ghi')).toBe(
      '/api/x?a=1&access_token=[redacted]&TOKEN=[redacted]&%74oken=[redacted]',
    );
  });

  it('leaves other URLs as they are', () => {
    for (const url of [
      '/api/employer/job-submissions',
      '/api/jobs?keyword=token%20ring',
      '/api/advisors/abc/slots?from=2026-01-01&to=2026-01-07',
      '/api/me',
    ]) {
      expect(redactUrl(url)).toBe(url);
    }
  });
});
