import { describe, expect, it } from '@jest/globals';
import { parseScanned, parseScene } from './scan-target';

describe(parseScanned.name, () => {
  it.each([
    [
      'https://careers.example.edu.cn/subpackages/booking/pages/advisor/index?id=advisor-1',
      { kind: 'advisor', ref: 'advisor-1' },
    ],
    [
      'http://localhost:3000/subpackages/booking/pages/advisor/index?id=advisor%2D7&x=1',
      { kind: 'advisor', ref: 'advisor-7' },
    ],
    ['subpackages/booking/pages/advisor/index?scene=a%3DWANG8K', { kind: 'advisor', ref: 'WANG8K' }],
    ['/subpackages/booking/pages/advisor/index?scene=a=LI3MQR', { kind: 'advisor', ref: 'LI3MQR' }],
    ['https://careers.example.edu.cn/pages/booking/index', { kind: 'center' }],
    ['wang8k', { kind: 'advisor', ref: 'WANG8K' }],
  ])('reads %s', (text, target) => {
    expect(parseScanned(text)).toEqual(target);
  });

  it.each([
    '',
    'https://evil.example.com/x?id=1',
    'subpackages/booking/pages/advisor/index',
    'hello world',
    'subpackages/booking/pages/advisor/index?id=%E0%A4%A',
  ])('ignores %j', (text) => {
    expect(parseScanned(text)).toBeNull();
  });
});

describe(parseScene.name, () => {
  it('reads advisor and center scenes, encoded or not', () => {
    expect(parseScene('a%3DZHAO5T')).toEqual({ kind: 'advisor', ref: 'ZHAO5T' });
    expect(parseScene('c=1')).toEqual({ kind: 'center' });
    expect(parseScene('b=1')).toBeNull();
    expect(parseScene(undefined)).toBeNull();
  });
});
