import { describe, expect, it } from '@jest/globals';
import { weeklyRuleProblems } from './availability.service';
import type { WeeklyRuleInputDto } from './dto/availability.dto';

const rule = (overrides: Partial<WeeklyRuleInputDto> = {}): WeeklyRuleInputDto =>
  Object.assign(
    {
      weekday: 1,
      startTime: '09:00',
      endTime: '11:00',
      slotMinutes: 30,
      bufferMinutes: 0,
      capacity: 1,
      mode: 'in_person',
      location: null,
      title: null,
    } satisfies WeeklyRuleInputDto,
    overrides,
  );

describe(weeklyRuleProblems.name, () => {
  it('accepts blocks on different days, or one after another on the same day', () => {
    expect(
      weeklyRuleProblems([rule(), rule({ weekday: 2 }), rule({ startTime: '11:00', endTime: '12:00' })]),
    ).toEqual([]);
  });

  it('names a block that ends before it starts or fits no slot', () => {
    expect(weeklyRuleProblems([rule({ startTime: '11:00', endTime: '10:00' })]).map((p) => p.field)).toEqual([
      'rules.0.endTime',
    ]);
    expect(weeklyRuleProblems([rule({ endTime: '09:20' })]).map((p) => p.field)).toEqual([
      'rules.0.slotMinutes',
    ]);
  });

  it('names the later of two overlapping blocks on one day', () => {
    expect(
      weeklyRuleProblems([rule(), rule({ weekday: 3 }), rule({ startTime: '10:30', endTime: '12:00' })]).map(
        (p) => p.field,
      ),
    ).toEqual(['rules.2.startTime']);
  });
});
