import { describe, expect, it } from '@jest/globals';
import { compactAmount, daysLeft, salaryText, splitList } from './job-format';

const words = {
  range: '{min}-{max}/月',
  exact: '{min}/月',
  from: '{min}+/月',
  upTo: '{max}以内/月',
  negotiable: '面议',
};

describe('job formatting', () => {
  it('writes amounts in thousands', () => {
    expect(compactAmount(8000)).toBe('8K');
    expect(compactAmount(12_500)).toBe('12.5K');
    expect(compactAmount(800)).toBe('800');
  });

  it('writes salary ranges, open ends and no salary', () => {
    expect(salaryText(8000, 12_000, words)).toBe('8K-12K/月');
    expect(salaryText(8000, null, words)).toBe('8K+/月');
    expect(salaryText(null, 12_000, words)).toBe('12K以内/月');
    expect(salaryText(10_000, 10_000, words)).toBe('10K/月');
    expect(salaryText(null, null, words)).toBe('面议');
  });

  it('counts the days left to a deadline', () => {
    const now = Date.parse('2026-11-26T00:00:00Z');
    expect(daysLeft('2026-11-28T15:59:59.000Z', now)).toBe(2);
    expect(daysLeft('2026-11-26T10:00:00.000Z', now)).toBe(0);
    expect(daysLeft('2026-11-25T10:00:00.000Z', now)).toBeLessThan(0);
  });

  it('splits typed lists on Chinese and ASCII separators', () => {
    expect(splitList('西安、北京，成都; 上海  西安')).toEqual(['西安', '北京', '成都', '上海']);
    expect(splitList('  ')).toEqual([]);
  });
});
