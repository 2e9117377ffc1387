import { describe, expect, it } from '@jest/globals';
import { validateSync } from 'class-validator';
import { IsCalendarDate, IsNotBeforeFrom, isCalendarDate, isDateTimeInRange } from './calendar-date';

class Range {
  @IsCalendarDate() from: unknown;
  @IsCalendarDate() @IsNotBeforeFrom() to: unknown;
}

const failures = (from: unknown, to: unknown) =>
  validateSync(Object.assign(new Range(), { from, to })).map((error) => [
    error.property,
    Object.keys(error.constraints ?? {}),
  ]);

describe(isCalendarDate.name, () => {
  it.each(['2000-01-01', '2026-02-28', '2028-02-29', '2100-12-31'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    '1999-12-31',
    '2101-01-01',
    '9999-12-31',
    '0000-01-01',
    '0099-06-15',
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-1-01',
    '20260101',
    ' 2026-01-01',
    42,
    null,
  ])('refuses %j', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe(isDateTimeInRange.name, () => {
  it('checks the year of a date-time', () => {
    expect(isDateTimeInRange('2026-11-01T08:00:00+08:00')).toBe(true);
    expect(isDateTimeInRange('9999-12-31T00:00:00Z')).toBe(false);
    expect(isDateTimeInRange('0001-01-01T00:00:00Z')).toBe(false);
  });
});

describe('date range validators', () => {
  it('accepts a range whose end is on or after its start', () => {
    expect(failures('2026-12-01', '2026-12-01')).toEqual([]);
    expect(failures('2026-12-01', '2026-12-31')).toEqual([]);
  });

  it('names `to` when it comes before `from`', () => {
    expect(failures('2026-12-31', '2026-12-01')).toEqual([['to', ['isNotBeforeFrom']]]);
  });

  it('leaves a bad `from` to its own validator', () => {
    expect(failures('9999-12-31', '2026-12-01')).toEqual([['from', ['isCalendarDate']]]);
  });

  it('says which years it accepts', () => {
    const [error] = validateSync(Object.assign(new Range(), { from: '9999-12-31', to: undefined }));
    expect(error.constraints?.isCalendarDate).toBe('from must be a date YYYY-MM-DD from year 2000 to 2100');
  });
});
