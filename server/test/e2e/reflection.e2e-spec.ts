import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AdminExhibitDto,
  type AdminHallDto,
  type CounselorAppointmentDetailResponse,
  CounselorRoute,
  ErrorCode,
  type ErrorBody,
  type ReflectionDto,
  type ReflectionPromptDto,
  type ReflectionRoomDetailResponse,
  type ReflectionRoomDto,
  ReflectionRoute,
  type SharedReflectionsResponse,
  routePath,
} from '@careerside/shared';
import { appointmentFactory } from '../factories/appointment.factory';
import { advisorFactory } from '../factories/booking.factory';
import { MuseumBuilder } from '../support/museum-fixtures';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

type Session = Awaited<ReturnType<typeof signIn>>;

describe('the Career Reflection Room', () => {
  let t: TestApp;
  let mediaDir: string;
  let admin: Session;
  let student: Session;
  let classmate: Session;
  let counselor: Session;
  let otherCounselor: Session;
  let appointmentId: string;
  let hall: AdminHallDto;
  let exhibit: AdminExhibitDto;
  let prompts: ReflectionPromptDto[];

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'careerside-reflection-'));
    t = await startTestApp({ env: { MEDIA_DIR: mediaDir } });
    admin = await signIn(t.api, 'admin');
    student = await signIn(t.api, 'student', { name: '写作者' });
    classmate = await signIn(t.api, 'student');
    // Shared reflections reach only counselors whose advisor profile has an appointment with the student.
    const advisor = await advisorFactory.create(t.dataSource);
    counselor = await signIn(t.api, 'counselor', { advisorId: advisor.id });
    appointmentId = (
      await appointmentFactory.create(
        t.dataSource,
        advisor.id,
        student.user.id,
        new Date(Date.now() + 86_400_000),
      )
    ).id;
    const otherAdvisor = await advisorFactory.create(t.dataSource);
    otherCounselor = await signIn(t.api, 'counselor', { advisorId: otherAdvisor.id });
    const build = new MuseumBuilder(admin.api, admin.token);
    hall = await build.hall('基层沃土厅');
    exhibit = await build.exhibit(hall.id, '村小的第一堂课');
    prompts = [];
    for (const text of ['哪个故事让你想到了自己？', '如果是你，会做出同样的选择吗？']) {
      const created = await admin.api.post<ReflectionPromptDto>(
        routePath(ReflectionRoute.admin.prompts, { id: hall.id }),
        { text },
      );
      expect(created.status).toBe(201);
      prompts.push(created.body);
    }
  });
  afterAll(async () => {
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const sharedOf = (studentId: string) =>
    counselor.api.get<SharedReflectionsResponse>(
      routePath(ReflectionRoute.sharedByStudent, { id: studentId }),
    );

  it('lists rooms with prompts and progress', async () => {
    const rooms = await student.api.get<{ items: ReflectionRoomDto[] }>(ReflectionRoute.rooms);
    expect(rooms.status).toBe(200);
    expect(rooms.body.items).toEqual([
      expect.objectContaining({ hallId: hall.id, hallTitle: '基层沃土厅', promptCount: 2, answeredCount: 0 }),
    ]);
  });

  it('keeps a reflection private to its author until it is shared', async () => {
    const written = await student.api.post<ReflectionDto>(ReflectionRoute.reflections, {
      promptId: prompts[0].id,
      text: '  我也来自山里的小学。  ',
      exhibitId: exhibit.id,
    });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({
      text: '我也来自山里的小学。',
      promptText: '哪个故事让你想到了自己？',
      hallTitle: '基层沃土厅',
      exhibitId: exhibit.id,
      sharedWithCounselor: false,
      sharedAt: null,
    });
    const id = written.body.id;

    const room = await student.api.get<ReflectionRoomDetailResponse>(
      routePath(ReflectionRoute.room, { id: hall.id }),
    );
    expect(room.body.prompts[0]?.reflections.map((item) => item.id)).toEqual([id]);
    const theirs = await classmate.api.get<ReflectionRoomDetailResponse>(
      routePath(ReflectionRoute.room, { id: hall.id }),
    );
    expect(theirs.body.prompts.flatMap((prompt) => prompt.reflections)).toEqual([]);
    expect(
      (await classmate.api.patch(routePath(ReflectionRoute.reflection, { id }), { text: '改掉' })).status,
    ).toBe(404);
    expect((await classmate.api.delete(routePath(ReflectionRoute.reflection, { id }))).status).toBe(404);
    expect((await sharedOf(student.user.id)).body.items).toEqual([]);

    const shared = await student.api.patch<ReflectionDto>(routePath(ReflectionRoute.reflection, { id }), {
      sharedWithCounselor: true,
    });
    expect(shared.body).toMatchObject({ sharedWithCounselor: true, sharedAt: expect.any(String) });
    const seen = await sharedOf(student.user.id);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      student: { id: student.user.id, name: '写作者' },
      items: [{ id, text: '我也来自山里的小学。' }],
    });
    // The counselor's appointment detail shows it beside the appointment.
    const detail = await counselor.api.get<CounselorAppointmentDetailResponse>(
      routePath(CounselorRoute.appointment, { id: appointmentId }),
    );
    expect(detail.body.sharedReflections.map((item) => [item.id, item.text])).toEqual([
      [id, '我也来自山里的小学。'],
    ]);

    await student.api.patch(routePath(ReflectionRoute.reflection, { id }), { sharedWithCounselor: false });
    expect((await sharedOf(student.user.id)).body.items).toEqual([]);

    const rooms = await student.api.get<{ items: ReflectionRoomDto[] }>(ReflectionRoute.rooms);
    expect(rooms.body.items[0]?.answeredCount).toBe(1);
    expect(
      (await student.api.get<{ items: ReflectionDto[] }>(ReflectionRoute.mine)).body.items.map(
        (item) => item.id,
      ),
    ).toEqual([id]);
  });

  it('shares at once when asked to, and deletes for good', async () => {
    const written = await student.api.post<ReflectionDto>(ReflectionRoute.reflections, {
      promptId: prompts[1].id,
      text: '我会。',
      sharedWithCounselor: true,
    });
    expect((await sharedOf(student.user.id)).body.items.map((item) => item.id)).toEqual([written.body.id]);
    expect(
      (await student.api.delete(routePath(ReflectionRoute.reflection, { id: written.body.id }))).status,
    ).toBe(204);
    expect((await sharedOf(student.user.id)).body.items).toEqual([]);
  });

  it('lets only counselors read shared reflections, and only students write them', async () => {
    const asStudent = await classmate.api.get<ErrorBody>(
      routePath(ReflectionRoute.sharedByStudent, { id: student.user.id }),
    );
    expect(asStudent.status).toBe(403);
    expect(asStudent.body.code).toBe(ErrorCode.Forbidden);
    expect(
      (await admin.api.get(routePath(ReflectionRoute.sharedByStudent, { id: student.user.id }))).status,
    ).toBe(403);
    expect((await sharedOf(counselor.user.id)).status).toBe(404);
    const unrelated = await otherCounselor.api.get<ErrorBody>(
      routePath(ReflectionRoute.sharedByStudent, { id: student.user.id }),
    );
    expect([unrelated.status, unrelated.body.code]).toEqual([404, ErrorCode.NotFound]);
    expect((await sharedOf(student.user.id)).status).toBe(200);
    const byCounselor = await counselor.api.post(ReflectionRoute.reflections, {
      promptId: prompts[0].id,
      text: 'x',
    });
    expect(byCounselor.status).toBe(403);
  });

  it('validates reflections and protects answered prompts', async () => {
    const empty = await student.api.post<ErrorBody>(ReflectionRoute.reflections, {
      promptId: prompts[0].id,
      text: '   ',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.details?.[0]?.field).toBe('text');
    const long = await student.api.post<ErrorBody>(ReflectionRoute.reflections, {
      promptId: prompts[0].id,
      text: '长'.repeat(2001),
    });
    expect(long.status).toBe(400);
    const unknown = await student.api.post<ErrorBody>(ReflectionRoute.reflections, {
      promptId: '00000000-0000-4000-8000-000000000000',
      text: 'x',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details?.[0]?.field).toBe('promptId');

    const answered = await admin.api.delete<ErrorBody>(
      routePath(ReflectionRoute.admin.prompt, { id: prompts[0].id }),
    );
    expect(answered.status).toBe(409);
    const reworded = await admin.api.patch<ReflectionPromptDto>(
      routePath(ReflectionRoute.admin.prompt, { id: prompts[0].id }),
      {
        text: '哪个故事最打动你？',
      },
    );
    expect(reworded.body.text).toBe('哪个故事最打动你？');
    expect(
      (await student.api.post(routePath(ReflectionRoute.admin.prompts, { id: hall.id }), { text: 'x' }))
        .status,
    ).toBe(403);
  });
});
