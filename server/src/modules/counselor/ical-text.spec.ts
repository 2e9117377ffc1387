import { describe, expect, it } from '@jest/globals';
import { icsText } from './ical-text';

describe(icsText.name, () => {
  it('removes NUL and other control characters, keeping tabs and line breaks', () => {
    expect(icsText('李\u0000同\u0007学\u007F\r')).toBe('李同学');
    expect(icsText('主题：简历\n学生：李同学\t')).toBe('主题：简历\n学生：李同学\t');
  });

  it('turns U+2028 and U+2029 into plain line breaks', () => {
    expect(icsText('第一行\u2028第二行\u2029第三行')).toBe('第一行\n第二行\n第三行');
  });

  it('leaves ordinary text alone', () => {
    expect(icsText('Résumé review · 王老师 🎓')).toBe('Résumé review · 王老师 🎓');
  });
});
