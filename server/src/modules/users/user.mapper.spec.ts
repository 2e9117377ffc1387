import { describe, expect, it } from '@jest/globals';
import { UserEntity } from './user.entity';
import { toUserDto } from './user.mapper';

const user = (overrides: Partial<UserEntity> = {}) =>
  Object.assign(new UserEntity(), {
    id: '6c1d8e3a-2f4b-4c5d-9e8f-0a1b2c3d4e5f',
    openid: 'o-secret-openid',
    role: 'student',
    name: '李同学',
    studentNumber: '2022010123',
    college: '计算机学院',
    major: '软件工程',
    degree: 'bachelor',
    graduationYear: 2026,
    advisorId: null,
    wechatSessionKey: 'c2Vzc2lvbi1rZXk=',
    createdAt: new Date('2026-01-02T03:04:05.678Z'),
    updatedAt: new Date('2026-01-02T03:04:05.678Z'),
    ...overrides,
  } satisfies Partial<UserEntity>);

describe(toUserDto.name, () => {
  it('maps the profile and never the openid or the session key', () => {
    const dto = toUserDto(user());
    expect(dto).toEqual({
      id: '6c1d8e3a-2f4b-4c5d-9e8f-0a1b2c3d4e5f',
      role: 'student',
      name: '李同学',
      advisorId: null,
      profile: {
        name: '李同学',
        studentNumber: '2022010123',
        college: '计算机学院',
        major: '软件工程',
        degree: 'bachelor',
        graduationYear: 2026,
      },
      profileComplete: true,
      createdAt: '2026-01-02T03:04:05.678Z',
    });
    expect(JSON.stringify(dto)).not.toMatch(/o-secret-openid|c2Vzc2lvbi1rZXk=/);
  });

  it.each(['name', 'college', 'degree', 'graduationYear'] as const)(
    'calls a profile without %s incomplete',
    (field) => {
      expect(toUserDto(user({ [field]: null })).profileComplete).toBe(false);
    },
  );

  it('does not need a student number or major to be complete', () => {
    expect(toUserDto(user({ studentNumber: null, major: null })).profileComplete).toBe(true);
  });
});
