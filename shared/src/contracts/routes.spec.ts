import { describe, expect, it } from '@jest/globals';
import { routePath } from './routes';
import { resolveLocale } from '../enums/locale.enum';

describe('routePath', () => {
  it('fills and encodes parameters', () => {
    expect(routePath('advisors/:id/slots', { id: 'a b' })).toBe('advisors/a%20b/slots');
  });
  it('refuses a missing parameter', () => {
    expect(() => routePath('advisors/:id')).toThrow('Missing route parameter "id"');
  });
});

describe('resolveLocale', () => {
  it.each([
    ['en-US,en;q=0.9', 'en-US'],
    ['en', 'en-US'],
    ['zh-CN,zh;q=0.9', 'zh-CN'],
    ['', 'zh-CN'],
    [undefined, 'zh-CN'],
    ['fr-FR', 'zh-CN'],
  ])('%s -> %s', (input, expected) => {
    expect(resolveLocale(input)).toBe(expected);
  });
});
