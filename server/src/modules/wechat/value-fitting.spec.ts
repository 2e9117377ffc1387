import { describe, expect, it } from '@jest/globals';
import { characterCount, fitValue, normalizeText, truncate } from './value-fitting';

const SHANGHAI = 'Asia/Shanghai';
const isWellFormed = (text: string) => {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
};

describe(fitValue.name, () => {
  describe('thing (20 characters)', () => {
    it('keeps a value that fits as it is', () => {
      expect(fitValue('thing', '生涯规划咨询', SHANGHAI)).toBe('生涯规划咨询');
      expect(fitValue('thing', '一二三四五六七八九十一二三四五六七八九十', SHANGHAI)).toHaveLength(20);
    });

    it('cuts a long value to 20 characters ending in an ellipsis', () => {
      const fitted = fitValue('thing', '中国航天科技集团有限公司第五研究院2027届校园招聘', SHANGHAI);
      expect(characterCount(fitted)).toBe(20);
      expect(fitted).toBe('中国航天科技集团有限公司第五研究院20…');
    });

    it('counts an emoji outside the BMP as one character and never splits its surrogate pair', () => {
      const value = `${'职'.repeat(18)}😀😀😀`;
      const fitted = fitValue('thing', value, SHANGHAI);
      expect(characterCount(fitted)).toBeLessThanOrEqual(20);
      expect(fitted).toBe(`${'职'.repeat(18)}😀…`);
      expect(isWellFormed(fitted)).toBe(true);
    });

    it('keeps a multi-code-point emoji (family, flag, skin tone) whole or drops it whole', () => {
      const family = '👨‍👩‍👧';
      expect(characterCount(family)).toBe(5);
      const fitted = fitValue('thing', `${'岗'.repeat(16)}${family}位`, SHANGHAI);
      expect(fitted).toBe(`${'岗'.repeat(16)}…`);
      const flag = '🇨🇳';
      expect(fitValue('thing', `${'岗'.repeat(17)}${flag}`, SHANGHAI)).toBe(`${'岗'.repeat(17)}${flag}`);
      expect(fitValue('thing', `${'岗'.repeat(18)}${flag}${flag}`, SHANGHAI)).toBe(`${'岗'.repeat(18)}…`);
      const thumbs = '👍🏽';
      expect(fitValue('thing', `${'a'.repeat(17)}${thumbs}bb`, SHANGHAI)).toBe(`${'a'.repeat(17)}${thumbs}…`);
    });

    it('replaces lone surrogates, collapses line breaks and trims', () => {
      expect(fitValue('thing', '  面试\n\t准备 \uD800 ', SHANGHAI)).toBe('面试 准备 \uFFFD');
    });

    it('sends a placeholder instead of an empty value, which WeChat rejects', () => {
      expect(fitValue('thing', '   ', SHANGHAI)).toBe('-');
      expect(fitValue('thing', null, SHANGHAI)).toBe('-');
      expect(fitValue('phrase', undefined, SHANGHAI)).toBe('无');
    });
  });

  it('fits a name to 10 Chinese characters or 20 letters, without an ellipsis', () => {
    expect(fitValue('name', '欧阳娜娜娜娜娜娜娜娜娜娜', SHANGHAI)).toBe('欧阳娜娜娜娜娜娜娜娜');
    expect(fitValue('name', 'Alexandra Konstantinopoulou', SHANGHAI)).toBe('Alexandra Konstantin');
  });

  it('fits a phrase to 5 characters', () => {
    expect(fitValue('phrase', '预约已确认成功', SHANGHAI)).toBe('预约已确认');
  });

  it('keeps only what character_string, number, letter, symbol and phone_number allow', () => {
    expect(fitValue('character_string', 'AB-12 中文 x'.repeat(5), SHANGHAI)).toBe(
      'AB-12xAB-12xAB-12xAB-12xAB-12x',
    );
    expect(fitValue('character_string', 'Z'.repeat(40), SHANGHAI)).toHaveLength(32);
    expect(fitValue('number', 1234.5, SHANGHAI)).toBe('1234.5');
    expect(fitValue('number', '共 12 条', SHANGHAI)).toBe('12');
    expect(fitValue('letter', 'abc123DEF', SHANGHAI)).toBe('abcDEF');
    expect(fitValue('symbol', '!?#$%^&*', SHANGHAI)).toBe('!?#$%');
    expect(fitValue('phone_number', '电话 010-6278 1234 转 5', SHANGHAI)).toBe('010-6278 1234 5');
    expect(fitValue('amount', 88, SHANGHAI)).toBe('¥88.00');
  });

  describe('time and date', () => {
    const instant = new Date('2026-11-26T16:05:00Z');

    it('writes an instant in the center time zone, crossing midnight correctly', () => {
      expect(fitValue('time', instant, SHANGHAI)).toBe('2026年11月27日 00:05');
      expect(fitValue('time', instant.toISOString(), SHANGHAI)).toBe('2026年11月27日 00:05');
      expect(fitValue('time', '2026-11-26T16:05:00+00:00', 'UTC')).toBe('2026年11月26日 16:05');
      expect(fitValue('date', instant, SHANGHAI)).toBe('2026年11月27日');
      expect(fitValue('date', instant, 'America/Los_Angeles')).toBe('2026年11月26日');
    });

    it('takes a calendar date as it is, without a time zone shift', () => {
      expect(fitValue('date', '2026-12-01', 'America/Los_Angeles')).toBe('2026年12月01日');
    });

    it('passes a preformatted time range through', () => {
      expect(fitValue('time', '14:00~15:00', SHANGHAI)).toBe('14:00~15:00');
    });
  });
});

describe(truncate.name, () => {
  it('never returns more code points than allowed', () => {
    const samples = ['😀'.repeat(30), 'é'.normalize('NFD').repeat(30), '𠀀'.repeat(30), 'ab👩🏽‍💻'.repeat(10)];
    for (const sample of samples) {
      for (const max of [1, 2, 5, 10, 20]) {
        const cut = truncate(sample, max);
        expect(characterCount(cut)).toBeLessThanOrEqual(max);
        expect(isWellFormed(cut)).toBe(true);
      }
    }
  });
});

describe(normalizeText.name, () => {
  it('keeps ordinary text unchanged', () => {
    expect(normalizeText('简历修改 Resume')).toBe('简历修改 Resume');
  });
});
