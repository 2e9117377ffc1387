import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type CounselorCalendarFeedResponse,
  CounselorRoute,
  type JobSubmissionReceipt,
} from '@careerside/shared';
import { addDays, zonedDate } from '../../src/common/time/zoned-time';
import { advisorFactory } from '../factories/booking.factory';
import { jobFactory } from '../factories/job.factory';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

describe('secrets and private answers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const requestLine = (predicate: (url: string) => boolean) =>
    t.logs.waitFor((line) => {
      const url = (line.req as { url?: unknown } | undefined)?.url;
      return typeof url === 'string' && predicate(url);
    });

  describe('the request log', () => {
    it('never holds a calendar-feed token', async () => {
      const advisor = await advisorFactory.create(t.dataSource);
      const counselor = await signIn(t.api, 'counselor', { advisorId: advisor.id });
      const feed = await counselor.api.get<CounselorCalendarFeedResponse>(CounselorRoute.calendarFeed);
      const path = new URL(feed.body.url).pathname;
      const token = /\/([^/]+)\.ics$/.exec(path)?.[1] ?? '';
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);

      expect((await t.api.get(path)).status).toBe(200);
      await requestLine((url) => url === '/api/calendar/counselors/[redacted]');
      expect(t.logs.text).not.toContain(token);
    });

    it('never holds an employer-status token, in the path or in a token query parameter', async () => {
      const receipt = await t.api.post<JobSubmissionReceipt>('employer/job-submissions', {
        ...jobFactory.build({ industry: 'semiconductors', keySectors: ['integrated_circuits'] }),
        contactName: '张经理',
        contactPhone: '021-5555 6666',
        contactEmail: 'hr@ic.example.cn',
      });
      expect(receipt.status).toBe(201);
      const { token } = receipt.body;

      const status = await t.api.get(`employer/job-submissions/${token}`);
      expect(status.status).toBe(200);
      // The status answer is private to the link's holder, like a signed-in answer.
      expect(status.headers.get('cache-control')).toBe('no-store');
      await requestLine((url) => url === '/api/employer/job-submissions/[redacted]');
      // The status page's own address (the link the employer is sent; the H5 files are not request-logged today)
      // and a token passed to any API route.
      await t.api.get(`/subpackages/employer/pages/status/index?token=${token}`);
      await t.api.get(`jobs?token=${token}&keyword=x`);
      await requestLine((url) => url === '/api/jobs?token=[redacted]&keyword=x');
      expect(t.logs.text).not.toContain(token);
    });
  });

  describe('Cache-Control', () => {
    it('is no-store on every answer to a signed-in user, errors included', async () => {
      const advisor = await advisorFactory.create(t.dataSource);
      const student = await signIn(t.api, 'student');
      const counselor = await signIn(t.api, 'counselor', { advisorId: advisor.id });
      const today = zonedDate(new Date(), 'Asia/Shanghai');
      const answers = [
        await student.api.get('me'),
        await student.api.get('me/appointments'),
        await student.api.get('me/notifications'),
        await counselor.api.get(`${CounselorRoute.schedule}?date=${addDays(today, 1)}`),
        await student.api.get('appointments/00000000-0000-7000-8000-000000000000'),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 404]);
      for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('no-store');
    });

    it('leaves public answers as they were, with or without a token', async () => {
      const student = await signIn(t.api, 'student');
      for (const path of ['meta', 'jobs']) {
        const anonymous = await t.api.get(path);
        const signedIn = await student.api.get(path);
        expect([anonymous.status, signedIn.status]).toEqual([200, 200]);
        expect(signedIn.headers.get('cache-control')).toBe(anonymous.headers.get('cache-control'));
        expect(anonymous.headers.get('cache-control')).not.toBe('no-store');
      }
    });
  });
});
