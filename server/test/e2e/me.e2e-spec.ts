import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, type ErrorBody, type UpdateProfileRequest, type UserDto } from '@careerside/shared';
import type { ApiClient } from '../support/api-client';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

describe('GET /api/me and PATCH /api/me/profile', () => {
  let t: TestApp;
  let student: ApiClient;
  let studentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const session = await signIn(t.api, 'student', { name: '王同学' });
    student = session.api;
    studentId = session.user.id;
  });
  afterAll(() => t.close());

  const update = (body: UpdateProfileRequest | Record<string, unknown>) =>
    student.patch<UserDto & ErrorBody>('me/profile', body);

  it('answers the signed-in user as the shared UserDto', async () => {
    const response = await student.get<UserDto>('me');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: studentId,
      role: 'student',
      name: '王同学',
      advisorId: null,
      profile: {
        name: '王同学',
        studentNumber: null,
        college: null,
        major: null,
        degree: null,
        graduationYear: null,
      },
      profileComplete: false,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/),
    });
  });

  it('updates the fields sent, trims them, and reports a complete profile', async () => {
    const response = await update({
      name: '  王小明 ',
      studentNumber: '2022A0123',
      college: '航空航天学院',
      major: '飞行器设计与工程',
      degree: 'master',
      graduationYear: 2027,
    });
    expect(response.status).toBe(200);
    expect(response.body.profile).toEqual({
      name: '王小明',
      studentNumber: '2022A0123',
      college: '航空航天学院',
      major: '飞行器设计与工程',
      degree: 'master',
      graduationYear: 2027,
    });
    expect(response.body.name).toBe('王小明');
    expect(response.body.profileComplete).toBe(true);

    const partial = await update({ major: '航空宇航科学与技术' });
    expect(partial.body.profile).toMatchObject({
      major: '航空宇航科学与技术',
      college: '航空航天学院',
      degree: 'master',
    });

    const me = await student.get<UserDto>('me');
    expect(me.body.profile.major).toBe('航空宇航科学与技术');
  });

  it('clears a field sent as null', async () => {
    const response = await update({ studentNumber: null, graduationYear: null });
    expect(response.status).toBe(200);
    expect(response.body.profile).toMatchObject({ studentNumber: null, graduationYear: null });
    expect(response.body.profileComplete).toBe(false);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a name over 50 characters', { name: '名'.repeat(51) }, 'name'],
    ['an empty name', { name: '   ' }, 'name'],
    ['a student number with symbols', { studentNumber: '2022-0123' }, 'studentNumber'],
    ['a student number over 32 characters', { studentNumber: 'A'.repeat(33) }, 'studentNumber'],
    ['a college over 100 characters', { college: 'x'.repeat(101) }, 'college'],
    ['a major over 100 characters', { major: 'x'.repeat(101) }, 'major'],
    ['a degree outside the shared list', { degree: 'phd' }, 'degree'],
    ['a graduation year before 2000', { graduationYear: 1999 }, 'graduationYear'],
    ['a graduation year after 2100', { graduationYear: 2101 }, 'graduationYear'],
    ['a fractional graduation year', { graduationYear: 2026.5 }, 'graduationYear'],
    ['a graduation year sent as a string', { graduationYear: '2026' }, 'graduationYear'],
    ['a field that is not part of the profile', { openid: 'steal-me' }, 'openid'],
  ])('rejects %s with 400 VALIDATION_FAILED naming the field', async (_, body, field) => {
    const response = await update(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(ErrorCode.ValidationFailed);
    expect(response.body.details?.map((detail) => detail.field)).toContain(field);
    expect(response.body.details?.every((detail) => detail.message.length > 0)).toBe(true);
  });

  it('changes nothing when any field is invalid', async () => {
    const before = await student.get<UserDto>('me');
    const response = await update({ college: '新学院', graduationYear: 3000 });
    expect(response.status).toBe(400);
    expect((await student.get<UserDto>('me')).body).toEqual(before.body);
  });

  it('keeps each user to their own profile', async () => {
    const other = await signIn(t.api, 'student', { name: '另一位同学' });
    await other.api.patch('me/profile', { college: '理学院' });
    const mine = await student.get<UserDto>('me');
    expect(mine.body.profile.college).not.toBe('理学院');
  });
});
