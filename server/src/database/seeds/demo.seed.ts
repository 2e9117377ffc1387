import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role } from '@careerside/shared';
import { UserEntity } from '../../modules/users/user.entity';
import { seedBookingDemo } from './booking.seed';
import { seedCounselorDemo } from './counselor.seed';
import type { MediaStorage } from '../../modules/media/media-storage';
import { seedMuseumDemo } from './museum.seed';
import { seedJobsDemo } from './jobs.seed';

/** Sign in as these through `POST /api/auth/dev-login` with the same openid and role. */
export const DEMO_USERS = [
  {
    openid: 'demo-admin',
    role: Role.Admin,
    name: '就业指导中心管理员',
  },
  {
    openid: 'demo-counselor',
    role: Role.Counselor,
    name: '王老师',
    advisorId: 'advisor-1',
  },
  {
    openid: 'demo-student',
    role: Role.Student,
    name: '李同学',
    studentNumber: '2022010123',
    college: '计算机科学与技术学院',
    major: '软件工程',
    degree: 'bachelor',
    graduationYearOffset: 1,
  },
  {
    openid: 'demo-student-aero',
    role: Role.Student,
    name: '赵同学',
    studentNumber: '2023110456',
    college: '航空航天学院',
    major: '飞行器设计与工程',
    degree: 'master',
    graduationYearOffset: 1,
  },
  {
    openid: 'demo-student-grid',
    role: Role.Student,
    name: '陈同学',
    studentNumber: '2022030789',
    college: '电气工程学院',
    major: '电气工程及其自动化',
    degree: 'bachelor',
    graduationYearOffset: 0,
  },
] as const;

export interface SeedSummary {
  created: string[];
  existing: string[];
}

/** Idempotent: creates each demo record that is missing and leaves existing ones alone. */
export interface SeedOptions {
  /** Where the demo museum's generated media goes; without it the museum is not seeded. */
  mediaStorage?: MediaStorage;
}

export async function seedDemo(
  dataSource: DataSource,
  now: Date = new Date(),
  options: SeedOptions = {},
): Promise<SeedSummary> {
  const summary: SeedSummary = { created: [], existing: [] };
  await dataSource.transaction(async (manager) => {
    const users = manager.getRepository(UserEntity);
    for (const demo of DEMO_USERS) {
      if (await users.existsBy({ openid: demo.openid })) {
        summary.existing.push(demo.openid);
        continue;
      }
      await users.insert({
        id: randomUUID(),
        openid: demo.openid,
        role: demo.role,
        name: demo.name,
        studentNumber: 'studentNumber' in demo ? demo.studentNumber : null,
        college: 'college' in demo ? demo.college : null,
        major: 'major' in demo ? demo.major : null,
        degree: 'degree' in demo ? demo.degree : null,
        graduationYear:
          'graduationYearOffset' in demo ? now.getUTCFullYear() + demo.graduationYearOffset : null,
        advisorId: 'advisorId' in demo ? demo.advisorId : null,
        createdAt: now,
        updatedAt: now,
      });
      summary.created.push(demo.openid);
    }
    summary.created.push(...(await seedBookingDemo(manager, now)));
    summary.created.push(...(await seedCounselorDemo(manager, now)));
    if (options.mediaStorage) {
      summary.created.push(...(await seedMuseumDemo(manager, now, options.mediaStorage)));
    }
    summary.created.push(...(await seedJobsDemo(manager, now)));
  });
  return summary;
}
