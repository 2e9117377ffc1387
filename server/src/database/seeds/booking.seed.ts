import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AdvisingTopic, AppointmentMode, IsoWeekday } from '@careerside/shared';
import { addDays, zonedDate } from '../../common/time/zoned-time';
import { AdvisorEntity } from '../../modules/advisors/advisor.entity';
import { WeeklyRuleEntity } from '../../modules/advisors/weekly-rule.entity';
import { generateSlots } from '../../modules/slots/slot-generator';
import { MATERIALISE_MARGIN_DAYS } from '../../modules/slots/slot-materializer.service';
import { SlotEntity } from '../../modules/slots/slot.entity';

interface DemoRule {
  weekdays: IsoWeekday[];
  start: string;
  end: string;
  slotMinutes: number;
  bufferMinutes?: number;
  capacity?: number;
  mode?: AppointmentMode;
  location?: string;
  title?: string;
}

interface DemoAdvisor {
  id: string;
  shortCode: string;
  name: string;
  title: string;
  bio: string;
  topics: AdvisingTopic[];
  location: string;
  modes: AppointmentMode[];
  meetingUrl?: string;
  rules: DemoRule[];
}

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];

/** advisor-1 is the demo counselor's own profile (demo-counselor signs in bound to it). */
export const DEMO_ADVISORS: DemoAdvisor[] = [
  {
    id: 'advisor-1',
    shortCode: 'WANG8K',
    name: '王老师',
    title: '职业生涯规划师',
    bio: '国家生涯规划师，从事高校就业指导十年，擅长职业方向探索、求职策略与 Offer 选择。',
    topics: ['career_planning', 'job_search', 'offer_choice', 'key_sectors'],
    location: '学生活动中心 305',
    modes: ['in_person', 'online'],
    meetingUrl: 'https://meeting.example.edu.cn/wang',
    rules: [
      { weekdays: WEEKDAYS, start: '09:00', end: '11:30', slotMinutes: 30 },
      { weekdays: WEEKDAYS, start: '14:00', end: '17:00', slotMinutes: 45, bufferMinutes: 15 },
    ],
  },
  {
    id: 'advisor-2',
    shortCode: 'LI3MQR',
    name: '李老师',
    title: '简历与面试指导',
    bio: '曾任企业招聘负责人，一对一修改简历、模拟结构化面试与群面。',
    topics: ['resume', 'interview', 'job_search'],
    location: '学生活动中心 306',
    modes: ['in_person'],
    rules: [
      { weekdays: [1, 3, 5], start: '10:00', end: '12:00', slotMinutes: 30 },
      { weekdays: [2, 4], start: '14:00', end: '17:00', slotMinutes: 60 },
      {
        weekdays: [4],
        start: '19:00',
        end: '20:30',
        slotMinutes: 90,
        capacity: 20,
        location: '图书馆报告厅',
        title: '简历工作坊：写出让 HR 停留的简历',
      },
    ],
  },
  {
    id: 'advisor-3',
    shortCode: 'ZHAO5T',
    name: '赵老师',
    title: '升学与公共部门就业指导',
    bio: '负责考研、考公考编与基层项目（西部计划、三支一扶）咨询。',
    topics: ['further_study', 'civil_service', 'grassroots', 'study_abroad'],
    location: '就业指导中心 201',
    modes: ['in_person', 'online', 'phone'],
    meetingUrl: 'https://meeting.example.edu.cn/zhao',
    rules: [{ weekdays: [2, 3, 4], start: '09:30', end: '11:30', slotMinutes: 40, bufferMinutes: 10 }],
  },
  {
    id: 'advisor-4',
    shortCode: 'LIU7HX',
    name: '刘老师',
    title: '重点领域就业与创业指导',
    bio: '对接航空航天、能源、集成电路等重点领域用人单位，兼任创新创业导师。',
    topics: ['key_sectors', 'entrepreneurship', 'wellbeing'],
    location: '就业指导中心 203',
    modes: ['in_person'],
    rules: [
      { weekdays: [1, 5], start: '14:00', end: '16:00', slotMinutes: 30 },
      {
        weekdays: [3],
        start: '15:00',
        end: '17:00',
        slotMinutes: 120,
        capacity: 30,
        location: '学生活动中心多功能厅',
        title: '重点领域求职工作坊',
      },
    ],
  },
];

/**
 * Demo advisors with weekly rules on weekdays (one-to-one sessions and two workshops), and their slots over
 * the horizon so the app has something to book from the first request. Idempotent per advisor.
 */
export async function seedBookingDemo(
  manager: EntityManager,
  now: Date,
  options: { timeZone?: string; horizonDays?: number } = {},
): Promise<string[]> {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const horizonDays = options.horizonDays ?? 14;
  const created: string[] = [];
  for (const demo of DEMO_ADVISORS) {
    if (await manager.getRepository(AdvisorEntity).existsBy({ id: demo.id })) continue;
    await manager.getRepository(AdvisorEntity).insert({
      id: demo.id,
      shortCode: demo.shortCode,
      name: demo.name,
      title: demo.title,
      photoUrl: null,
      bio: demo.bio,
      topics: demo.topics,
      location: demo.location,
      modes: demo.modes,
      meetingUrl: demo.meetingUrl ?? null,
      phone: null,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    const rules = demo.rules.flatMap((rule) =>
      rule.weekdays.map((weekday) =>
        Object.assign(new WeeklyRuleEntity(), {
          id: randomUUID(),
          advisorId: demo.id,
          weekday,
          startTime: rule.start,
          endTime: rule.end,
          slotMinutes: rule.slotMinutes,
          bufferMinutes: rule.bufferMinutes ?? 0,
          capacity: rule.capacity ?? 1,
          mode: rule.mode ?? 'in_person',
          location: rule.location ?? null,
          title: rule.title ?? null,
          createdAt: now,
          updatedAt: now,
        }),
      ),
    );
    await manager.getRepository(WeeklyRuleEntity).insert(rules);
    const from = zonedDate(now, timeZone);
    const slots = generateSlots({
      rules,
      exceptions: [],
      closedDates: new Set(),
      from,
      to: addDays(from, horizonDays + MATERIALISE_MARGIN_DAYS),
      timeZone,
    })
      .filter((slot) => slot.startsAt > now)
      .map((slot) =>
        Object.assign(new SlotEntity(), {
          id: randomUUID(),
          advisorId: demo.id,
          ...slot,
          booked: 0,
          withdrawn: false,
          createdAt: now,
          updatedAt: now,
        }),
      );
    for (let i = 0; i < slots.length; i += 200)
      await manager.getRepository(SlotEntity).insert(slots.slice(i, i + 200));
    created.push(demo.id);
  }
  return created;
}
