import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
  ApiRoute,
  type AppointmentDto,
  type AppointmentListResponse,
  type AvailabilityExceptionDto,
  type BookingStatusResponse,
  type Collection,
  type CounselorAppointmentDetailResponse,
  type CounselorCalendarFeedResponse,
  type CounselorInviteResponse,
  type CounselorNoteDto,
  CounselorRoute,
  type CounselorScheduleItemDto,
  type CounselorScheduleResponse,
  type CounselorStatsResponse,
  type CounselorSupervisorDto,
  type CounselorTimeOffResponse,
  type CounselorWeekResponse,
  ErrorCode,
  type ErrorBody,
  type NoteAccessLogEntryDto,
  type NotificationListResponse,
  type SlotListResponse,
  type SupervisedNoteDto,
  type SupervisionResponse,
  type UserDto,
  routePath,
} from '@careerside/shared';
import { addDays, zonedDate } from '../../src/common/time/zoned-time';
import { countQueries } from '../../src/database/typeorm-logger';
import type { AdvisorEntity } from '../../src/modules/advisors/advisor.entity';
import { CenterClosureEntity } from '../../src/modules/advisors/center-closure.entity';
import { CounselorAgenda } from '../../src/modules/counselor/counselor-agenda';
import { CounselorService } from '../../src/modules/counselor/counselor.service';
import { instantAt, minutesOfDay } from '../../src/modules/slots/slot-time';
import { UserEntity } from '../../src/modules/users/user.entity';
import { appointmentFactory } from '../factories/appointment.factory';
import { advisorFactory, reloadAppointment, slotFactory } from '../factories/booking.factory';
import { signInStudent } from '../support/booking';
import { eventually, pipelineEnv } from '../support/notifications';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';
import { WechatStandin } from '../support/wechat-standin';

type Session = Awaited<ReturnType<typeof signIn>>;
const TZ = 'Asia/Shanghai';

describe('the counselor workspace', () => {
  let t: TestApp;
  let wechat: WechatStandin;
  let advisorA: AdvisorEntity;
  let advisorB: AdvisorEntity;
  let counselorA: Session;
  let counselorB: Session;
  let admin: Session;
  let student: Session;
  let classmate: Session;
  /** A weekday well ahead, so nothing about it is in the past. */
  let day: string;
  const at = (date: string, time: string) => instantAt(date, minutesOfDay(time), TZ) as Date;

  beforeAll(async () => {
    // WeChat pushes on, against the stand-in, so the morning agenda's subscribe message can be seen.
    wechat = await WechatStandin.start();
    // Quiet hours around the clock: the agenda still goes at once (it is due at the time the counselor chose).
    t = await startTestApp({ env: pipelineEnv(wechat, { QUIET_HOURS: '00:00-23:59' }) });
    advisorA = await advisorFactory.create(t.dataSource, { name: '王老师' });
    advisorB = await advisorFactory.create(t.dataSource, { name: '李老师' });
    counselorA = await signIn(t.api, 'counselor', { name: '王老师', advisorId: advisorA.id });
    counselorB = await signIn(t.api, 'counselor', { name: '李老师', advisorId: advisorB.id });
    admin = await signIn(t.api, 'admin', { name: '周主任' });
    student = await signInStudent(t.api, '李同学');
    classmate = await signInStudent(t.api, '赵同学');
    await t.dataSource
      .getRepository(UserEntity)
      .update({ id: student.user.id }, { major: '软件工程', college: '计算机学院' });
    day = addDays(zonedDate(new Date(), TZ), 10);
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  const schedule = (session: Session, date: string) =>
    session.api.get<CounselorScheduleResponse & ErrorBody>(`${CounselorRoute.schedule}?date=${date}`);

  describe('the day view', () => {
    let first: string;
    let second: string;

    beforeAll(async () => {
      // The student came twice before (one attended, one missed); a cancelled one never counts.
      await appointmentFactory.create(
        t.dataSource,
        advisorA.id,
        student.user.id,
        at(addDays(day, -20), '09:00'),
        {
          status: 'attended',
        },
      );
      await appointmentFactory.create(
        t.dataSource,
        advisorA.id,
        student.user.id,
        at(addDays(day, -15), '09:00'),
        {
          status: 'no_show',
        },
      );
      await appointmentFactory.create(
        t.dataSource,
        advisorA.id,
        student.user.id,
        at(addDays(day, -12), '09:00'),
        {
          status: 'booked',
          checkedInAt: at(addDays(day, -12), '09:00'),
        },
      );
      second = (
        await appointmentFactory.create(t.dataSource, advisorA.id, classmate.user.id, at(day, '14:00'), {
          topic: 'offer_choice',
        })
      ).id;
      first = (
        await appointmentFactory.create(t.dataSource, advisorA.id, student.user.id, at(day, '09:30'), {
          topic: 'job_search',
          note: '想看看简历',
        })
      ).id;
      // Another advisor's appointment on the same day stays out of A's view.
      await appointmentFactory.create(t.dataSource, advisorB.id, classmate.user.id, at(day, '10:00'));
    });

    it('lists the day in time order with the student, the topic and note, mode and place, and earlier sessions', async () => {
      const response = await schedule(counselorA, day);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ date: day, closure: null, onLeave: false });
      expect(response.body.items.map((item) => item.appointmentId)).toEqual([first, second]);
      expect(response.body.items[0]).toMatchObject({
        startsAt: `${day}T09:30:00+08:00`,
        status: 'booked',
        checkedInAt: null,
        topic: 'job_search',
        note: '想看看简历',
        mode: 'in_person',
        location: advisorA.location,
        student: {
          id: student.user.id,
          name: '李同学',
          college: '计算机学院',
          major: '软件工程',
          degree: 'bachelor',
          graduationYear: 2027,
        },
        earlierSessions: 2,
        lastNote: null,
      } satisfies Partial<CounselorScheduleItemDto>);
      expect(response.body.items[1]).toMatchObject({ earlierSessions: 0, student: { name: '赵同学' } });
    });

    it('takes at most 3 SQL statements, notes included', async () => {
      const note = await counselorA.api.post<CounselorNoteDto>(
        routePath(CounselorRoute.notes, { id: first }),
        {
          text: '上次聊过考研还是就业',
        },
      );
      expect(note.status).toBe(201);
      const service = t.app.get(CounselorService);
      const user = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: counselorA.user.id });
      const { result, queries } = await countQueries(() => service.schedule(user, day));
      expect(result.items[0].lastNote?.text).toBe('上次聊过考研还是就业');
      expect(queries).toBeGreaterThanOrEqual(3);
      expect(queries).toBeLessThanOrEqual(3);
      const empty = await countQueries(() => service.schedule(user, addDays(day, 1)));
      expect(empty.queries).toBe(1);
      // The HTTP answer reports its own count.
      const response = await schedule(counselorA, day);
      expect(Number(response.headers.get('x-db-queries'))).toBeLessThanOrEqual(3);
    });

    it('shows an empty day, a holiday, and refuses a date that does not exist', async () => {
      const empty = await schedule(counselorA, addDays(day, 1));
      expect(empty.body).toMatchObject({ items: [], closure: null });
      await t.dataSource.getRepository(CenterClosureEntity).insert({
        id: 'closure-counselor-test',
        date: addDays(day, 2),
        reason: '元旦',
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      expect((await schedule(counselorA, addDays(day, 2))).body.closure).toEqual({ reason: '元旦' });
      const bad = await schedule(counselorA, '2026-02-30');
      expect([bad.status, bad.body.code]).toEqual([400, ErrorCode.ValidationFailed]);
      expect(bad.body.message).toMatch(/date/);
      expect((await schedule(counselorA, 'tomorrow')).status).toBe(400);
    });

    it('gives a week overview with counts per day', async () => {
      const week = await counselorA.api.get<CounselorWeekResponse>(`${CounselorRoute.week}?date=${day}`);
      expect(week.status).toBe(200);
      expect(week.body.days).toHaveLength(7);
      expect(week.body.days.find((entry) => entry.date === day)?.booked).toBe(2);
    });

    it('opens one appointment with notes, history and the reflections the student shared', async () => {
      const detail = await counselorA.api.get<CounselorAppointmentDetailResponse>(
        routePath(CounselorRoute.appointment, { id: first }),
      );
      expect(detail.status).toBe(200);
      expect(detail.body.notes.map((note) => note.text)).toEqual(['上次聊过考研还是就业']);
      expect(detail.body.history.map((entry) => entry.status)).toEqual(['booked', 'no_show', 'attended']);
      expect(detail.body.sharedReflections).toEqual([]);
    });
  });

  describe('attendance', () => {
    it('marks arrival, then no-show (a strike) or completed (the strike taken back)', async () => {
      const startsAt = new Date(Date.now() - 20 * 60_000);
      const appointment = await appointmentFactory.create(
        t.dataSource,
        advisorA.id,
        classmate.user.id,
        startsAt,
      );
      const arrived = await counselorA.api.post<CounselorScheduleItemDto>(
        routePath(CounselorRoute.arrival, { id: appointment.id }),
      );
      expect(arrived.status).toBe(200);
      expect(arrived.body.checkedInAt).not.toBeNull();

      const attendance = (status: string, session = counselorA) =>
        session.api.post<AppointmentDto & ErrorBody>(
          routePath(ApiRoute.booking.attendance, { id: appointment.id }),
          {
            status,
          },
        );
      expect((await attendance('no_show')).body.status).toBe('no_show');
      const standing = () => classmate.api.get<BookingStatusResponse>(ApiRoute.booking.myBookingStatus);
      expect((await standing()).body.strikes.map((strike) => strike.kind)).toEqual(['no_show']);
      expect((await attendance('attended')).body.status).toBe('attended');
      expect((await standing()).body.strikes).toEqual([]);
      expect((await attendance('maybe')).status).toBe(400);
      expect((await attendance('no_show', counselorB)).status).toBe(403);
      expect((await reloadAppointment(t.dataSource, appointment.id)).status).toBe('attended');
    });
  });

  describe('private notes', () => {
    let appointmentId: string;
    const secret = '家庭经济困难，需关注心理状态';

    beforeAll(async () => {
      appointmentId = (
        await appointmentFactory.create(
          t.dataSource,
          advisorA.id,
          student.user.id,
          at(addDays(day, 3), '10:00'),
        )
      ).id;
      const written = await counselorA.api.post<CounselorNoteDto>(
        routePath(CounselorRoute.notes, { id: appointmentId }),
        {
          text: `  ${secret}  `,
        },
      );
      expect(written.status).toBe(201);
      expect(written.body).toMatchObject({ text: secret, authorName: '王老师', appointmentId });
    });

    it('stores only ciphertext', async () => {
      const rows: unknown = await t.dataSource.query('SELECT ciphertext FROM counselor_notes');
      const all = JSON.stringify(rows);
      expect(all).not.toContain(secret);
      expect(all).not.toContain(Buffer.from(secret).toString('base64'));
      expect(all).toMatch(/v1\./);
    });

    it('refuses empty and overlong notes, naming the field', async () => {
      const empty = await counselorA.api.post<ErrorBody>(
        routePath(CounselorRoute.notes, { id: appointmentId }),
        {
          text: '   ',
        },
      );
      expect([empty.status, empty.body.details?.[0]?.field]).toEqual([400, 'text']);
      const long = await counselorA.api.post<ErrorBody>(
        routePath(CounselorRoute.notes, { id: appointmentId }),
        {
          text: 'x'.repeat(2001),
        },
      );
      expect(long.status).toBe(400);
    });

    it('keeps counselor B out of A’s appointments, notes and detail', async () => {
      const path = routePath(CounselorRoute.notes, { id: appointmentId });
      expect((await counselorB.api.get(path)).status).toBe(403);
      expect((await counselorB.api.post(path, { text: 'x' })).status).toBe(403);
      expect(
        (await counselorB.api.get(routePath(CounselorRoute.appointment, { id: appointmentId }))).status,
      ).toBe(403);
      expect(
        (await counselorB.api.post(routePath(CounselorRoute.arrival, { id: appointmentId }))).status,
      ).toBe(403);
      expect(
        (await counselorB.api.get(routePath(CounselorRoute.notes, { id: 'no-such-appointment' }))).status,
      ).toBe(404);
      const bView = await schedule(counselorB, addDays(day, 3));
      expect(bView.body.items).toEqual([]);
    });

    it('never shows notes to the student', async () => {
      const mine = await student.api.get<AppointmentListResponse>(ApiRoute.booking.myAppointments);
      const one = await student.api.get<AppointmentDto>(
        routePath(ApiRoute.booking.appointment, { id: appointmentId }),
      );
      expect(one.status).toBe(200);
      expect(mine.text + one.text).not.toContain(secret);
      expect((await student.api.get(routePath(CounselorRoute.notes, { id: appointmentId }))).status).toBe(
        403,
      );
    });

    it('lets a designated supervisor read them, and logs every read for staff', async () => {
      const supervisor = await signIn(t.api, 'counselor', { name: '督导张老师' });
      const denied = await supervisor.api.get<ErrorBody>(
        `${CounselorRoute.supervisedNotes}?counselorId=${counselorA.user.id}`,
      );
      expect(denied.status).toBe(403);
      const designated = await admin.api.post<CounselorSupervisorDto>(CounselorRoute.admin.supervisors, {
        supervisorId: supervisor.user.id,
        counselorId: counselorA.user.id,
      });
      expect(designated.status).toBe(201);
      const again = await admin.api.post(CounselorRoute.admin.supervisors, {
        supervisorId: supervisor.user.id,
        counselorId: counselorA.user.id,
      });
      expect(again.status).toBe(409);
      expect(
        (
          await admin.api.post<ErrorBody>(CounselorRoute.admin.supervisors, {
            supervisorId: student.user.id,
            counselorId: counselorA.user.id,
          })
        ).status,
      ).toBe(400);
      expect((await supervisor.api.get<SupervisionResponse>(CounselorRoute.supervision)).body.items).toEqual([
        { id: counselorA.user.id, name: '王老师' },
      ]);
      expect((await counselorA.api.get<SupervisionResponse>(CounselorRoute.supervision)).body.items).toEqual(
        [],
      );
      const read = await supervisor.api.get<Collection<SupervisedNoteDto>>(
        `${CounselorRoute.supervisedNotes}?counselorId=${counselorA.user.id}`,
      );
      expect(read.status).toBe(200);
      expect(read.body.items.map((note) => note.text)).toContain(secret);
      // The designation does not reach B's own notes.
      expect(
        (await counselorB.api.get(`${CounselorRoute.supervisedNotes}?counselorId=${counselorA.user.id}`))
          .status,
      ).toBe(403);

      expect(
        (
          await counselorA.api.get<{ items: CounselorNoteDto[] }>(
            routePath(CounselorRoute.notes, { id: appointmentId }),
          )
        ).body.items.map((note) => note.text),
      ).toEqual([secret]);
      const log = await admin.api.get<Collection<NoteAccessLogEntryDto>>(
        `${CounselorRoute.admin.noteAccessLog}?counselorId=${counselorA.user.id}`,
      );
      expect(log.status).toBe(200);
      expect(log.text).not.toContain(secret);
      const vias = log.body.items.map((entry) => `${entry.reader.name}:${entry.via}`);
      expect(vias).toEqual(
        expect.arrayContaining(['督导张老师:supervision', '王老师:appointment', '王老师:schedule']),
      );
      expect((await counselorA.api.get(CounselorRoute.admin.noteAccessLog)).status).toBe(403);

      expect(
        (await admin.api.delete(routePath(CounselorRoute.admin.supervisor, { id: designated.body.id })))
          .status,
      ).toBe(204);
      expect(
        (await supervisor.api.get(`${CounselorRoute.supervisedNotes}?counselorId=${counselorA.user.id}`))
          .status,
      ).toBe(403);
    });
  });

  describe('the calendar feed', () => {
    it('serves RFC 5545 at a secret URL without notes, and rotating revokes the old URL', async () => {
      const feed = await counselorA.api.get<CounselorCalendarFeedResponse>(CounselorRoute.calendarFeed);
      expect(feed.status).toBe(200);
      expect(feed.body.url).toMatch(/\/api\/calendar\/counselors\/[A-Za-z0-9_-]{32}\.ics$/);
      expect(feed.body.webcalUrl).toMatch(/^webcal:\/\//);
      // The same URL again until it is rotated.
      expect(
        (await counselorA.api.get<CounselorCalendarFeedResponse>(CounselorRoute.calendarFeed)).body.url,
      ).toBe(feed.body.url);
      const path = new URL(feed.body.url).pathname;
      const ics = await t.api.get(path);
      // Unfolded (RFC 5545 folds long lines), so text split across a fold is still found.
      const unfolded = ics.text.replace(/\r\n /g, '');
      expect(ics.status).toBe(200);
      expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(ics.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(Math.max(...ics.text.split('\r\n').map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(
        75,
      );
      expect(ics.text).toContain('VERSION:2.0');
      expect(ics.text).toContain('METHOD:PUBLISH');
      expect(ics.text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
      expect(ics.text).toMatch(/UID:appointment-[0-9a-f-]+@careerside/);
      expect(unfolded).toContain('李同学');
      expect(unfolded).not.toContain('家庭经济困难');
      expect(unfolded).not.toContain('上次聊过');
      expect(unfolded).not.toContain('想看看简历');

      const bFeed = await counselorB.api.get<CounselorCalendarFeedResponse>(CounselorRoute.calendarFeed);
      expect(bFeed.body.url).not.toBe(feed.body.url);
      const rotated = await counselorA.api.post<CounselorCalendarFeedResponse>(
        CounselorRoute.calendarFeedRotate,
      );
      expect(rotated.status).toBe(200);
      expect(rotated.body.url).not.toBe(feed.body.url);
      const old = await t.api.get(path);
      expect([old.status, (old.body as ErrorBody).code]).toEqual([404, ErrorCode.NotFound]);
      expect((await t.api.get(new URL(rotated.body.url).pathname)).status).toBe(200);
      // A's rotation leaves B's URL alone.
      expect((await t.api.get(new URL(bFeed.body.url).pathname)).status).toBe(200);
      expect((await t.api.get('calendar/counselors/not-a-token.ics')).status).toBe(404);
    });

    it('keeps NUL and U+2028/U+2029 in names out of the calendar text', async () => {
      const users = t.dataSource.getRepository(UserEntity);
      await users.update({ id: student.user.id }, { name: '李\u0000同\u2028学\u2029' });
      try {
        const feed = await counselorA.api.get<CounselorCalendarFeedResponse>(CounselorRoute.calendarFeed);
        const ics = await t.api.get(new URL(feed.body.url).pathname);
        expect(ics.status).toBe(200);
        for (const char of ['\u0000', '\u2028', '\u2029']) expect(ics.text).not.toContain(char);
        // The separator is kept as the line break iCalendar text escapes as \n.
        expect(ics.text.replace(/\r\n /g, '')).toContain('学生：李同\\n学\\n');
      } finally {
        await users.update({ id: student.user.id }, { name: '李同学' });
      }
    });
  });

  describe('time off and extra hours', () => {
    it('cancels the appointments in the leave, tells each student and offers to rebook, without a strike', async () => {
      const leaveDay = addDays(day, 5);
      const inLeave = await appointmentFactory.create(
        t.dataSource,
        advisorA.id,
        classmate.user.id,
        at(leaveDay, '14:00'),
      );
      const outside = await appointmentFactory.create(
        t.dataSource,
        advisorA.id,
        student.user.id,
        at(leaveDay, '09:00'),
      );
      const response = await counselorA.api.post<CounselorTimeOffResponse>(CounselorRoute.timeOff, {
        date: leaveDay,
        startTime: '13:00',
        endTime: '17:00',
        note: '外出培训',
      });
      expect(response.status).toBe(201);
      expect(response.body.cancelled).toEqual([
        { appointmentId: inLeave.id, startsAt: `${leaveDay}T14:00:00+08:00`, studentName: '赵同学' },
      ]);
      expect((await reloadAppointment(t.dataSource, inLeave.id)).status).toBe('cancelled');
      expect((await reloadAppointment(t.dataSource, inLeave.id)).cancelledBy).toBe('staff');
      expect((await reloadAppointment(t.dataSource, outside.id)).status).toBe('booked');
      const inbox = await classmate.api.get<NotificationListResponse>('me/notifications');
      const notice = inbox.body.items.find((item) => item.kind === 'appointment_cancelled');
      expect(notice).toMatchObject({
        title: '预约已取消：老师请假',
        page: `subpackages/booking/pages/advisor/index?id=${advisorA.id}`,
      });
      expect(notice?.body).toContain('改约');
      const standing = await classmate.api.get<BookingStatusResponse>(ApiRoute.booking.myBookingStatus);
      expect(standing.body.strikes.filter((strike) => strike.kind === 'late_cancellation')).toEqual([]);

      const bad = await counselorA.api.post<ErrorBody>(CounselorRoute.timeOff, {
        date: leaveDay,
        startTime: '15:00',
        endTime: null,
      });
      expect([bad.status, bad.body.details?.[0]?.field]).toEqual([400, 'endTime']);
      const past = await counselorA.api.post<ErrorBody>(CounselorRoute.timeOff, {
        date: '2020-01-06',
        startTime: null,
        endTime: null,
      });
      expect([past.status, past.body.details?.[0]?.field]).toEqual([400, 'date']);
    });

    it('withdraws the reminders of an appointment its leave cancels', async () => {
      const leaveDay = addDays(day, -6);
      const slot = await slotFactory.create(t.dataSource, advisorA.id, 0, {
        startsAt: at(leaveDay, '10:00'),
        endsAt: at(leaveDay, '10:30'),
      });
      const booker = await signInStudent(t.api, '钱同学');
      const booked = await booker.api.post<AppointmentDto>(ApiRoute.booking.appointments, {
        slotId: slot.id,
        topic: 'resume',
      });
      expect(booked.status).toBe(201);
      const reminders = async () => {
        const rows = await t.dataSource.query<{ n: number | string }[]>(
          'SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND dedupe_key LIKE ?',
          [booker.user.id, `appointment:${booked.body.id}:reminder:%`],
        );
        return Number(rows[0].n);
      };
      expect(await reminders()).toBe(2);
      const leave = await counselorA.api.post<CounselorTimeOffResponse>(CounselorRoute.timeOff, {
        date: leaveDay,
        startTime: '09:00',
        endTime: '12:00',
      });
      expect(leave.body.cancelled.map((entry) => entry.appointmentId)).toEqual([booked.body.id]);
      expect(await reminders()).toBe(0);
      expect((await slotFactory.reload(t.dataSource, slot.id)).booked).toBe(0);
    });

    it('adds extra hours that students can book at once', async () => {
      // Inside the booking horizon (14 days by default).
      const extraDay = addDays(day, -7);
      const response = await counselorA.api.post<AvailabilityExceptionDto>(CounselorRoute.extraHours, {
        date: extraDay,
        startTime: '18:00',
        endTime: '19:00',
        slotMinutes: 30,
        mode: 'online',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ kind: 'extra', date: extraDay });
      const slots = await student.api.get<SlotListResponse>(
        `${routePath(ApiRoute.booking.advisorSlots, { id: advisorA.id })}?from=${extraDay}&to=${extraDay}`,
      );
      expect(slots.body.items.map((slot) => slot.startsAt)).toEqual([
        `${extraDay}T18:00:00+08:00`,
        `${extraDay}T18:30:00+08:00`,
      ]);
    });
  });

  describe('the morning agenda', () => {
    it('tells each counselor with appointments that day, once', async () => {
      const agenda = t.app.get(CounselorAgenda);
      const morning = at(day, '07:30');
      // A consents to the agenda's subscribe message, B does not.
      const consent = await counselorA.api.post('me/subscriptions', {
        results: { 'DEMO-counselor-agenda': 'accept' },
      });
      expect(consent.status).toBe(200);
      const first = await agenda.send(morning);
      // A and B both have appointments on that day.
      expect(first).toEqual({ date: day, counselors: 2, notified: 2 });
      expect((await agenda.send(morning)).notified).toBe(0);
      const inbox = await counselorA.api.get<NotificationListResponse>('me/notifications');
      const entries = inbox.body.items.filter((item) => item.kind === 'counselor_agenda');
      expect(entries).toEqual([
        expect.objectContaining({
          title: '今日日程',
          body: '今日 2 个预约，首个 09:30',
          page: `subpackages/counselor/pages/today/index?date=${day}`,
        }),
      ]);
      const pushed = await eventually(
        async () => {
          const found = wechat
            .sentMessages()
            .find((message) => message.templateId === 'DEMO-counselor-agenda');
          return found ?? undefined;
        },
        { what: 'the agenda subscribe message' },
      );
      expect(pushed.page).toBe(`subpackages/counselor/pages/today/index?date=${day}`);
      expect(JSON.stringify(pushed.data)).toContain('09:30');
      expect(
        wechat.sentMessages().filter((message) => message.templateId === 'DEMO-counselor-agenda'),
      ).toHaveLength(1);
      const other = await counselorB.api.get<NotificationListResponse>('me/notifications');
      expect(
        other.body.items.filter((item) => item.kind === 'counselor_agenda').map((item) => item.body),
      ).toEqual(['今日 1 个预约，首个 10:00']);
    });
  });

  describe('staff', () => {
    it('invites a counselor with a one-time code that binds the account to the advisor', async () => {
      const invite = await admin.api.post<CounselorInviteResponse>(CounselorRoute.admin.invites, {
        advisorId: advisorB.id,
      });
      expect(invite.status).toBe(201);
      expect(invite.body.code).toMatch(/^[A-Z2-9]{10}$/);
      expect(invite.body.path).toBe(`subpackages/counselor/pages/join/index?code=${invite.body.code}`);
      expect(invite.body.url).toBe(`${t.config.http.publicUrl}/${invite.body.path}`);
      expect(invite.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
      const image = PNG.sync.read(Buffer.from(invite.body.qrDataUrl.split(',')[1], 'base64'));
      expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(invite.body.url);
      const newcomer = await signIn(t.api, 'student', { name: '新来的孙老师' });
      expect((await schedule(newcomer, day)).status).toBe(403);
      const accepted = await newcomer.api.post<UserDto>(CounselorRoute.inviteAccept, {
        code: invite.body.code.toLowerCase(),
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ role: 'counselor', advisorId: advisorB.id });
      expect((await schedule(newcomer, day)).status).toBe(200);
      const reused = await classmate.api.post<ErrorBody>(CounselorRoute.inviteAccept, {
        code: invite.body.code,
      });
      expect([reused.status, reused.body.code]).toEqual([422, ErrorCode.InviteInvalid]);
      expect(
        (await counselorA.api.post(CounselorRoute.admin.invites, { advisorId: advisorA.id })).status,
      ).toBe(403);
      expect((await admin.api.post(CounselorRoute.admin.invites, { advisorId: 'nope' })).status).toBe(404);
    });

    it('answers NOT_BOUND_TO_ADVISOR for a counselor account without a profile', async () => {
      const unbound = await signIn(t.api, 'counselor');
      const response = await schedule(unbound, day);
      expect([response.status, response.body.code]).toEqual([403, ErrorCode.NotBoundToAdvisor]);
    });

    it('reports utilisation, no-show rate and average feedback per counselor', async () => {
      const from = addDays(day, -25);
      const statsDay = addDays(day, -25);
      await appointmentFactory.create(t.dataSource, advisorB.id, student.user.id, at(statsDay, '09:00'), {
        status: 'attended',
        rating: 4,
      });
      const stats = await admin.api.get<CounselorStatsResponse>(
        `${CounselorRoute.admin.stats}?from=${from}&to=${day}`,
      );
      expect(stats.status).toBe(200);
      const a = stats.body.items.find((item) => item.advisorId === advisorA.id);
      // A in range: attended (day-20), checked in (day-12), the attendance test's session, a no-show
      // (day-15) and the two on the day; every appointment has its own one-seat slot.
      expect(a).toMatchObject({ advisorName: '王老师', counselorNames: ['王老师'], attended: 3, noShows: 1 });
      expect(a?.noShowRate).toBe(0.25);
      expect(a?.bookedSeats).toBe(6);
      // Plus the two extra-hours slots on day-7, not booked.
      expect(a?.offeredSeats).toBe(8);
      expect(a?.utilisation).toBe(0.75);
      const b = stats.body.items.find((item) => item.advisorId === advisorB.id);
      expect(b).toMatchObject({ averageRating: 4, ratings: 1 });
      const backwards = await admin.api.get<ErrorBody>(
        `${CounselorRoute.admin.stats}?from=${day}&to=${from}`,
      );
      expect([backwards.status, backwards.body.details?.[0]?.field]).toEqual([400, 'to']);
      expect((await counselorA.api.get(`${CounselorRoute.admin.stats}?from=${from}&to=${day}`)).status).toBe(
        403,
      );
    });
  });

  it('answers 403 to students on every counselor endpoint', async () => {
    const id = 'some-appointment';
    const calls: [string, string, unknown?][] = [
      ['GET', `${CounselorRoute.schedule}?date=${day}`],
      ['GET', CounselorRoute.week],
      ['GET', routePath(CounselorRoute.appointment, { id })],
      ['POST', routePath(CounselorRoute.arrival, { id })],
      ['GET', routePath(CounselorRoute.notes, { id })],
      ['POST', routePath(CounselorRoute.notes, { id }), { text: 'x' }],
      ['POST', routePath(ApiRoute.booking.attendance, { id }), { status: 'attended' }],
      ['POST', CounselorRoute.timeOff, { date: day, startTime: null, endTime: null }],
      [
        'POST',
        CounselorRoute.extraHours,
        { date: day, startTime: '18:00', endTime: '19:00', slotMinutes: 30, mode: 'online' },
      ],
      ['GET', CounselorRoute.calendarFeed],
      ['POST', CounselorRoute.calendarFeedRotate],
      ['GET', CounselorRoute.supervision],
      ['GET', `${CounselorRoute.supervisedNotes}?counselorId=${counselorA.user.id}`],
      ['POST', CounselorRoute.admin.invites, { advisorId: advisorA.id }],
      ['GET', CounselorRoute.admin.supervisors],
      ['GET', CounselorRoute.admin.noteAccessLog],
      ['GET', `${CounselorRoute.admin.stats}?from=${day}&to=${day}`],
    ];
    const statuses = await Promise.all(
      calls.map(async ([method, path, body]) => [
        `${method} ${path}`,
        (await student.api.request(method, path, body === undefined ? {} : { body })).status,
      ]),
    );
    expect(statuses).toEqual(calls.map(([method, path]) => [`${method} ${path}`, 403]));
  });
});

describe('redeeming invite codes is rate-limited per user', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { WECHAT_SIGNIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 after the limit of guesses, and counts each student on their own', async () => {
    const guesser = await signIn(t.api, 'student');
    const guess = (session: Session, code: string) =>
      session.api.post<ErrorBody>(CounselorRoute.inviteAccept, { code });
    const statuses = [];
    for (const code of ['AAAAAAAAAA', 'BBBBBBBBBB', 'CCCCCCCCCC', 'DDDDDDDDDD'])
      statuses.push((await guess(guesser, code)).status);
    expect(statuses).toEqual([422, 422, 422, 429]);
    // Same address (everyone here is 127.0.0.1), another student: not limited by the first one's guesses.
    const classmate = await signIn(t.api, 'student');
    expect((await guess(classmate, 'EEEEEEEEEE')).status).toBe(422);
  });
});

describe('redeeming invite codes is rate-limited per client address too', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: { TRUST_PROXY: '127.0.0.1', WECHAT_SIGNIN_RATE_LIMIT: '3', INVITE_ADDRESS_RATE_LIMIT: '5' },
    });
  });
  afterAll(() => t.close());

  it('stops many accounts guessing from one address, and counts each address on its own', async () => {
    const guess = (session: Session, address: string, code: string) =>
      session.api.post<ErrorBody>(
        CounselorRoute.inviteAccept,
        { code },
        { headers: { 'x-forwarded-for': address } },
      );
    const statuses = [];
    // Three accounts on one address, each under its own limit of 3: the address reaches 5 first.
    for (let account = 0; account < 3; account += 1) {
      const session = await signIn(t.api, 'student');
      for (const code of ['AAAAAAAAAA', 'BBBBBBBBBB'])
        statuses.push((await guess(session, '203.0.113.9', code)).status);
    }
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
    const limited = await guess(await signIn(t.api, 'student'), '203.0.113.9', 'CCCCCCCCCC');
    expect([limited.status, limited.body.code]).toEqual([429, ErrorCode.RateLimited]);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not held back by the first one's guesses.
    expect((await guess(await signIn(t.api, 'student'), '198.51.100.4', 'DDDDDDDDDD')).status).toBe(422);
  });
});
