import { describe, expect, it } from '@jest/globals';
import { Locale } from '../enums/locale.enum';
import { ErrorCode } from './error-code';
import { ERROR_MESSAGES, VALIDATION_MESSAGES, errorMessage, fillTemplate } from './error-messages';

describe('error messages', () => {
  it.each(Object.values(ErrorCode))('%s has a message in both locales', (code) => {
    const text = ERROR_MESSAGES[code];
    // METHOD_NOT_ALLOWED and the like are for developers: their own message names the route.
    const developerOnly: string[] = ['METHOD_NOT_ALLOWED', 'BAD_REQUEST', 'CONFLICT'];
    if (developerOnly.includes(code)) return;
    expect(text?.[Locale.ZhCN]).toBeTruthy();
    expect(text?.[Locale.EnUS]).toBeTruthy();
  });

  it('uses the same placeholders in both locales', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const text of [...Object.values(ERROR_MESSAGES), ...Object.values(VALIDATION_MESSAGES)]) {
      expect(placeholders(text[Locale.EnUS])).toEqual(placeholders(text[Locale.ZhCN]));
    }
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fillTemplate('不能小于 {n}', { n: 2000 })).toBe('不能小于 2000');
    expect(fillTemplate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('answers in the asked locale', () => {
    expect(errorMessage(ErrorCode.Forbidden, Locale.ZhCN)).toBe('没有权限进行此操作');
    expect(errorMessage(ErrorCode.Forbidden, Locale.EnUS)).toBe('You are not allowed to do this');
    expect(errorMessage(ErrorCode.MethodNotAllowed, Locale.EnUS)).toBeUndefined();
    expect(errorMessage(ErrorCode.RouteNotFound, Locale.ZhCN, { method: 'POST', path: '/api/x' })).toBe(
      '没有这个接口：POST /api/x',
    );
  });
});
