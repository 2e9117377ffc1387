import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ErrorCode,
  type ErrorBody,
  type UpdateUserRoleRequest,
  type UserDto,
  type UserListResponse,
} from '@careerside/shared';
import { userFactory } from '../factories/user.factory';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

describe('admin user management', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signIn(t.api, 'admin', { name: '管理员' });
    await userFactory.create(t.dataSource, {
      name: '赵航天',
      college: '航空航天学院',
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    await userFactory.create(t.dataSource, {
      name: '钱能源',
      college: '能源与动力学院',
      createdAt: new Date('2026-01-02T00:00:00Z'),
    });
    await userFactory.create(t.dataSource, {
      role: 'counselor',
      name: '孙老师',
      college: null,
      createdAt: new Date('2026-01-03T00:00:00Z'),
    });
  });
  afterAll(() => t.close());

  it('lists users newest first with a total', async () => {
    const response = await admin.api.get<UserListResponse>('admin/users?limit=2');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(4);
    expect(response.body.items).toHaveLength(2);
    expect(response.body.items[0]?.name).toBe('管理员');
    const next = await admin.api.get<UserListResponse>('admin/users?limit=2&offset=2');
    expect(next.body.items.map((user) => user.name)).toEqual(['钱能源', '赵航天']);
  });

  it('filters by role and by text, treating LIKE wildcards literally', async () => {
    const counselors = await admin.api.get<UserListResponse>('admin/users?role=counselor');
    expect(counselors.body.items.map((user) => user.name)).toEqual(['孙老师']);
    const search = await admin.api.get<UserListResponse>(`admin/users?q=${encodeURIComponent('航空')}`);
    expect(search.body.items.map((user) => user.name)).toEqual(['赵航天']);
    const wildcard = await admin.api.get<UserListResponse>(`admin/users?q=${encodeURIComponent('%')}`);
    expect(wildcard.body.total).toBe(0);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['offset=-1', 'offset'],
    ['role=dean', 'role'],
    ['sort=name', 'sort'],
  ])('rejects ?%s naming %s', async (query, field) => {
    const response = await admin.api.get<ErrorBody>(`admin/users?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.details?.map((detail) => detail.field)).toContain(field);
  });

  it('makes a student a counselor bound to an advisor profile, and unbinds when the role changes', async () => {
    const openid = `role-change-${process.pid}`;
    const student = await signIn(t.api, 'student', { openid });
    const promote = await admin.api.patch<UserDto>(`admin/users/${student.user.id}`, {
      role: 'counselor',
      advisorId: 'advisor-42',
    } satisfies UpdateUserRoleRequest);
    expect(promote.status).toBe(200);
    expect(promote.body).toMatchObject({ role: 'counselor', advisorId: 'advisor-42' });

    const demote = await admin.api.patch<UserDto>(`admin/users/${student.user.id}`, { role: 'student' });
    expect(demote.body).toMatchObject({ role: 'student', advisorId: null });
  });

  it('signs the user out everywhere when their role changes, and only then', async () => {
    const openid = `role-revoke-${process.pid}`;
    const counselor = await signIn(t.api, 'counselor', { openid, advisorId: 'advisor-1' });

    const rebind = await admin.api.patch<UserDto>(`admin/users/${counselor.user.id}`, {
      role: 'counselor',
      advisorId: 'advisor-2',
    } satisfies UpdateUserRoleRequest);
    expect(rebind.body).toMatchObject({ role: 'counselor', advisorId: 'advisor-2' });
    expect((await counselor.api.get<UserDto>('me')).status).toBe(200);

    await admin.api.patch<UserDto>(`admin/users/${counselor.user.id}`, { role: 'student' });
    const refused = await counselor.api.get<ErrorBody>('me');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe(ErrorCode.TokenRevoked);
    expect((await admin.api.get('admin/users')).status).toBe(200);

    // Dev sign-in sets the role it is asked for; ask for the one staff gave.
    const again = await signIn(t.api, 'student', { openid });
    expect((await again.api.get<UserDto>('me')).body).toMatchObject({
      id: counselor.user.id,
      role: 'student',
    });
  });

  it('answers 404 NOT_FOUND for an unknown user', async () => {
    const response = await admin.api.patch<ErrorBody>('admin/users/00000000-0000-4000-8000-000000000000', {
      role: 'admin',
    });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe(ErrorCode.NotFound);
  });

  it('answers 409 CANNOT_CHANGE_OWN_ROLE when an admin would demote themselves', async () => {
    const response = await admin.api.patch<ErrorBody>(`admin/users/${admin.user.id}`, { role: 'student' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe(ErrorCode.CannotChangeOwnRole);
  });

  it('names an invalid role', async () => {
    const response = await admin.api.patch<ErrorBody>(`admin/users/${admin.user.id}`, { role: 'root' });
    expect(response.status).toBe(400);
    expect(response.body.details?.[0]?.field).toBe('role');
  });
});
