import { describe, expect, it } from '@jest/globals';
import { ApplyMethod, ImportErrorCode } from '@careerside/shared';
import { parseDeadline } from './deadline';
import { locationKey, normalizeLocations } from './locations';
import { inferApplyMethod, postingProblems, toPosting } from './posting';

const SHANGHAI = 'Asia/Shanghai';

describe(parseDeadline.name, () => {
  it('reads a calendar date as the end of that day on the center clock', () => {
    expect(parseDeadline('2026-12-31', SHANGHAI)?.toISOString()).toBe('2026-12-31T15:59:59.000Z');
    expect(parseDeadline('2026/1/5', SHANGHAI)?.toISOString()).toBe('2026-01-05T15:59:59.000Z');
    expect(parseDeadline('2026年3月1日', SHANGHAI)?.toISOString()).toBe('2026-03-01T15:59:59.000Z');
  });

  it('reads a local date and time, and an ISO date-time with its own offset', () => {
    expect(parseDeadline('2026-12-31 17:30', SHANGHAI)?.toISOString()).toBe('2026-12-31T09:30:00.000Z');
    expect(parseDeadline('2026-12-31T17:30:00', SHANGHAI)?.toISOString()).toBe('2026-12-31T09:30:00.000Z');
    expect(parseDeadline('2026-12-31T17:30:00+08:00', SHANGHAI)?.toISOString()).toBe(
      '2026-12-31T09:30:00.000Z',
    );
    expect(parseDeadline('2026-12-31T09:30:00Z', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-12-31T09:30:00.000Z',
    );
  });

  it.each(['2026-02-30', '2026-13-01', 'next Friday', '31/12/2026', '', '2026-12-31 25:00'])(
    'refuses %p',
    (value) => {
      expect(parseDeadline(value, SHANGHAI)).toBeNull();
    },
  );
});

describe('locations', () => {
  it('match on a key without 市/省 and in any width or case', () => {
    expect(locationKey('北京市')).toBe(locationKey('北京'));
    expect(locationKey('陕西省')).toBe('陕西');
    expect(locationKey(' Ｘi’an ')).toBe(locationKey('xi’an'));
    // A one-character name keeps its suffix: 沙市 is not 沙.
    expect(locationKey('沙市')).toBe('沙市');
  });

  it('drop blanks, duplicates and words that mean anywhere', () => {
    expect(normalizeLocations(['北京市', ' 北京 ', '西安', '全国', ''])).toEqual({
      shown: ['北京市', '西安'],
      keys: ['北京', '西安'],
    });
    expect(normalizeLocations(['不限']).keys).toEqual([]);
  });
});

describe('posting rules', () => {
  const base = {
    title: ' 飞行器结构设计师 ',
    employer: '某航天研究院',
    industry: 'aerospace' as const,
    locations: ['西安市', '全国'],
    majors: ['飞行器设计', ' 飞行器设计 ', '力学'],
    description: '负责结构设计。',
  };
  const future = new Date('2030-01-01T00:00:00Z');
  const now = new Date('2026-06-01T00:00:00Z');

  it('infers the apply method from the target given', () => {
    expect(inferApplyMethod({ applyUrl: 'https://x' })).toBe(ApplyMethod.Link);
    expect(inferApplyMethod({ applyEmail: 'hr@x.cn' })).toBe(ApplyMethod.Email);
    expect(inferApplyMethod({ applyAddress: '大学生活动中心' })).toBe(ApplyMethod.OnSite);
    expect(inferApplyMethod({ applyUrl: '  ' })).toBeNull();
    expect(inferApplyMethod({ applyMethod: ApplyMethod.Email, applyUrl: 'https://x' })).toBe(
      ApplyMethod.Email,
    );
  });

  it('normalizes text, lists and defaults', () => {
    const posting = toPosting({ ...base, applyUrl: 'https://jobs.example.cn' }, future);
    expect(posting).toMatchObject({
      title: '飞行器结构设计师',
      employerType: 'other',
      keySectors: [],
      locations: ['西安市'],
      locationKeys: ['西安'],
      majors: ['飞行器设计', '力学'],
      degree: null,
      applyMethod: ApplyMethod.Link,
    });
  });

  it('finds salary, deadline and apply-target problems', () => {
    const posting = toPosting(
      { ...base, salaryMin: 12_000, salaryMax: 8000, applyMethod: ApplyMethod.Email },
      new Date('2026-05-01T00:00:00Z'),
    );
    expect(postingProblems(posting, { now, deadlineChanged: true, applyMethodGiven: true })).toEqual([
      { field: 'salaryMax', code: ImportErrorCode.SalaryRange },
      { field: 'deadline', code: ImportErrorCode.DeadlinePassed },
      { field: 'applyEmail', code: ImportErrorCode.ApplyTargetMissing },
    ]);
    expect(postingProblems(posting, { now, deadlineChanged: false, applyMethodGiven: false })).toEqual([
      { field: 'salaryMax', code: ImportErrorCode.SalaryRange },
      { field: 'applyMethod', code: ImportErrorCode.ApplyTargetMissing },
    ]);
  });
});
