import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AdvisorDto,
  AuthResponse,
  Collection,
  CounselorScheduleResponse,
  SlotListResponse,
} from '@careerside/shared';
import { demoCounselorDay } from '../../src/database/seeds/counselor.seed';
import { startTestApp, type TestApp } from '../support/test-app';

describe('booking demo data', () => {
  let t: TestApp;
  let student: AuthResponse;

  beforeAll(async () => {
    t = await startTestApp({ env: { SEED_DEMO: 'true' } });
    student = (await t.api.post<AuthResponse>('auth/dev-login', { openid: 'demo-student', role: 'student' }))
      .body;
  });
  afterAll(() => t.close());

  it('has several advisors with one-to-one slots on the coming weekdays and group workshops', async () => {
    const advisors = await t.api.get<Collection<AdvisorDto>>('advisors', { token: student.token });
    expect(advisors.body.items.length).toBeGreaterThanOrEqual(4);
    const wang = advisors.body.items.find((advisor) => advisor.id === 'advisor-1');
    expect(wang).toMatchObject({ name: '王老师', shortCode: 'WANG8K' });
    expect(wang?.nextAvailableAt).not.toBeNull();

    const slots = await t.api.get<SlotListResponse>('advisors/advisor-1/slots', { token: student.token });
    const oneToOne = slots.body.items.filter((slot) => slot.capacity === 1);
    expect(oneToOne.length).toBeGreaterThan(20);
    const weekdays = new Set(
      oneToOne.map((slot) => new Date(`${slot.startsAt.slice(0, 10)}T12:00:00Z`).getUTCDay()),
    );
    expect([...weekdays].every((day) => day >= 1 && day <= 5)).toBe(true);

    const workshops = await Promise.all(
      ['advisor-2', 'advisor-4'].map((id) =>
        t.api.get<SlotListResponse>(`advisors/${id}/slots`, { token: student.token }),
      ),
    );
    const groups = workshops.flatMap((response) => response.body.items).filter((slot) => slot.capacity > 1);
    expect(groups.length).toBeGreaterThanOrEqual(2);
    expect(groups[0].title).toBeTruthy();
  });

  it('binds the demo counselor to advisor-1', async () => {
    const counselor = await t.api.post<AuthResponse>('auth/dev-login', {
      openid: 'demo-counselor',
      role: 'counselor',
    });
    expect(counselor.body.user.advisorId).toBe('advisor-1');
    const rules = await t.api.get<Collection<unknown>>('advisors/advisor-1/rules', {
      token: counselor.body.token,
    });
    expect(rules.status).toBe(200);
    expect(rules.body.items.length).toBe(10);
  });

  it('gives the demo counselor a working day with a returning student', async () => {
    const counselor = await t.api.post<AuthResponse>('auth/dev-login', {
      openid: 'demo-counselor',
      role: 'counselor',
    });
    const day = demoCounselorDay(new Date(), 'Asia/Shanghai');
    const schedule = await t.api.get<CounselorScheduleResponse>(`counselor/schedule?date=${day}`, {
      token: counselor.body.token,
    });
    expect(schedule.status).toBe(200);
    expect(
      schedule.body.items.map((item) => [
        item.startsAt.slice(11, 16),
        item.student.name,
        item.earlierSessions,
      ]),
    ).toEqual([
      ['09:00', '李同学', 1],
      ['10:00', '赵同学', 0],
      ['14:00', '陈同学', 0],
    ]);
  });
});
