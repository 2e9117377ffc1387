import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role } from '@careerside/shared';
import { UserEntity } from '../../src/modules/users/user.entity';

let sequence = 0;

export const userFactory = {
  /** An unsaved user with a unique openid and a complete student profile. */
  build(overrides: Partial<UserEntity> = {}): UserEntity {
    sequence += 1;
    const now = new Date();
    return Object.assign(new UserEntity(), {
      id: randomUUID(),
      openid: `factory-${process.pid}-${sequence}`,
      role: Role.Student,
      name: `学生${sequence}`,
      studentNumber: `2023${String(sequence).padStart(6, '0')}`,
      college: '机械工程学院',
      major: '机械设计制造及其自动化',
      degree: 'bachelor',
      graduationYear: 2027,
      advisorId: null,
      wechatSessionKey: null,
      createdAt: now,
      updatedAt: now,
      ...overrides,
    } satisfies Partial<UserEntity>);
  },

  async create(dataSource: DataSource, overrides: Partial<UserEntity> = {}): Promise<UserEntity> {
    const user = this.build(overrides);
    await dataSource.getRepository(UserEntity).insert(user);
    return user;
  },
};
