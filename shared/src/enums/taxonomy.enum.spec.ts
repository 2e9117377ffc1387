import { describe, expect, it } from '@jest/globals';
import { KEY_SECTORS, TAXONOMIES, isTaxonomyCode, taxonomyCodes } from './taxonomy.enum';

describe('taxonomies', () => {
  it.each(Object.entries(TAXONOMIES))('%s has unique snake_case codes and both labels', (_, entries) => {
    const codes = taxonomyCodes(entries);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of entries) {
      expect(entry.code).toMatch(/^[a-z][a-z_]*$/);
      expect(entry.label['zh-CN'].length).toBeGreaterThan(0);
      expect(entry.label['en-US'].length).toBeGreaterThan(0);
    }
  });

  it('names the key national sectors the center reports on', () => {
    expect(taxonomyCodes(KEY_SECTORS)).toEqual(
      expect.arrayContaining([
        'aerospace',
        'defence',
        'energy',
        'integrated_circuits',
        'advanced_manufacturing',
        'agriculture',
        'education_grassroots_west',
      ]),
    );
  });

  it('recognises only its own codes', () => {
    expect(isTaxonomyCode(KEY_SECTORS, 'energy')).toBe(true);
    expect(isTaxonomyCode(KEY_SECTORS, 'ENERGY')).toBe(false);
    expect(isTaxonomyCode(KEY_SECTORS, 42)).toBe(false);
  });
});
