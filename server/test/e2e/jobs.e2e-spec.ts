import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AdminJobDto,
  type AdminJobListResponse,
  type CreateJobRequest,
  ErrorCode,
  type ErrorBody,
  type JobDto,
  type JobListResponse,
  type JobMarkDto,
  type JobMarksResponse,
  type MyJobListResponse,
  type PublishJobResponse,
} from '@careerside/shared';
import { JobSweeperService } from '../../src/modules/jobs/job-sweeper.service';
import { daysAhead, jobFactory } from '../factories/job.factory';
import type { ApiClient } from '../support/api-client';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('job postings', () => {
  let t: TestApp;
  let admin: ApiClient;
  let student: ApiClient;
  let counselor: ApiClient;

  beforeAll(async () => {
    t = await startTestApp({ env: { JOBS_SWEEP_SECONDS: '1' } });
    admin = (await signIn(t.api, 'admin')).api;
    student = (await signIn(t.api, 'student')).api;
    counselor = (await signIn(t.api, 'counselor')).api;
  });
  afterAll(() => t.close());

  describe('staff workflow', () => {
    it('creates a draft (201) in the shared shape, with the contract fields', async () => {
      const request = {
        title: '  电网调度运行岗  ',
        employer: '某省电力公司',
        industry: 'energy',
        keySectors: ['energy'],
        locations: ['成都市', '全国'],
        deadline: '2099-12-31',
        applyUrl: 'https://zhaopin.example.cn/grid',
        description: '负责电网实时调度与运行监控。',
      } satisfies CreateJobRequest;
      const response = await admin.post<AdminJobDto>('admin/jobs', request);
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        title: '电网调度运行岗',
        employer: '某省电力公司',
        employerType: 'other',
        industry: 'energy',
        keySectors: ['energy'],
        locations: ['成都市'],
        degree: null,
        majors: [],
        salaryMin: null,
        salaryMax: null,
        headcount: null,
        deadline: '2099-12-31T15:59:59.000Z',
        status: 'draft',
        publishedAt: null,
        closedAt: null,
        applyMethod: 'link',
        applyUrl: 'https://zhaopin.example.cn/grid',
        applyEmail: null,
        applyAddress: null,
        description: '负责电网实时调度与运行监控。',
        source: 'staff',
        closeReason: null,
        submissionId: null,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
    });

    it('keeps drafts away from students: not listed, and 404 by id', async () => {
      const draft = await jobFactory.create(admin, { title: '保密草稿岗位' });
      const list = await t.api.get<JobListResponse>('jobs?keyword=保密草稿');
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([]);
      const byId = await student.get<ErrorBody>(`jobs/${draft.id}`);
      expect(byId.status).toBe(404);
      expect(byId.body.code).toBe(ErrorCode.NotFound);
    });

    it('publishes, then students see it without signing in; publishing again changes nothing', async () => {
      const draft = await jobFactory.create(admin, { title: '卫星总体设计师' });
      const published = await admin.post<PublishJobResponse>(`admin/jobs/${draft.id}/publish`);
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ id: draft.id, status: 'published', publishedNow: true });
      expect(published.body.publishedAt).toMatch(ISO);
      expect(published.body.alerts).toEqual({ matched: 0, notified: 0 });

      const again = await admin.post<PublishJobResponse>(`admin/jobs/${draft.id}/publish`);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({
        status: 'published',
        publishedNow: false,
        publishedAt: published.body.publishedAt,
      });

      const detail = await t.api.get<JobDto>(`jobs/${draft.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({ id: draft.id, title: '卫星总体设计师', status: 'published' });
      expect(detail.body).not.toHaveProperty('source');
      const list = await t.api.get<JobListResponse>('jobs?keyword=卫星总体');
      expect(list.body.items.map((job) => job.id)).toEqual([draft.id]);
      expect(list.body.total).toBe(1);
      expect(list.body.items[0]).not.toHaveProperty('description');
    });

    it('edits drafts and published postings, checking the result as a whole', async () => {
      const job = await jobFactory.create(admin, { salaryMin: 8000, salaryMax: 12_000 });
      const edited = await admin.patch<AdminJobDto>(`admin/jobs/${job.id}`, {
        title: '结构强度工程师',
        salaryMax: 15_000,
        degree: null,
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        title: '结构强度工程师',
        salaryMin: 8000,
        salaryMax: 15_000,
        degree: null,
      });

      const inverted = await admin.patch<ErrorBody>(`admin/jobs/${job.id}`, { salaryMax: 5000 });
      expect(inverted.status).toBe(400);
      expect(inverted.body.details?.map((detail) => detail.field)).toEqual(['salaryMax']);

      const nulled = await admin.patch<ErrorBody>(`admin/jobs/${job.id}`, { title: null });
      expect(nulled.status).toBe(400);
      expect(nulled.body.details?.map((detail) => detail.field)).toContain('title');

      await jobFactory.publish(admin, job.id);
      const publishedEdit = await admin.patch<AdminJobDto>(`admin/jobs/${job.id}`, {
        locations: ['北京', '西安'],
      });
      expect(publishedEdit.status).toBe(200);
      expect(publishedEdit.body).toMatchObject({ status: 'published', locations: ['北京', '西安'] });
    });

    it('closes by hand; a closed posting is final but stays readable', async () => {
      const job = await jobFactory.createPublished(admin);
      const closed = await admin.post<AdminJobDto>(`admin/jobs/${job.id}/close`);
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'manual' });
      expect(closed.body.closedAt).toMatch(ISO);
      expect((await admin.post<AdminJobDto>(`admin/jobs/${job.id}/close`)).body.closedAt).toBe(
        closed.body.closedAt,
      );

      const edit = await admin.patch<ErrorBody>(`admin/jobs/${job.id}`, { title: '改不了' });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe(ErrorCode.JobNotEditable);
      const publish = await admin.post<ErrorBody>(`admin/jobs/${job.id}/publish`);
      expect(publish.status).toBe(409);
      expect(publish.body.code).toBe(ErrorCode.JobNotPublishable);

      expect((await t.api.get<JobDto>(`jobs/${job.id}`)).body.status).toBe('closed');
      const listed = await t.api.get<JobListResponse>(`jobs?keyword=${encodeURIComponent(job.title)}`);
      expect(listed.body.items).toEqual([]);
    });

    it('lists every posting for staff by status and keyword', async () => {
      const job = await jobFactory.create(admin, { title: '晶圆厂工艺整合工程师' });
      const drafts = await admin.get<AdminJobListResponse>('admin/jobs?status=draft&keyword=工艺整合');
      expect(drafts.status).toBe(200);
      expect(drafts.body.items.map((item) => item.id)).toEqual([job.id]);
      expect(drafts.body.total).toBe(1);
      expect(
        (await admin.get<AdminJobListResponse>('admin/jobs?status=published&keyword=工艺整合')).body.total,
      ).toBe(0);
      expect((await admin.get<AdminJobDto>(`admin/jobs/${job.id}`)).body.status).toBe('draft');
    });

    it('404s for postings that do not exist', async () => {
      for (const [method, path] of [
        ['GET', 'admin/jobs/nope'],
        ['PATCH', 'admin/jobs/nope'],
        ['POST', 'admin/jobs/nope/publish'],
        ['POST', 'admin/jobs/nope/close'],
        ['GET', 'admin/jobs/nope/stats'],
        ['GET', 'jobs/nope'],
      ] as const) {
        const response = await admin.request<ErrorBody>(
          method,
          path,
          method === 'PATCH' ? { body: { title: 'x' } } : {},
        );
        expect([path, response.status]).toEqual([path, 404]);
      }
    });
  });

  describe('validation', () => {
    it.each<[string, Record<string, unknown>, string[]]>([
      ['a missing title', { title: undefined }, ['title']],
      ['a title over 80 characters', { title: '岗'.repeat(81) }, ['title']],
      ['an industry outside the taxonomy', { industry: 'rockets' }, ['industry']],
      ['a key sector outside the taxonomy', { keySectors: ['aerospace', 'space'] }, ['keySectors']],
      ['an employer type outside the taxonomy', { employerType: 'startup' }, ['employerType']],
      ['a degree outside the taxonomy', { degree: 'phd' }, ['degree']],
      ['a negative salary', { salaryMin: -1 }, ['salaryMin']],
      ['a fractional headcount', { headcount: 1.5 }, ['headcount']],
      ['a salary range upside down', { salaryMin: 20_000, salaryMax: 10_000 }, ['salaryMax']],
      [
        'a missing deadline and a salary range upside down, both at once',
        { deadline: undefined, salaryMin: 20_000, salaryMax: 10_000 },
        ['deadline', 'salaryMax'],
      ],
      ['a deadline that is not a date', { deadline: '下周五' }, ['deadline']],
      ['a deadline on a day that does not exist', { deadline: '2099-02-30' }, ['deadline']],
      ['a deadline in the past', { deadline: '2020-01-01' }, ['deadline']],
      ['a link that is not http(s)', { applyUrl: 'javascript:alert(1)' }, ['applyUrl']],
      [
        'an email apply method without an email',
        { applyMethod: 'email', applyUrl: undefined },
        ['applyEmail'],
      ],
      ['no way to apply at all', { applyMethod: undefined, applyUrl: undefined }, ['applyMethod']],
      ['a location that is too long', { locations: ['很'.repeat(21)] }, ['locations']],
      ['an unknown field', { salary: 10_000 }, ['salary']],
    ])('rejects %s with 400 naming the field', async (_, overrides, fields) => {
      const response = await admin.post<ErrorBody>('admin/jobs', jobFactory.build(overrides));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(ErrorCode.ValidationFailed);
      expect(response.body.details?.map((detail) => detail.field)).toEqual(expect.arrayContaining(fields));
      expect(response.body.message).toContain(fields[0]);
    });

    it('answers cross-field problems in the asked language', async () => {
      const response = await admin.post<ErrorBody>(
        'admin/jobs',
        jobFactory.build({ deadline: '2020-01-01' }),
        {
          headers: { 'accept-language': 'zh-CN' },
        },
      );
      expect(response.body.details?.[0]).toMatchObject({ field: 'deadline', message: '必须晚于现在' });
    });

    it('rejects bad query parameters with 400, never 500', async () => {
      for (const query of [
        'industry=rockets',
        'keySector=x',
        'degree=phd',
        'limit=0',
        'limit=51',
        'cursor=garbage',
        'keySectorsOnly=maybe',
      ]) {
        const response = await t.api.get<ErrorBody>(`jobs?${query}`);
        expect([query, response.status]).toEqual([query, 400]);
      }
    });
  });

  describe('access', () => {
    it('keeps staff endpoints to admins: 401 signed out, 403 for students and counselors', async () => {
      const job = await jobFactory.create(admin);
      const calls: [string, string, unknown][] = [
        ['POST', 'admin/jobs', jobFactory.build()],
        ['GET', 'admin/jobs', undefined],
        ['GET', `admin/jobs/${job.id}`, undefined],
        ['PATCH', `admin/jobs/${job.id}`, { title: 'x' }],
        ['POST', `admin/jobs/${job.id}/publish`, undefined],
        ['POST', `admin/jobs/${job.id}/close`, undefined],
        ['GET', `admin/jobs/${job.id}/stats`, undefined],
        ['POST', 'admin/jobs/import', { csv: 'a' }],
        ['GET', 'admin/job-submissions', undefined],
      ];
      for (const [method, path, body] of calls) {
        expect([path, (await t.api.request(method, path, { body })).status]).toEqual([path, 401]);
        for (const client of [student, counselor]) {
          const response = await client.request<ErrorBody>(method, path, { body });
          expect([path, response.status, response.body.code]).toEqual([path, 403, ErrorCode.Forbidden]);
        }
      }
      expect((await admin.get<AdminJobDto>(`admin/jobs/${job.id}`)).body.status).toBe('draft');
    });

    it('keeps saving and "I applied" to signed-in students', async () => {
      const job = await jobFactory.createPublished(admin);
      expect((await t.api.put(`jobs/${job.id}/save`)).status).toBe(401);
      expect((await counselor.put(`jobs/${job.id}/save`)).status).toBe(403);
      expect((await admin.get('me/saved-jobs')).status).toBe(403);
    });
  });

  describe('search and filters', () => {
    let ids: Record<string, string>;

    beforeAll(async () => {
      const make = async (key: string, overrides: Partial<CreateJobRequest>) =>
        [key, (await jobFactory.createPublished(admin, overrides)).id] as const;
      ids = Object.fromEntries(
        await Promise.all([
          make('fab', {
            title: 'ＩＣ工艺工程师（搜索）',
            employer: '某十二英寸晶圆厂',
            industry: 'semiconductors',
            keySectors: ['integrated_circuits'],
            locations: ['合肥市'],
            degree: 'bachelor',
            description: '负责 28nm 刻蚀工艺开发，良率提升 100%_目标。',
          }),
          make('grid', {
            title: '电网运维工程师（搜索）',
            employer: '某电网公司',
            industry: 'energy',
            keySectors: ['energy'],
            locations: ['成都'],
            degree: 'doctorate',
          }),
          make('bank', {
            title: '管培生（搜索）',
            employer: '某商业银行',
            industry: 'finance',
            keySectors: [],
            locations: [],
            degree: null,
          }),
        ]),
      );
    });

    const search = async (query: string) =>
      (await t.api.get<JobListResponse>(`jobs?${query}`)).body.items.map((job) => job.id).sort();

    it('finds Chinese text in the title, employer and description, ignoring width and case', async () => {
      expect(await search(`keyword=${encodeURIComponent('ic工艺')}`)).toEqual([ids.fab]);
      expect(await search(`keyword=${encodeURIComponent('晶圆厂')}`)).toEqual([ids.fab]);
      expect(await search(`keyword=${encodeURIComponent('刻蚀 28NM')}`)).toEqual([ids.fab]);
      expect(await search(`keyword=${encodeURIComponent('刻蚀 电网')}`)).toEqual([]);
    });

    it('treats % and _ in the keyword as plain characters', async () => {
      expect(await search(`keyword=${encodeURIComponent('100%_目标')}`)).toEqual([ids.fab]);
      expect(await search(`keyword=${encodeURIComponent('%（搜索）')}`)).toEqual([]);
      expect(await search(`keyword=${encodeURIComponent('_')}`)).toEqual([ids.fab]);
    });

    it('filters by industry, key sector, location and degree', async () => {
      const scope = `keyword=${encodeURIComponent('（搜索）')}`;
      expect(await search(`${scope}&industry=energy`)).toEqual([ids.grid]);
      expect(await search(`${scope}&keySector=integrated_circuits`)).toEqual([ids.fab]);
      expect(await search(`${scope}&keySectorsOnly=true`)).toEqual([ids.fab, ids.grid].sort());
      // A posting with no locations is open anywhere, so it is in every location's list.
      expect(await search(`${scope}&location=${encodeURIComponent('合肥')}`)).toEqual(
        [ids.fab, ids.bank].sort(),
      );
      expect(await search(`${scope}&location=${encodeURIComponent('成都市')}`)).toEqual(
        [ids.grid, ids.bank].sort(),
      );
      // Open to a master's graduate: minimum bachelor or none, not doctorate.
      expect(await search(`${scope}&degree=master`)).toEqual([ids.fab, ids.bank].sort());
    });

    it('pages with a cursor, newest first, with the total', async () => {
      const scope = `keyword=${encodeURIComponent('（搜索）')}&limit=2`;
      const first = await t.api.get<JobListResponse>(`jobs?${scope}`);
      expect(first.body.total).toBe(3);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await t.api.get<JobListResponse>(
        `jobs?${scope}&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`,
      );
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      const all = [...first.body.items, ...second.body.items];
      expect(all.map((job) => job.id).sort()).toEqual(Object.values(ids).sort());
      const times = all.map((job) => job.publishedAt ?? '');
      expect([...times].sort().reverse()).toEqual(times);
    });
  });

  describe("a student's saved and applied postings", () => {
    it('saves, marks applied, lists, and takes marks back, idempotently', async () => {
      const first = await jobFactory.createPublished(admin, { title: '收藏测试岗位一' });
      const second = await jobFactory.createPublished(admin, { title: '收藏测试岗位二' });
      const saved = await student.put<JobMarkDto>(`jobs/${first.id}/save`);
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({ jobId: first.id, savedAt: expect.stringMatching(ISO), appliedAt: null });
      expect((await student.put<JobMarkDto>(`jobs/${first.id}/save`)).body.savedAt).toBe(saved.body.savedAt);
      await student.put(`jobs/${second.id}/save`);
      await student.put(`jobs/${second.id}/applied`);

      const marks = await student.get<JobMarksResponse>('me/job-marks');
      expect(marks.body.saved.sort()).toEqual([first.id, second.id].sort());
      expect(marks.body.applied).toEqual([second.id]);

      const list = await student.get<MyJobListResponse>('me/saved-jobs');
      expect(list.body.items.map((job) => job.id)).toEqual([second.id, first.id]);
      expect(list.body.items[0]).toMatchObject({
        title: '收藏测试岗位二',
        appliedAt: expect.stringMatching(ISO),
      });
      expect(
        (await student.get<MyJobListResponse>('me/applied-jobs')).body.items.map((job) => job.id),
      ).toEqual([second.id]);

      const unsaved = await student.delete<JobMarkDto>(`jobs/${first.id}/save`);
      expect(unsaved.body).toEqual({ jobId: first.id, savedAt: null, appliedAt: null });
      expect((await student.delete(`jobs/${first.id}/save`)).status).toBe(200);
      expect((await student.get<MyJobListResponse>('me/saved-jobs')).body.items.map((job) => job.id)).toEqual(
        [second.id],
      );

      // Another student's marks are their own.
      const other = (await signIn(t.api, 'student')).api;
      expect((await other.get<JobMarksResponse>('me/job-marks')).body).toEqual({ saved: [], applied: [] });
    });

    it('refuses to save a closed posting (409) but keeps it in the saved list', async () => {
      const job = await jobFactory.createPublished(admin, { title: '即将关闭的岗位' });
      await student.put(`jobs/${job.id}/save`);
      await admin.post(`admin/jobs/${job.id}/close`);
      const late = await student.put<ErrorBody>(`jobs/${job.id}/applied`);
      expect(late.status).toBe(409);
      expect(late.body.code).toBe(ErrorCode.JobNotOpen);
      const list = await student.get<MyJobListResponse>('me/saved-jobs');
      expect(list.body.items.find((item) => item.id === job.id)?.status).toBe('closed');
    });

    it('cannot mark drafts or unknown postings', async () => {
      const draft = await jobFactory.create(admin);
      expect((await student.put(`jobs/${draft.id}/save`)).status).toBe(404);
      expect((await student.put('jobs/unknown/applied')).status).toBe(404);
    });
  });

  describe('the deadline', () => {
    it('closes a published posting automatically once its deadline passes', async () => {
      const job = await jobFactory.createPublished(admin, {
        title: '两秒后截止',
        deadline: new Date(Date.now() + 2000).toISOString(),
      });
      expect(
        (await t.api.get<JobListResponse>(`jobs?keyword=${encodeURIComponent('两秒后截止')}`)).body.total,
      ).toBe(1);
      const deadline = Date.now() + 15_000;
      let status = 'published';
      while (status !== 'closed' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        status = (await t.api.get<JobDto>(`jobs/${job.id}`)).body.status;
      }
      expect(status).toBe('closed');
      const closed = await admin.get<AdminJobDto>(`admin/jobs/${job.id}`);
      expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'deadline' });
      expect(
        (await t.api.get<JobListResponse>(`jobs?keyword=${encodeURIComponent('两秒后截止')}`)).body.total,
      ).toBe(0);
    });

    it('refuses to publish a draft whose deadline has passed (409)', async () => {
      const draft = await jobFactory.create(admin, { deadline: new Date(Date.now() + 1000).toISOString() });
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const response = await admin.post<ErrorBody>(`admin/jobs/${draft.id}/publish`);
      expect(response.status).toBe(409);
      expect(response.body.code).toBe(ErrorCode.JobDeadlinePassed);
      // Moving the deadline fixes it.
      await admin.patch(`admin/jobs/${draft.id}`, { deadline: daysAhead(10) });
      expect((await admin.post(`admin/jobs/${draft.id}/publish`)).status).toBe(200);
    });

    it('the sweeper closes only what is due', async () => {
      const sweeper = t.app.get(JobSweeperService);
      const job = await jobFactory.createPublished(admin, { deadline: daysAhead(1) });
      expect(await sweeper.closeExpired(new Date())).toBe(0);
      expect((await t.api.get<JobDto>(`jobs/${job.id}`)).body.status).toBe('published');
    });
  });
});
