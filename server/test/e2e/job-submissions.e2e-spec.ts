import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AdminJobSubmissionDto,
  type ApproveJobSubmissionResponse,
  type CreateJobSubmissionRequest,
  ErrorCode,
  type ErrorBody,
  type JobDto,
  type JobListResponse,
  type JobSubmissionListResponse,
  type JobSubmissionReceipt,
  type JobSubmissionStatusDto,
  type NotificationListResponse,
} from '@careerside/shared';
import { jobFactory } from '../factories/job.factory';
import type { ApiClient } from '../support/api-client';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

describe('employer submissions', () => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await startTestApp({
      env: { EMPLOYER_SUBMISSION_RATE_LIMIT: '1000', PUBLIC_URL: 'https://careers.example.edu.cn' },
    });
    admin = (await signIn(t.api, 'admin', { name: '审核老师' })).api;
  });
  afterAll(() => t.close());

  const submission = (overrides: Partial<CreateJobSubmissionRequest> = {}): CreateJobSubmissionRequest => ({
    ...jobFactory.build({
      title: '集成电路版图设计工程师',
      employer: '某集成电路设计公司',
      employerType: 'private',
      industry: 'semiconductors',
      keySectors: ['integrated_circuits'],
      locations: ['上海'],
      degree: 'bachelor',
    }),
    contactName: '张经理',
    contactPhone: '021-5555 6666',
    contactEmail: 'hr@ic.example.cn',
    ...overrides,
  });

  const submit = (body: unknown) =>
    t.api.post<JobSubmissionReceipt & ErrorBody>('employer/job-submissions', body);
  const statusOf = (token: string) =>
    t.api.get<JobSubmissionStatusDto & ErrorBody>(`employer/job-submissions/${token}`);

  it('takes a posting without an account into the pending queue and answers a secret status link', async () => {
    const response = await submit(submission());
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      status: 'pending',
      token: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      statusUrl: `https://careers.example.edu.cn/subpackages/employer/pages/status/index?token=${response.body.token}`,
    });
    const status = await statusOf(response.body.token);
    expect(status.status).toBe(200);
    expect(status.body).toEqual({
      status: 'pending',
      title: '集成电路版图设计工程师',
      employer: '某集成电路设计公司',
      submittedAt: expect.stringMatching(/Z$/),
      reviewedAt: null,
      declineReason: null,
      job: null,
    });

    const queue = await admin.get<JobSubmissionListResponse>('admin/job-submissions');
    const queued = queue.body.items.find((item) => item.id === response.body.id);
    expect(queued).toMatchObject({
      status: 'pending',
      contactName: '张经理',
      contactPhone: '021-5555 6666',
      contactEmail: 'hr@ic.example.cn',
      posting: {
        title: '集成电路版图设计工程师',
        industry: 'semiconductors',
        keySectors: ['integrated_circuits'],
      },
      reviewedBy: null,
      jobId: null,
    });
    expect(queued?.posting).not.toHaveProperty('contactName');
    // Nothing reaches students before staff approve it.
    expect(
      (await t.api.get<JobListResponse>(`jobs?keyword=${encodeURIComponent('版图设计')}`)).body.total,
    ).toBe(0);
  });

  it('approval publishes the posting, alerts students, and shows on the status page', async () => {
    const listener = await signIn(t.api, 'student');
    await listener.api.put('me/job-alerts', { keySectors: ['integrated_circuits'], frequency: 'instant' });
    const receipt = (await submit(submission({ title: '芯片验证工程师' }))).body;

    const approved = await admin.post<ApproveJobSubmissionResponse>(
      `admin/job-submissions/${receipt.id}/approve`,
      {},
    );
    expect(approved.status).toBe(200);
    expect(approved.body.submission).toMatchObject({
      status: 'approved',
      reviewedBy: '审核老师',
      jobId: approved.body.job.id,
    });
    expect(approved.body.job).toMatchObject({
      status: 'published',
      source: 'employer',
      submissionId: receipt.id,
      title: '芯片验证工程师',
    });
    expect(approved.body.alerts).toEqual({ matched: 1, notified: 1 });

    const status = await statusOf(receipt.token);
    expect(status.body).toMatchObject({
      status: 'approved',
      declineReason: null,
      job: { id: approved.body.job.id, status: 'published' },
    });
    expect((await t.api.get<JobDto>(`jobs/${approved.body.job.id}`)).body.title).toBe('芯片验证工程师');
    const inbox = await listener.api.get<NotificationListResponse>('me/notifications');
    expect(inbox.body.items.filter((item) => item.kind === 'job_alert')).toHaveLength(1);

    const twice = await admin.post<ErrorBody>(`admin/job-submissions/${receipt.id}/approve`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe(ErrorCode.SubmissionAlreadyReviewed);
  });

  it('approval can leave a draft for staff to edit first', async () => {
    const receipt = (await submit(submission({ title: '先编辑再发布的岗位' }))).body;
    const approved = await admin.post<ApproveJobSubmissionResponse>(
      `admin/job-submissions/${receipt.id}/approve`,
      { publish: false },
    );
    expect(approved.body.job.status).toBe('draft');
    expect(approved.body.alerts).toBeNull();
    expect((await statusOf(receipt.token)).body).toMatchObject({
      status: 'approved',
      job: { status: 'draft', publishedAt: null },
    });
  });

  it('declining keeps the posting away from students and shows the reason to the employer', async () => {
    const receipt = (await submit(submission({ title: '被退回的岗位' }))).body;
    const missingReason = await admin.post<ErrorBody>(`admin/job-submissions/${receipt.id}/decline`, {
      reason: '  ',
    });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.details?.map((detail) => detail.field)).toEqual(['reason']);

    const declined = await admin.post<AdminJobSubmissionDto>(`admin/job-submissions/${receipt.id}/decline`, {
      reason: '请补充薪资范围与具体工作地点后重新提交。',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'declined',
      declineReason: '请补充薪资范围与具体工作地点后重新提交。',
      jobId: null,
    });
    expect((await statusOf(receipt.token)).body).toMatchObject({
      status: 'declined',
      declineReason: '请补充薪资范围与具体工作地点后重新提交。',
      reviewedAt: expect.any(String),
      job: null,
    });
    expect((await admin.post<ErrorBody>(`admin/job-submissions/${receipt.id}/approve`, {})).status).toBe(409);
    const declinedList = await admin.get<JobSubmissionListResponse>('admin/job-submissions?status=declined');
    expect(declinedList.body.items.map((item) => item.id)).toContain(receipt.id);
    expect(
      (await admin.get<JobSubmissionListResponse>('admin/job-submissions')).body.items.map((item) => item.id),
    ).not.toContain(receipt.id);
  });

  it('lets only one of two reviewers act on a submission', async () => {
    const receipt = (await submit(submission({ title: '两位老师同时审核' }))).body;
    const [approve, decline] = await Promise.all([
      admin.post(`admin/job-submissions/${receipt.id}/approve`, {}),
      admin.post(`admin/job-submissions/${receipt.id}/decline`, { reason: '重复' }),
    ]);
    expect([approve.status, decline.status].sort()).toEqual([200, 409]);
  });

  it('refuses approval once the deadline has passed (409)', async () => {
    const receipt = (await submit(submission({ deadline: new Date(Date.now() + 800).toISOString() }))).body;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const response = await admin.post<ErrorBody>(`admin/job-submissions/${receipt.id}/approve`, {});
    expect(response.status).toBe(409);
    expect(response.body.code).toBe(ErrorCode.JobDeadlinePassed);
    expect((await statusOf(receipt.token)).body.status).toBe('pending');
  });

  it.each<[string, Partial<CreateJobSubmissionRequest> | Record<string, unknown>, string]>([
    ['no contact name', { contactName: '' }, 'contactName'],
    ['neither phone nor email', { contactPhone: null, contactEmail: null }, 'contactPhone'],
    ['a phone that is not one', { contactPhone: 'call me' }, 'contactPhone'],
    ['an email that is not one', { contactEmail: 'hr-at-ic' }, 'contactEmail'],
    ['a posting without a title', { title: '' }, 'title'],
    ['a past deadline', { deadline: '2020-06-30' }, 'deadline'],
  ])('rejects %s with 400 naming the field', async (_, overrides, field) => {
    const response = await submit({ ...submission(), ...overrides });
    expect(response.status).toBe(400);
    expect(response.body.details?.map((detail) => detail.field)).toContain(field);
  });

  it('answers 404 for an unknown, malformed or guessed token', async () => {
    for (const token of ['x', 'A'.repeat(32), '../../admin']) {
      expect((await statusOf(encodeURIComponent(token))).status).toBe(404);
    }
  });

  it('keeps review to admins', async () => {
    const receipt = (await submit(submission())).body;
    const student = (await signIn(t.api, 'student')).api;
    expect((await student.post(`admin/job-submissions/${receipt.id}/approve`, {})).status).toBe(403);
    expect((await student.post(`admin/job-submissions/${receipt.id}/decline`, { reason: 'x' })).status).toBe(
      403,
    );
    expect((await t.api.get(`admin/job-submissions/${receipt.id}`)).status).toBe(401);
    expect((await admin.get<AdminJobSubmissionDto>(`admin/job-submissions/${receipt.id}`)).body.status).toBe(
      'pending',
    );
    expect((await admin.post('admin/job-submissions/unknown/approve', {})).status).toBe(404);
  });
});

describe('the employer submission rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { EMPLOYER_SUBMISSION_RATE_LIMIT: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED past the limit per address, and the rejected ones are not queued', async () => {
    const body = { ...jobFactory.build(), contactName: '李女士', contactEmail: 'hr@example.cn' };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push(
        (await t.api.post('employer/job-submissions', { ...body, title: `限流测试 ${i}` })).status,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const limited = await t.api.post<ErrorBody>('employer/job-submissions', body);
    expect(limited.body.code).toBe(ErrorCode.RateLimited);
    const admin = (await signIn(t.api, 'admin')).api;
    expect((await admin.get<JobSubmissionListResponse>('admin/job-submissions')).body.total).toBe(3);
    // Reading a status page is not limited.
    expect((await t.api.get('employer/job-submissions/unknown-token-value-000000')).status).toBe(404);
  });
});
