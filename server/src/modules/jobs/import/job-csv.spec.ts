import { describe, expect, it } from '@jest/globals';
import { ImportErrorCode } from '@careerside/shared';
import { readJobCsv } from './job-csv';

const options = { timeZone: 'Asia/Shanghai', now: new Date('2026-06-01T00:00:00Z') };
const HEADER =
  '岗位名称,单位名称,单位性质,行业,重点领域,工作地点,学历要求,月薪下限,月薪上限,截止日期,投递方式,投递链接,投递邮箱,岗位描述';

describe(readJobCsv.name, () => {
  it('reads Chinese headers, labels, lists and amounts into postings', () => {
    const csv = [
      `\uFEFF${HEADER}`,
      '"结构设计师（飞行器）",某航天研究院,科研院所,航空航天,航空航天；国防军工,西安市、北京,硕士及以上,12k,1.8万,2026-12-31,网申,https://hr.example.cn/apply,,"负责飞行器总体结构设计，参与""型号""攻关。\n要求：力学相关专业。"',
    ].join('\r\n');
    const result = readJobCsv(csv, options);
    expect(result.problems).toEqual([]);
    expect(result.totalRows).toBe(1);
    expect(result.postings).toHaveLength(1);
    expect(result.postings[0].row).toBe(2);
    expect(result.postings[0].posting).toMatchObject({
      title: '结构设计师（飞行器）',
      employerType: 'research_institute',
      industry: 'aerospace',
      keySectors: ['aerospace', 'defence'],
      locations: ['西安市', '北京'],
      locationKeys: ['西安', '北京'],
      degree: 'master',
      salaryMin: 12_000,
      salaryMax: 18_000,
      applyMethod: 'link',
      applyUrl: 'https://hr.example.cn/apply',
      description: '负责飞行器总体结构设计，参与"型号"攻关。\n要求：力学相关专业。',
    });
    expect(result.postings[0].posting.deadline.toISOString()).toBe('2026-12-31T15:59:59.000Z');
  });

  it('accepts English headers and codes in any order', () => {
    const csv =
      'description,deadline,industry,employer,title,applyEmail\n招聘电网运维,2026-09-01,energy,某电网公司,运维工程师,hr@grid.example.cn';
    const result = readJobCsv(csv, options);
    expect(result.problems).toEqual([]);
    expect(result.postings[0].posting).toMatchObject({
      industry: 'energy',
      applyMethod: 'email',
      locations: [],
    });
  });

  it('names the row and the column of every problem, one per cell', () => {
    const csv = [
      HEADER,
      ',某研究院,国企,航空航天,,西安,,abc,,2026-02-30,网申,not-a-url,,描述',
      '岗位B,某研究院,,火箭,太空,,博士后,20000,10000,2026-12-31,邮箱,,,描述',
      '岗位C,某研究院,,航空航天,,,,,,2026-05-01,,,,描述',
    ].join('\n');
    const result = readJobCsv(csv, options);
    expect(result.postings).toEqual([]);
    expect(result.problems.map(({ row, column, code }) => [row, column, code])).toEqual([
      [2, '岗位名称', ImportErrorCode.Required],
      [2, '单位性质', ImportErrorCode.InvalidOption],
      [2, '月薪下限', ImportErrorCode.InvalidNumber],
      [2, '截止日期', ImportErrorCode.InvalidDate],
      [2, '投递链接', ImportErrorCode.InvalidUrl],
      [3, '行业', ImportErrorCode.InvalidOption],
      [3, '重点领域', ImportErrorCode.InvalidOption],
      [3, '学历要求', ImportErrorCode.InvalidOption],
      [4, '截止日期', ImportErrorCode.DeadlinePassed],
      [4, '投递方式', ImportErrorCode.ApplyTargetMissing],
    ]);
    expect(result.problems.find((p) => p.column === '月薪下限')?.params).toEqual({ value: 'abc' });
  });

  it('reports cross-field problems once the cells are readable', () => {
    const csv = [HEADER, '岗位,单位,,能源电力,,,,20000,10000,2026-12-31,邮箱,,,描述'].join('\n');
    expect(readJobCsv(csv, options).problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '月薪上限', ImportErrorCode.SalaryRange],
      [2, '投递邮箱', ImportErrorCode.ApplyTargetMissing],
    ]);
  });

  it('stops at the header when columns are missing, unknown or repeated', () => {
    const result = readJobCsv('岗位名称,工作地址,行业,行业\nx,y,z,w', options);
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [1, '工作地址', ImportErrorCode.UnknownColumn],
      [1, '行业', ImportErrorCode.DuplicateColumn],
      [1, '单位名称', ImportErrorCode.MissingColumn],
      [1, '截止日期', ImportErrorCode.MissingColumn],
      [1, '岗位描述', ImportErrorCode.MissingColumn],
    ]);
  });

  it('reports an unclosed quote as a malformed row and an empty file as empty', () => {
    expect(readJobCsv(`${HEADER}\n"岗位,x`, options).problems).toEqual([
      { row: 2, column: null, code: ImportErrorCode.Malformed },
    ]);
    expect(readJobCsv(HEADER, options).problems[0].code).toBe(ImportErrorCode.Empty);
    expect(readJobCsv('', options).problems[0].code).toBe(ImportErrorCode.Empty);
  });

  it('gives identical rows the same fingerprint and different rows different ones', () => {
    const row = '岗位,单位,,能源电力,,,,,,2026-12-31,,https://x.example.cn,,描述';
    const result = readJobCsv([HEADER, row, row, row.replace('岗位', '岗位2')].join('\n'), options);
    const [a, b, c] = result.postings.map((p) => p.fingerprint);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
