import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, type ErrorBody, type ImportJobsResponse } from '@careerside/shared';
import type { ApiClient, ApiResponse } from '../support/api-client';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

/** `{"<field>": [[[...1...]]]}` nested `depth` lists deep, as text (JSON.stringify would recurse). */
const deeplyNested = (field: string, depth: number) =>
  `{"${field}":${'['.repeat(depth)}1${']'.repeat(depth)}}`;
const json = { 'content-type': 'application/json' };

describe('input limits on request bodies', () => {
  let t: TestApp;
  let student: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    student = (await signIn(t.api, 'student')).api;
  });
  afterAll(() => t.close());

  function expectTooComplex(response: ApiResponse<ErrorBody>, field: string, constraint: string) {
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: ErrorCode.BodyTooComplex });
    expect(response.body.details).toEqual([expect.objectContaining({ field, constraint })]);
  }

  describe('deep nesting', () => {
    // Before: class-transformer recursed into the value and overflowed the stack (500 INTERNAL_ERROR).
    it.each([
      ['dev sign-in', 'auth/dev-login', 'openid'],
      ['WeChat sign-in', 'auth/wechat', 'code'],
      ['the employer form', 'employer/job-submissions', 'title'],
    ])('answers %s without a token with 400 naming the body', async (_, path, field) => {
      for (const depth of [33, 5000, 60_000]) {
        const response = await t.api.request<ErrorBody>('POST', path, {
          rawBody: deeplyNested(field, depth),
          headers: { ...json, 'accept-language': 'en-US' },
        });
        expectTooComplex(response, `${field}${'.0'.repeat(31)}`, 'bodyMaxDepth');
        expect(response.body.message).toBe('The request body nests too deeply or holds too many items');
        expect(response.body.details?.[0]?.message).toBe(
          `${field}${'.0'.repeat(31)} must not nest deeper than 32 levels`,
        );
      }
    });

    it('answers in Chinese by default', async () => {
      const response = await t.api.request<ErrorBody>('POST', 'auth/dev-login', {
        rawBody: deeplyNested('openid', 100),
        headers: json,
      });
      expect(response.body.message).toBe('提交的内容层级过深或条目过多');
      expect(response.body.details?.[0]?.message).toBe('嵌套不能超过 32 层');
    });

    it('still takes a body nested within the limit to validation', async () => {
      const response = await t.api.request<ErrorBody>('POST', 'auth/dev-login', {
        rawBody: deeplyNested('openid', 31),
        headers: json,
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(ErrorCode.ValidationFailed);
    });
  });

  describe('huge values', () => {
    it('refuses a huge list in a field before validating it, naming the field', async () => {
      const response = await student.patch<ErrorBody>('me/profile', { name: new Array(50_000).fill(1) });
      expectTooComplex(response, 'name', 'bodyMaxArrayLength');
    });

    it('refuses a string longer than JSON_MAX_STRING_LENGTH, naming the field', async () => {
      const response = await student.patch<ErrorBody>('me/profile', { major: 'x'.repeat(20_001) });
      expectTooComplex(response, 'major', 'bodyMaxStringLength');
    });

    it('refuses a body with more than JSON_MAX_ITEMS values in all', async () => {
      const lists = Object.fromEntries(
        Array.from({ length: 6 }, (_, i) => [`f${i}`, new Array(999).fill(0)]),
      );
      const response = await student.patch<ErrorBody>('me/profile', lists);
      expectTooComplex(response, 'body', 'bodyMaxItems');
    });

    it('answers a JSON body over JSON_BODY_LIMIT (256 KiB) with 413 naming the body', async () => {
      const response = await student.patch<ErrorBody>('me/profile', { name: 'x'.repeat(300 * 1024) });
      expect(response.status).toBe(413);
      expect(response.body.code).toBe(ErrorCode.PayloadTooLarge);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'body' })]);
    });

    it('lets the CSV import take up to BODY_LIMIT (1 MiB), with its long csv string', async () => {
      const header = '岗位名称,单位名称,行业,工作地点,学历要求,截止日期,投递链接,岗位描述';
      const row = (i: number) =>
        `岗位${i},某研究所,航空航天,西安,本科,2099-06-30,https://hr.example.cn/${i},${'负责设计工作。'.repeat(20)}`;
      const csv = [header, ...Array.from({ length: 1200 }, (_, i) => row(i))].join('\n');
      expect(Buffer.byteLength(csv)).toBeGreaterThan(300 * 1024);
      const admin = (await signIn(t.api, 'admin')).api;
      const response = await admin.post<ImportJobsResponse & ErrorBody>('admin/jobs/import', {
        csv,
        dryRun: true,
      });
      expect(response.status).toBe(200);
      expect(response.body.totalRows).toBe(1200);
    });
  });

  describe('body-less requests', () => {
    it('accepts an empty body sent as application/json where the route takes none', async () => {
      const response = await student.request('POST', 'me/notifications/read-all', {
        rawBody: '',
        headers: json,
      });
      expect(response.status).toBeLessThan(300);
    });

    it('treats whitespace alone as no body too', async () => {
      const response = await student.request('POST', 'me/notifications/read-all', {
        rawBody: ' \r\n',
        headers: json,
      });
      expect(response.status).toBeLessThan(300);
    });
  });
});

describe('the large-body rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LARGE_BODY_BYTES: '2048', LARGE_BODY_RATE_LIMIT: '3' } });
  });
  afterAll(() => t.close());

  // A profile update that validation refuses (name too long), so nothing is written, padded past 2 KiB.
  const largeUpdate = { name: 'x'.repeat(3000) };

  it('answers 429 RATE_LIMITED with Retry-After once a user spends the budget, and only to that user', async () => {
    const flooder = (await signIn(t.api, 'student')).api;
    const other = (await signIn(t.api, 'student')).api;

    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await flooder.patch<ErrorBody>('me/profile', largeUpdate)).status);
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429]);

    const limited = await flooder.patch<ErrorBody>('me/profile', largeUpdate, {
      headers: { 'accept-language': 'en-US' },
    });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: ErrorCode.RateLimited, message: expect.any(String) });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);

    // Small requests of the same user, and another user's large ones, are not counted against it.
    expect((await flooder.patch<ErrorBody>('me/profile', { name: '李同学' })).status).toBe(200);
    expect((await other.patch<ErrorBody>('me/profile', largeUpdate)).status).toBe(400);
  });

  it('refuses a concurrent flood of large bodies cheaply while another user is served', async () => {
    const flooder = (await signIn(t.api, 'student')).api;
    const other = (await signIn(t.api, 'student')).api;
    // Over the parser's limits: refused before anything walks them.
    const tooComplex = JSON.stringify({ name: new Array(100_000).fill(1) });
    // Within them but large (20 unknown fields of 10,000 characters): what validation would have to walk.
    const large = JSON.stringify(
      Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x'.repeat(10_000)])),
    );
    expect(Math.min(tooComplex.length, large.length)).toBeGreaterThan(190 * 1024);

    const flood = Array.from({ length: 40 }, (_, i) =>
      flooder.request<ErrorBody>('PATCH', 'me/profile', {
        rawBody: i % 2 ? tooComplex : large,
        headers: json,
      }),
    );
    const during = await other.get('me');
    const answers = await Promise.all(flood);

    expect(during.status).toBe(200);
    const count = (code: ErrorCode) => answers.filter((answer) => answer.body.code === code).length;
    // LARGE_BODY_RATE_LIMIT=3: three bodies are read (and refused by the parser's limits or by validation);
    // the other 37 are refused from their headers, unread.
    expect(count(ErrorCode.RateLimited)).toBe(37);
    expect(count(ErrorCode.BodyTooComplex) + count(ErrorCode.ValidationFailed)).toBe(3);
    expect(answers.every((answer) => answer.status === 400 || answer.status === 429)).toBe(true);
  });

  it('counts per user, so signing in again for a fresh token buys no fresh budget', async () => {
    const openid = `flooder-${process.pid}`;
    const first = (await signIn(t.api, 'student', { openid })).api;
    for (let i = 0; i < 3; i += 1) await first.patch('me/profile', largeUpdate);
    const again = (await signIn(t.api, 'student', { openid })).api;
    const response = await again.patch<ErrorBody>('me/profile', largeUpdate);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('counts signed-out large bodies per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await t.api.post<ErrorBody>('auth/dev-login', {
        openid: 'x'.repeat(3000),
        role: 'student',
      });
      statuses.push(response.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});
