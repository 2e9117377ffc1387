import { describe, expect, it } from '@jest/globals';
import { containsPattern, normalizeSearchText, postingSearchText, searchTerms } from './search-text';

describe('keyword search', () => {
  it('folds full-width forms and case, and collapses whitespace', () => {
    expect(normalizeSearchText('  ＩＣ设计\t工程师　２０２６ ')).toBe('ic设计 工程师 2026');
    expect(normalizeSearchText('FPGA Engineer')).toBe('fpga engineer');
  });

  it('splits the search box into distinct words, at most five', () => {
    expect(searchTerms('航天  结构 航天')).toEqual(['航天', '结构']);
    expect(searchTerms('a b c d e f g')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
  });

  it('escapes LIKE wildcards and the escape character itself', () => {
    expect(containsPattern('100%')).toBe('%100!%%');
    expect(containsPattern('a_b')).toBe('%a!_b%');
    expect(containsPattern('wow!')).toBe('%wow!!%');
    expect(containsPattern('集成电路')).toBe('%集成电路%');
  });

  it('searches title, employer, majors and description together', () => {
    expect(
      postingSearchText({
        title: '电网调度 Engineer',
        employer: '国网某省电力公司',
        majors: ['电气工程', '自动化'],
        description: '负责ＳＣＡＤＡ系统运维',
      }),
    ).toBe('电网调度 engineer 国网某省电力公司 电气工程 自动化 负责scada系统运维');
  });
});
