import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@careerside/shared';
import { checkJsonLimits } from './json-body';

const LIMITS = { maxDepth: 4, maxArrayLength: 3, maxItems: 20, maxStringLength: 5 };
const check = (body: unknown, limits = LIMITS) => checkJsonLimits(JSON.stringify(body, null, 1), limits);

describe(checkJsonLimits.name, () => {
  it.each([
    ['a body within every limit', { name: 'abcde', tags: ['a', 'b', 'c'], n: { deep: { x: 1 } } }],
    ['scalars of every kind', { a: true, b: false, c: null, d: -1.5e3 }],
    ['escaped quotes and backslashes', { 'k"y': 'a\\"\\', b: ['"', '\\'] }],
    ['escapes that make the text longer than the string', { a: '\n\n\n\n\n' }],
    ['nothing but a scalar', 42],
  ])('passes %s', (_, body) => {
    expect(check(body)).toBe(null);
  });

  it.each([
    ['a list too long', { name: [1, 1, 1, 1] }, 'name', 'bodyMaxArrayLength'],
    ['a list too long at the top', [1, 2, 3, 4], 'body', 'bodyMaxArrayLength'],
    ['a list of objects too long', { r: [{}, {}, { a: 1 }, {}] }, 'r', 'bodyMaxArrayLength'],
    ['a string too long', { p: { name: 'abcdef' } }, 'p.name', 'bodyMaxStringLength'],
    ['a string too long in a list', { p: ['a', 'abcdef'] }, 'p.1', 'bodyMaxStringLength'],
    ['a key too long', { p: { abcdef: 1 } }, 'p', 'bodyMaxStringLength'],
    ['nesting too deep', { rules: [{ a: { b: {} } }] }, 'rules.0.a.b', 'bodyMaxDepth'],
    ['nesting after an earlier sibling', { a: 1, b: [1, [2, [3, [4]]]] }, 'b.1.1.1', 'bodyMaxDepth'],
    [
      'too many values in all',
      { a: [1, 2, 3], b: [1, 2, 3], c: [1, 2, 3], d: [1, 2, 3], e: [1, 2, 3] },
      'body',
      'bodyMaxItems',
    ],
  ])('refuses %s, naming the field', (_, body, field, constraint) => {
    const refused = check(body);
    expect(refused?.code).toBe(ErrorCode.BodyTooComplex);
    expect(refused?.getStatus()).toBe(400);
    expect(refused?.details).toEqual([expect.objectContaining({ field, constraint })]);
  });

  it('names a field whose key has escapes by its decoded name', () => {
    expect(check({ 'a"b': [1, 2, 3, 4] })?.details?.[0]?.field).toBe('a"b');
  });

  it('reads a body nested 200,000 deep without recursion', () => {
    const text = `{"x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const refused = checkJsonLimits(text, { ...LIMITS, maxItems: 10_000_000 });
    expect(refused?.details?.[0]).toEqual(
      expect.objectContaining({ field: 'x.0.0.0', constraint: 'bodyMaxDepth' }),
    );
  });

  it('stops at the first value over a limit, before reading the rest', () => {
    // Everything after the fourth item is not even JSON: the scan never gets there.
    const refused = checkJsonLimits(`{"name":[1,1,1,1,${'x'.repeat(1000)}`, LIMITS);
    expect(refused?.details?.[0]?.field).toBe('name');
  });
});
