import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@careerside/shared';
import { checkJsonLimits } from './json-body';

const LIMITS = { maxDepth: 4, maxArrayLength: 3, maxItems: 20, maxStringLength: 5 };

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
};

describe(checkJsonLimits.name, () => {
  it('passes a body within every limit', () => {
    expect(checkJsonLimits({ name: 'abcde', tags: ['a', 'b', 'c'], n: { deep: { x: 1 } } }, LIMITS)).toBe(
      null,
    );
  });

  it.each([
    ['a list too long', { name: [1, 1, 1, 1] }, 'name', 'bodyMaxArrayLength'],
    ['a string too long', { p: { name: 'abcdef' } }, 'p.name', 'bodyMaxStringLength'],
    ['a key too long', { abcdef: 1 }, 'body', 'bodyMaxStringLength'],
    ['nesting too deep', { rules: [{ a: { b: {} } }] }, 'rules.0.a.b', 'bodyMaxDepth'],
    [
      'too many values in all',
      { a: [1, 2, 3], b: [1, 2, 3], c: [1, 2, 3], d: [1, 2, 3], e: [1, 2, 3] },
      'body',
      'bodyMaxItems',
    ],
  ])('refuses %s, naming the field', (_, body, field, constraint) => {
    const refused = checkJsonLimits(body, LIMITS);
    expect(refused?.code).toBe(ErrorCode.BodyTooComplex);
    expect(refused?.getStatus()).toBe(400);
    expect(refused?.details).toEqual([expect.objectContaining({ field, constraint })]);
  });

  it('walks a body nested 200,000 deep without overflowing the stack', () => {
    const refused = checkJsonLimits({ x: nested(200_000) }, { ...LIMITS, maxItems: 10_000_000 });
    expect(refused?.details?.[0]?.constraint).toBe('bodyMaxDepth');
  });

  it('stops at the first value over a limit instead of walking the rest', () => {
    const huge = { first: 'too long', rest: Array.from({ length: 100_000 }, () => 'x') };
    const refused = checkJsonLimits(huge, { ...LIMITS, maxArrayLength: 1_000_000, maxItems: 10_000_000 });
    expect(refused?.details?.[0]?.field).toBe('first');
  });
});
