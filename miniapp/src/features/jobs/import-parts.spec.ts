import { describe, expect, it } from '@jest/globals';
import type { ImportJobsResponse } from '@careerside/shared';
import { addImportPart, importedRows } from './import-parts';

const part = (overrides: Partial<ImportJobsResponse>): ImportJobsResponse => ({
  dryRun: false,
  totalRows: 250,
  validRows: 250,
  offset: 0,
  nextOffset: 100,
  created: 100,
  duplicates: 0,
  published: 0,
  errors: [],
  jobIds: ['a'],
  ...overrides,
});

describe('import parts', () => {
  it('adds up the counts of every part and keeps where the file stands', () => {
    const first = part({});
    const second = part({
      offset: 100,
      nextOffset: 200,
      created: 98,
      duplicates: 2,
      published: 98,
      jobIds: ['b'],
    });
    const third = part({ offset: 200, nextOffset: null, created: 50, jobIds: ['c'] });
    const sum = [first, second, third].reduce<ImportJobsResponse | null>(addImportPart, null);
    expect(sum).toMatchObject({
      offset: 0,
      nextOffset: null,
      created: 248,
      duplicates: 2,
      published: 98,
      jobIds: ['a', 'b', 'c'],
    });
    expect(importedRows(addImportPart(first, second))).toBe(200);
    expect(importedRows(sum as ImportJobsResponse)).toBe(250);
  });
});
