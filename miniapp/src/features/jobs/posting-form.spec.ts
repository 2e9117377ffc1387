import { describe, expect, it } from '@jest/globals';
import type { JobDto } from '@careerside/shared';
import { centerClock } from '@/utils/center-time';
import { emptyPosting, postingChanges, postingFromJob, postingRequest } from './posting-form';

const job: JobDto = {
  id: 'j1',
  title: '变电运维工程师',
  employer: '蜀能电网有限公司',
  employerType: 'soe',
  industry: 'energy',
  keySectors: ['energy'],
  locations: ['成都', '绵阳'],
  degree: 'bachelor',
  majors: ['电气工程及其自动化'],
  salaryMin: 8000,
  salaryMax: 12_000,
  headcount: null,
  deadline: '2026-12-20T09:30:00.000Z',
  status: 'published',
  publishedAt: '2026-11-20T02:00:00.000Z',
  applyMethod: 'link',
  applyUrl: 'https://hr.example.cn',
  applyEmail: null,
  applyAddress: null,
  description: '负责变电站运维。',
  closedAt: null,
};

describe('posting form', () => {
  it('turns typed text into the request: lists split, blanks null, amounts numbers', () => {
    const { request, invalid } = postingRequest({
      ...emptyPosting(),
      title: ' 岗位 ',
      employer: '单位',
      industry: 'energy',
      locations: '成都、绵阳，乐山',
      majors: '',
      salaryMin: '8,000',
      headcount: '',
      deadline: '2026-12-31',
      applyUrl: ' https://x.example.cn ',
      applyEmail: '  ',
      description: '描述',
    });
    expect(invalid).toEqual([]);
    expect(request).toMatchObject({
      title: '岗位',
      locations: ['成都', '绵阳', '乐山'],
      majors: [],
      salaryMin: 8000,
      salaryMax: null,
      headcount: null,
      degree: null,
      applyUrl: 'https://x.example.cn',
      applyEmail: null,
    });
  });

  it('marks amounts it cannot read', () => {
    expect(postingRequest({ ...emptyPosting(), salaryMax: '1.2万', headcount: '若干' }).invalid).toEqual([
      'salaryMax',
      'headcount',
    ]);
  });

  it('sends only what an edit changed, so an untouched deadline keeps its time of day', () => {
    const original = postingFromJob(job, centerClock(480));
    expect(original.deadline).toBe('2026-12-20');
    expect(original.locations).toBe('成都、绵阳');
    expect(postingChanges(original, original).changes).toEqual({});
    const edited = { ...original, salaryMax: '15000', locations: '成都' };
    expect(postingChanges(edited, original).changes).toEqual({ salaryMax: 15_000, locations: ['成都'] });
  });

  it("shows the deadline's date on the center's calendar", () => {
    // 23:59:59 on Dec 20 in Shanghai is still the morning of Dec 20 at UTC+0 and Dec 19 in New York.
    const lastSecond = { ...job, deadline: '2026-12-20T15:59:59.000Z' };
    expect(postingFromJob(lastSecond, centerClock(480)).deadline).toBe('2026-12-20');
    expect(postingFromJob(lastSecond, centerClock(0)).deadline).toBe('2026-12-20');
    expect(postingFromJob({ ...job, deadline: '2026-12-20T03:00:00.000Z' }, centerClock(-300)).deadline).toBe(
      '2026-12-19',
    );
  });
});
