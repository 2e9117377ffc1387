import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ErrorCode,
  type ErrorBody,
  type MarkAllNotificationsReadResponse,
  type MarkNotificationReadResponse,
  type NotificationListResponse,
  NotificationKind,
  type UnreadCountResponse,
} from '@careerside/shared';
import type { ApiClient } from '../support/api-client';
import { notify, notifyMany } from '../support/notifications';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

// No WeChat credentials here: notifications go to the inbox only.
describe('the inbox: GET /api/me/notifications and marking read', () => {
  let t: TestApp;
  let student: ApiClient;
  let studentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const session = await signIn(t.api, 'student');
    student = session.api;
    studentId = session.user.id;
  });
  afterAll(() => t.close());

  const list = (query = '') => student.get<NotificationListResponse & ErrorBody>(`me/notifications${query}`);

  it('starts empty', async () => {
    const response = await list();
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
  });

  it('pages newest first by cursor, with the unread count, and with every field of the contract', async () => {
    for (let i = 1; i <= 25; i += 1) {
      await notify(t, {
        userId: studentId,
        kind: NotificationKind.System,
        title: `第 ${i} 条通知`,
        body: `正文 ${i}`,
        page: i === 25 ? '/subpackages/settings/pages/about/index' : undefined,
        payload: i === 25 ? { announcementId: 'a-25' } : undefined,
        dedupeKey: `inbox-test:${i}`,
      });
    }
    const first = await list('?limit=10');
    expect(first.status).toBe(200);
    expect(first.body.unreadCount).toBe(25);
    expect(first.body.items.map((item) => item.title)).toEqual(
      Array.from({ length: 10 }, (_, index) => `第 ${25 - index} 条通知`),
    );
    expect(first.body.items[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      kind: 'system',
      title: '第 25 条通知',
      body: '正文 25',
      page: 'subpackages/settings/pages/about/index',
      payload: { announcementId: 'a-25' },
      readAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    expect(first.body.items[1]?.page).toBeNull();
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const second = await list(`?limit=10&cursor=${first.body.nextCursor}`);
    const third = await list(`?limit=10&cursor=${second.body.nextCursor}`);
    expect(third.body.nextCursor).toBeNull();
    const titles = [...first.body.items, ...second.body.items, ...third.body.items].map((item) => item.title);
    expect(titles).toHaveLength(25);
    expect(new Set(titles).size).toBe(25);
    expect(titles.at(-1)).toBe('第 1 条通知');
  });

  it('writes a notification once per dedupe key', async () => {
    const again = await notify(t, {
      userId: studentId,
      kind: NotificationKind.System,
      title: '重复',
      body: 'x',
      dedupeKey: 'inbox-test:1',
    });
    expect(again.created).toBe(false);
    expect((await list('?limit=50')).body.items.filter((item) => item.title === '重复')).toEqual([]);
  });

  it('marks one read, keeps its first read time, and counts down', async () => {
    const [newest] = (await list('?limit=1')).body.items;
    const read = await student.post<MarkNotificationReadResponse>(`me/notifications/${newest?.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.unreadCount).toBe(24);
    expect(read.body.notification).toMatchObject({ id: newest?.id, readAt: expect.any(String) });
    const again = await student.post<MarkNotificationReadResponse>(`me/notifications/${newest?.id}/read`);
    expect(again.body.notification.readAt).toBe(read.body.notification.readAt);
    expect(again.body.unreadCount).toBe(24);
    expect((await student.get<UnreadCountResponse>('me/notifications/unread-count')).body).toEqual({
      unreadCount: 24,
    });
    const unread = await list('?unread=true&limit=50');
    expect(unread.body.items).toHaveLength(24);
    expect(unread.body.items.some((item) => item.id === newest?.id)).toBe(false);
  });

  it("answers 404 for another user's notification and changes nothing", async () => {
    const other = await signIn(t.api, 'student');
    const [mine] = (await list('?limit=1')).body.items;
    const response = await other.api.post<ErrorBody>(`me/notifications/${mine?.id}/read`);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe(ErrorCode.NotFound);
    expect((await other.api.get<NotificationListResponse>('me/notifications')).body.items).toEqual([]);
    expect((await student.post<ErrorBody>('me/notifications/not-an-id/read')).status).toBe(404);
  });

  it('marks all read', async () => {
    const response = await student.post<MarkAllNotificationsReadResponse>('me/notifications/read-all');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ marked: 24, unreadCount: 0 });
    expect((await list()).body.unreadCount).toBe(0);
    expect(
      (await student.post<MarkAllNotificationsReadResponse>('me/notifications/read-all')).body.marked,
    ).toBe(0);
  });

  it('shows a scheduled notification only from its due time on', async () => {
    const dueAt = new Date(Date.now() + 1500);
    await notify(t, {
      userId: studentId,
      kind: NotificationKind.AppointmentReminder,
      title: '明天的咨询',
      body: '别忘了',
      dedupeKey: 'inbox-test:reminder',
      dueAt,
      wechat: { topic: '简历', advisorName: '王老师', startsAt: dueAt, location: '305' },
    });
    expect((await list()).body.items[0]?.title).not.toBe('明天的咨询');
    expect((await list()).body.unreadCount).toBe(0);
    expect(
      (await student.post<MarkAllNotificationsReadResponse>('me/notifications/read-all')).body.marked,
    ).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt.getTime() - Date.now() + 50)));
    const later = await list();
    expect(later.body.items[0]).toMatchObject({ title: '明天的咨询', createdAt: dueAt.toISOString() });
    expect(later.body.unreadCount).toBe(1);
  });

  it('fans out to many users, skipping unknown ids and users already told', async () => {
    const others = await Promise.all([
      signIn(t.api, 'student'),
      signIn(t.api, 'student'),
      signIn(t.api, 'student'),
    ]);
    const ids = others.map((session) => session.user.id);
    const message = {
      kind: NotificationKind.JobAlert,
      title: '新岗位：航天软件工程师',
      body: '符合你订阅条件的新岗位',
      dedupeKey: 'job:42',
      wechat: { jobTitle: '航天软件工程师', employer: '航天五院', location: '北京', deadline: '2026-12-31' },
    } as const;
    expect(await notifyMany(t, [ids[0] ?? '', ids[1] ?? ''], message)).toEqual({ notified: 2 });
    expect(
      await notifyMany(t, [...ids, ids[0] ?? '', '00000000-0000-0000-0000-000000000000'], message),
    ).toEqual({
      notified: 1,
    });
    for (const session of others) {
      const inbox = await session.api.get<NotificationListResponse>('me/notifications');
      expect(inbox.body.items.map((item) => item.title)).toEqual(['新岗位：航天软件工程师']);
    }
  });

  it.each<[string, string]>([
    ['?limit=0', 'limit'],
    ['?limit=51', 'limit'],
    ['?limit=ten', 'limit'],
    ['?unread=maybe', 'unread'],
    ['?cursor=not-a-cursor', 'cursor'],
    ['?colour=red', 'colour'],
  ])('rejects %s with 400 naming %s', async (query, field) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(ErrorCode.ValidationFailed);
    expect(response.body.details?.map((detail) => detail.field)).toContain(field);
  });

  it('needs a signed-in user', async () => {
    expect((await t.api.get('me/notifications')).status).toBe(401);
    expect((await t.api.post('me/notifications/read-all')).status).toBe(401);
  });
});
