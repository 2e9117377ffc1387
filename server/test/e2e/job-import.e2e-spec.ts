import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AdminJobListResponse,
  type ErrorBody,
  type ImportJobsResponse,
  type JobDto,
} from '@careerside/shared';
import type { ApiClient } from '../support/api-client';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const HEADER =
  '岗位名称,单位名称,单位性质,行业,重点领域,工作地点,学历要求,月薪下限,月薪上限,截止日期,投递方式,投递链接,投递邮箱,岗位描述';
const GOOD = [
  '"动力系统设计师（导入）",某航天动力研究所,科研院所,航空航天,航空航天,西安,硕士及以上,12000,20000,2099-06-30,网申,https://hr.example.cn/a,,"负责液体火箭发动机动力系统设计，""精益求精""。\n要求：热能与动力相关专业。"',
  '变电运维工程师（导入）,某省电网公司,国有企业,能源电力,能源,"成都、绵阳",本科,8k,1.2万,2099/7/15,邮箱,,hr@grid.example.cn,负责变电站运维与检修。',
];

describe('CSV import of postings', () => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await signIn(t.api, 'admin')).api;
  });
  afterAll(() => t.close());

  const importCsv = (
    csv: string,
    options: { dryRun?: boolean; publish?: boolean; offset?: number; limit?: number } = {},
    language = 'zh-CN',
  ) =>
    admin.post<ImportJobsResponse>(
      'admin/jobs/import',
      { csv, ...options },
      { headers: { 'accept-language': language } },
    );

  it('checks a file without writing on a dry run', async () => {
    const response = await importCsv(`\uFEFF${[HEADER, ...GOOD].join('\r\n')}\r\n`, { dryRun: true });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      dryRun: true,
      totalRows: 2,
      validRows: 2,
      offset: 0,
      nextOffset: null,
      created: 0,
      duplicates: 0,
      published: 0,
      errors: [],
      jobIds: [],
    } satisfies ImportJobsResponse);
    expect((await admin.get<AdminJobListResponse>('admin/jobs')).body.total).toBe(0);
  });

  it('imports every row as a draft, reading quotes, line breaks, Chinese labels and amounts', async () => {
    const response = await importCsv(`\uFEFF${[HEADER, ...GOOD].join('\r\n')}`);
    expect(response.body).toMatchObject({
      dryRun: false,
      totalRows: 2,
      validRows: 2,
      created: 2,
      duplicates: 0,
      published: 0,
      errors: [],
    });
    const jobs = await Promise.all(
      response.body.jobIds.map((id) => admin.get<JobDto & { source: string }>(`admin/jobs/${id}`)),
    );
    expect(jobs.map((job) => job.body)).toEqual([
      expect.objectContaining({
        title: '动力系统设计师（导入）',
        employerType: 'research_institute',
        industry: 'aerospace',
        keySectors: ['aerospace'],
        degree: 'master',
        status: 'draft',
        source: 'import',
        description: '负责液体火箭发动机动力系统设计，"精益求精"。\n要求：热能与动力相关专业。',
      }),
      expect.objectContaining({
        title: '变电运维工程师（导入）',
        employerType: 'soe',
        locations: ['成都', '绵阳'],
        salaryMin: 8000,
        salaryMax: 12_000,
        applyMethod: 'email',
        applyEmail: 'hr@grid.example.cn',
        deadline: '2099-07-15T15:59:59.000Z',
      }),
    ]);
  });

  it('skips rows imported before, so importing a file twice creates its postings once', async () => {
    const again = await importCsv([HEADER, ...GOOD].join('\n'));
    expect(again.body).toMatchObject({ created: 0, duplicates: 2, errors: [] });
    expect((await admin.get<AdminJobListResponse>('admin/jobs')).body.total).toBe(2);
  });

  it('imports nothing when any row has a problem, and names each row and column', async () => {
    const csv = [
      HEADER,
      '新岗位一（导入）,某研究院,,航空航天,,,,,,2099-01-01,,https://x.example.cn,,描述',
      ',某研究院,国企,航空航天,太空,,,abc,,2099-02-30,,https://x.example.cn,,描述',
      '新岗位三（导入）,某研究院,,航空航天,,,,20000,10000,2099-01-01,邮箱,,,描述',
    ].join('\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ totalRows: 3, validRows: 1, created: 0, jobIds: [] });
    expect(response.body.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 3, column: '岗位名称', code: 'required' },
      { row: 3, column: '单位性质', code: 'invalid_option' },
      { row: 3, column: '重点领域', code: 'invalid_option' },
      { row: 3, column: '月薪下限', code: 'invalid_number' },
      { row: 3, column: '截止日期', code: 'invalid_date' },
      { row: 4, column: '月薪上限', code: 'salary_range' },
      { row: 4, column: '投递邮箱', code: 'apply_target_missing' },
    ]);
    expect(response.body.errors[3].message).toBe('「abc」不是有效的数字');
    expect((await admin.get<AdminJobListResponse>('admin/jobs?keyword=导入')).body.total).toBe(2);

    const english = await importCsv(csv, {}, 'en-US');
    expect(english.body.errors[3].message).toBe('"abc" is not a valid number');
  });

  it('reports header problems and broken quoting as errors, not failures', async () => {
    const header = await importCsv('岗位名称,工作地址\nx,y');
    expect(header.body.errors.map((error) => [error.row, error.column, error.code])).toEqual([
      [1, '工作地址', 'unknown_column'],
      [1, '单位名称', 'missing_column'],
      [1, '行业', 'missing_column'],
      [1, '截止日期', 'missing_column'],
      [1, '岗位描述', 'missing_column'],
    ]);
    const quote = await importCsv(`${HEADER}\n${GOOD[1]}\n"未闭合的引号,某单位`);
    expect(quote.body.errors).toEqual([
      { row: 3, column: null, code: 'malformed', message: '这一行的引号没有闭合，或引号后还有多余内容' },
    ]);
    expect((await importCsv('')).status).toBe(400);
  });

  it('can publish what it imports, alerting students', async () => {
    const student = await signIn(t.api, 'student');
    await student.api.put('me/job-alerts', { keySectors: ['new_materials'], frequency: 'instant' });
    const response = await importCsv(
      [
        HEADER,
        '复合材料工艺工程师,某新材料公司,民营企业,装备制造,新材料,常州,本科,,,2099-03-01,现场,,,每周三下午在大学生就业指导中心现场面试',
      ].join('\n'),
      { publish: true },
    );
    expect(response.body.errors).toEqual([
      {
        row: 2,
        column: '现场地址',
        code: 'apply_target_missing',
        message: '请填写与投递方式对应的链接、邮箱或现场地址',
      },
    ]);
    const fixed = await importCsv(
      [
        `${HEADER},现场地址`,
        '复合材料工艺工程师,某新材料公司,民营企业,装备制造,新材料,常州,本科,,,2099-03-01,现场,,,负责复合材料工艺。,大学生就业指导中心 201 室',
      ].join('\n'),
      { publish: true },
    );
    expect(fixed.body).toMatchObject({ created: 1, published: 1, errors: [] });
    const inbox = await student.api.get<{ items: { kind: string }[] }>('me/notifications');
    expect(inbox.body.items.map((item) => item.kind)).toEqual(['job_alert']);
  });

  it('imports a file in parts for a progress report, each part once however often it is sent', async () => {
    const rows = Array.from(
      { length: 5 },
      (_, i) =>
        `分批导入岗位${i},某分批单位,国有企业,能源电力,能源,成都,本科,,,2099-05-01,网申,https://b.example.cn/${i},,描述${i}`,
    );
    const csv = [HEADER, ...rows, rows[0]].join('\n');
    const parts: ImportJobsResponse[] = [];
    for (let offset: number | null = 0; offset !== null;) {
      const part = await importCsv(csv, { offset, limit: 2 });
      expect(part.status).toBe(200);
      parts.push(part.body);
      offset = part.body.nextOffset;
    }
    expect(
      parts.map(({ offset, nextOffset, created, duplicates }) => [offset, nextOffset, created, duplicates]),
    ).toEqual([
      [0, 2, 2, 0],
      [2, 4, 2, 0],
      // The last row repeats the first: skipped.
      [4, null, 1, 1],
    ]);
    expect(parts.every((part) => part.totalRows === 6 && part.errors.length === 0)).toBe(true);
    // A part sent again (a retry after a lost answer) creates nothing twice.
    const retry = await importCsv(csv, { offset: 2, limit: 2 });
    expect(retry.body).toMatchObject({ offset: 2, nextOffset: 4, created: 0, duplicates: 2 });
    const listed = await admin.get<AdminJobListResponse>(
      `admin/jobs?keyword=${encodeURIComponent('分批导入岗位')}`,
    );
    expect(listed.body.total).toBe(5);

    // A file with a problem writes no part at all.
    const broken = await importCsv(
      [HEADER, rows[1].replace('分批导入岗位1', '分批新岗位'), 'x,,,,,,,,,,,,,'].join('\n'),
      {
        offset: 0,
        limit: 1,
      },
    );
    expect(broken.body).toMatchObject({ created: 0, nextOffset: null });
    expect(broken.body.errors.length).toBeGreaterThan(0);
    expect(
      (await admin.get<AdminJobListResponse>(`admin/jobs?keyword=${encodeURIComponent('分批新岗位')}`)).body
        .total,
    ).toBe(0);

    for (const bad of [{ offset: -1 }, { limit: 0 }, { offset: 1.5 }, { limit: 'all' }]) {
      const response = await admin.post<ErrorBody>('admin/jobs/import', { csv, ...bad });
      expect(response.status).toBe(400);
      expect(response.body.details?.map((detail) => detail.field)).toContain(Object.keys(bad)[0]);
    }
  });

  it('rejects a body without CSV text (400 naming csv)', async () => {
    const response = await admin.post<ErrorBody>('admin/jobs/import', { csv: 42 });
    expect(response.status).toBe(400);
    expect(response.body.details?.map((detail) => detail.field)).toContain('csv');
  });
});
