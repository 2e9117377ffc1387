import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, type ErrorBody, type SlotListResponse } from '@careerside/shared';
import { addDays, zonedDate } from '../../src/common/time/zoned-time';
import type { AdvisorEntity } from '../../src/modules/advisors/advisor.entity';
import { advisorFactory } from '../factories/booking.factory';
import type { ApiClient, ApiResponse } from '../support/api-client';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

// Before: 9999-12-31 reached zoned-time's addDays and answered 500; 0001-01-01 was read as 1901.
const OUT_OF_RANGE = ['9999-12-31', '0000-01-01', '0099-12-31', '1999-12-31', '2101-01-01', '2026-02-30'];

describe('date parameters', () => {
  let t: TestApp;
  let advisor: AdvisorEntity;
  let counselor: ApiClient;
  let admin: ApiClient;
  let student: ApiClient;
  const today = () => zonedDate(new Date(), 'Asia/Shanghai');

  beforeAll(async () => {
    t = await startTestApp();
    advisor = await advisorFactory.create(t.dataSource, { name: '王老师' });
    counselor = (await signIn(t.api, 'counselor', { advisorId: advisor.id })).api;
    admin = (await signIn(t.api, 'admin')).api;
    student = (await signIn(t.api, 'student')).api;
  });
  afterAll(() => t.close());

  function expectDateRefused(response: ApiResponse<ErrorBody>, field: string) {
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(ErrorCode.ValidationFailed);
    expect(response.body.details).toEqual([
      {
        field,
        constraint: 'isCalendarDate',
        message: `${field} must be a date YYYY-MM-DD from year 2000 to 2100`,
      },
    ]);
  }
  const english = { headers: { 'accept-language': 'en-US' } };

  describe.each(OUT_OF_RANGE)('%s', (date) => {
    it('is refused by the counselor day and week views', async () => {
      expectDateRefused(await counselor.get<ErrorBody>(`counselor/schedule?date=${date}`, english), 'date');
      expectDateRefused(await counselor.get<ErrorBody>(`counselor/week?date=${date}`, english), 'date');
    });

    it('is refused as a day of time off and of extra hours', async () => {
      const timeOff = await counselor.post<ErrorBody>(
        'counselor/time-off',
        { date, startTime: null, endTime: null },
        english,
      );
      expectDateRefused(timeOff, 'date');
      const extra = await counselor.post<ErrorBody>(
        'counselor/extra-hours',
        { date, startTime: '18:00', endTime: '20:00', slotMinutes: 30, mode: 'in_person' },
        english,
      );
      expectDateRefused(extra, 'date');
    });

    it('is refused by slot listings, exceptions, closures and staff statistics', async () => {
      expectDateRefused(
        await student.get<ErrorBody>(`advisors/${advisor.id}/slots?from=${date}`, english),
        'from',
      );
      expectDateRefused(
        await student.get<ErrorBody>(`advisors/${advisor.id}/slots?to=${date}`, english),
        'to',
      );
      const closure = await admin.post<ErrorBody>('closures', { date, reason: '元旦' }, english);
      expectDateRefused(closure, 'date');
      const stats = await admin.get<ErrorBody>(`admin/counselors/stats?from=${date}&to=2026-12-31`, english);
      expectDateRefused(stats, 'from');
    });
  });

  it('answers in Chinese by default, naming the accepted years', async () => {
    const response = await counselor.get<ErrorBody>('counselor/schedule?date=9999-12-31');
    expect(response.status).toBe(400);
    expect(response.body.details?.[0]?.message).toBe('必须是 2000 至 2100 年之间的日期（如 2026-12-31）');
  });

  it('still serves a date at the edges of the range', async () => {
    expect((await counselor.get(`counselor/schedule?date=2100-12-31`)).status).toBe(200);
    expect((await counselor.get(`counselor/week?date=2000-01-01`)).status).toBe(200);
  });

  it('refuses from after to on a slot listing with 400 naming to', async () => {
    const from = addDays(today(), 5);
    const to = addDays(today(), 2);
    const response = await student.get<ErrorBody>(
      `advisors/${advisor.id}/slots?from=${from}&to=${to}`,
      english,
    );
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { field: 'to', constraint: 'isNotBeforeFrom', message: 'to must not be before from' },
    ]);
    const same = await student.get<SlotListResponse>(`advisors/${advisor.id}/slots?from=${to}&to=${to}`);
    expect(same.status).toBe(200);
  });

  it('refuses from after to on staff statistics', async () => {
    const response = await admin.get<ErrorBody>('admin/counselors/stats?from=2026-12-31&to=2026-12-01');
    expect(response.status).toBe(400);
    expect(response.body.details?.map((detail) => detail.field)).toEqual(['to']);
  });

  it('refuses a delivery-statistics start outside the years', async () => {
    const response = await admin.get<ErrorBody>(
      'admin/notifications/stats?since=9999-12-31T00:00:00Z',
      english,
    );
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      expect.objectContaining({ field: 'since', constraint: 'isDateTimeInRange' }),
    ]);
  });
});
