import { describe, expect, it } from '@jest/globals';
import { type ExceptionInput, generateSlots, type WeeklyRuleInput } from './slot-generator';
import { isoInZone } from './slot-time';

const rule = (overrides: Partial<WeeklyRuleInput> = {}): WeeklyRuleInput => ({
  weekday: 1,
  startTime: '09:00',
  endTime: '11:00',
  slotMinutes: 30,
  bufferMinutes: 0,
  capacity: 1,
  mode: 'in_person',
  location: null,
  title: null,
  ...overrides,
});

const exception = (overrides: Partial<ExceptionInput>): ExceptionInput => ({
  date: '2026-11-30',
  kind: 'unavailable',
  startTime: null,
  endTime: null,
  slotMinutes: null,
  capacity: null,
  mode: null,
  location: null,
  title: null,
  ...overrides,
});

const shanghai = (overrides: Partial<Parameters<typeof generateSlots>[0]> = {}) =>
  generateSlots({
    rules: [rule()],
    exceptions: [],
    closedDates: new Set(),
    from: '2026-11-30',
    to: '2026-12-06',
    timeZone: 'Asia/Shanghai',
    ...overrides,
  });

const starts = (slots: ReturnType<typeof generateSlots>, zone = 'Asia/Shanghai') =>
  slots.map((slot) => isoInZone(slot.startsAt, zone));

describe(generateSlots.name, () => {
  it('cuts a weekly block into slots on its weekday, in the center zone, stored as UTC instants', () => {
    const slots = shanghai();
    expect(starts(slots)).toEqual([
      '2026-11-30T09:00:00+08:00',
      '2026-11-30T09:30:00+08:00',
      '2026-11-30T10:00:00+08:00',
      '2026-11-30T10:30:00+08:00',
    ]);
    expect(slots[0].startsAt.toISOString()).toBe('2026-11-30T01:00:00.000Z');
    expect(slots[0].endsAt.toISOString()).toBe('2026-11-30T01:30:00.000Z');
  });

  it('leaves the buffer between slots and never lets a slot run past the block', () => {
    const slots = shanghai({ rules: [rule({ slotMinutes: 45, bufferMinutes: 15, endTime: '11:30' })] });
    expect(starts(slots)).toEqual(['2026-11-30T09:00:00+08:00', '2026-11-30T10:00:00+08:00']);
  });

  it('repeats every week and keeps capacity, mode, location and title for group sessions', () => {
    const workshop = rule({
      weekday: 3,
      startTime: '14:00',
      endTime: '16:00',
      slotMinutes: 120,
      capacity: 20,
      mode: 'online',
      location: '线上会议',
      title: '简历工作坊',
    });
    const slots = shanghai({ rules: [workshop], to: '2026-12-13' });
    expect(starts(slots)).toEqual(['2026-12-02T14:00:00+08:00', '2026-12-09T14:00:00+08:00']);
    expect(slots[0]).toMatchObject({
      capacity: 20,
      mode: 'online',
      location: '线上会议',
      title: '简历工作坊',
    });
  });

  it('skips center closures and whole days of leave, and the hours of partial leave', () => {
    expect(shanghai({ closedDates: new Set(['2026-11-30']) })).toEqual([]);
    expect(shanghai({ exceptions: [exception({})] })).toEqual([]);
    const partial = shanghai({ exceptions: [exception({ startTime: '09:15', endTime: '10:00' })] });
    expect(starts(partial)).toEqual(['2026-11-30T10:00:00+08:00', '2026-11-30T10:30:00+08:00']);
  });

  it('adds extra hours on a date, and they win over a weekly slot at the same time', () => {
    const slots = shanghai({
      exceptions: [
        exception({
          date: '2026-12-05',
          kind: 'extra',
          startTime: '10:00',
          endTime: '11:00',
          slotMinutes: 60,
        }),
        exception({ kind: 'extra', startTime: '09:00', endTime: '09:30', slotMinutes: 30, capacity: 5 }),
      ],
    });
    expect(starts(slots)).toContain('2026-12-05T10:00:00+08:00');
    expect(
      slots.find((slot) => isoInZone(slot.startsAt, 'Asia/Shanghai').startsWith('2026-11-30T09:00'))
        ?.capacity,
    ).toBe(5);
    expect(slots).toHaveLength(5);
  });

  it('keeps local wall times across a daylight saving change and skips a time that does not exist', () => {
    const zone = 'America/New_York';
    // Clocks go forward on Sunday 2026-03-08 at 02:00 and back on Sunday 2026-11-01 at 02:00.
    const sunday = rule({ weekday: 7, startTime: '01:00', endTime: '04:00', slotMinutes: 60 });
    const spring = generateSlots({
      rules: [sunday],
      exceptions: [],
      closedDates: new Set(),
      from: '2026-03-01',
      to: '2026-03-08',
      timeZone: zone,
    });
    expect(starts(spring, zone)).toEqual([
      '2026-03-01T01:00:00-05:00',
      '2026-03-01T02:00:00-05:00',
      '2026-03-01T03:00:00-05:00',
      '2026-03-08T01:00:00-05:00',
      '2026-03-08T03:00:00-04:00',
    ]);

    const autumn = generateSlots({
      rules: [rule({ weekday: 7, startTime: '09:00', endTime: '10:00', slotMinutes: 60 })],
      exceptions: [],
      closedDates: new Set(),
      from: '2026-10-25',
      to: '2026-11-01',
      timeZone: zone,
    });
    expect(autumn.map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-10-25T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
    ]);
    expect(starts(autumn, zone)).toEqual(['2026-10-25T09:00:00-04:00', '2026-11-01T09:00:00-05:00']);
  });

  it('has no daylight saving surprises in Asia/Shanghai all year', () => {
    const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) =>
      rule({ weekday, startTime: '08:00', endTime: '08:30' }),
    );
    const slots = generateSlots({
      rules: everyDay,
      exceptions: [],
      closedDates: new Set(),
      from: '2026-01-01',
      to: '2026-12-31',
      timeZone: 'Asia/Shanghai',
    });
    expect(slots).toHaveLength(365);
    expect(
      slots.every((slot) => slot.startsAt.getUTCHours() === 0 && slot.startsAt.getUTCMinutes() === 0),
    ).toBe(true);
  });
});
