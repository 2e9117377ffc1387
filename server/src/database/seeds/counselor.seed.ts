import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AdvisingTopic, AppointmentStatus } from '@careerside/shared';
import { addDays, zonedDate } from '../../common/time/zoned-time';
import { AppointmentEntity } from '../../modules/appointments/appointment.entity';
import { instantAt, isoWeekday, minutesOfDay } from '../../modules/slots/slot-time';
import { SlotEntity } from '../../modules/slots/slot.entity';
import { UserEntity } from '../../modules/users/user.entity';

/** The demo counselor's working day: today on a weekday, else the coming Monday. */
export function demoCounselorDay(now: Date, timeZone: string): string {
  const today = zonedDate(now, timeZone);
  const weekday = isoWeekday(today);
  return weekday <= 5 ? today : addDays(today, 8 - weekday);
}

interface DemoVisit {
  openid: string;
  dayOffset: number;
  time: string;
  minutes: number;
  topic: AdvisingTopic;
  note: string | null;
  status: AppointmentStatus;
  rating?: number;
}

// Times follow advisor-1's weekly rules (09:00-11:30 in 30 minutes, 14:00-17:00 in 45 + 15), so the slots
// are the ones the materializer makes. A week earlier 李同学 came once, so the day view shows a returning student.
const VISITS: DemoVisit[] = [
  {
    openid: 'demo-student',
    dayOffset: -7,
    time: '10:00',
    minutes: 30,
    topic: 'career_planning',
    note: null,
    status: 'attended',
    rating: 5,
  },
  {
    openid: 'demo-student',
    dayOffset: 0,
    time: '09:00',
    minutes: 30,
    topic: 'job_search',
    note: '秋招投了 30 家没有回音，想看看简历和投递策略',
    status: 'booked',
  },
  {
    openid: 'demo-student-aero',
    dayOffset: 0,
    time: '10:00',
    minutes: 30,
    topic: 'key_sectors',
    note: '在考虑航天院所和民营航天公司，想听听建议',
    status: 'booked',
  },
  {
    openid: 'demo-student-grid',
    dayOffset: 0,
    time: '14:00',
    minutes: 45,
    topic: 'offer_choice',
    note: '手上有国家电网和一家外企的 offer',
    status: 'booked',
  },
];

/**
 * Appointments for the demo counselor (advisor-1) so the day view has content from the first start.
 * Uses the materialised slot at each time when there is one, else adds it. Skipped once advisor-1 has any
 * appointment.
 */
export async function seedCounselorDemo(
  manager: EntityManager,
  now: Date,
  timeZone = 'Asia/Shanghai',
): Promise<string[]> {
  const advisorId = 'advisor-1';
  if (await manager.getRepository(AppointmentEntity).existsBy({ advisorId })) return [];
  const day = demoCounselorDay(now, timeZone);
  const created: string[] = [];
  for (const visit of VISITS) {
    const student = await manager.getRepository(UserEntity).findOneBy({ openid: visit.openid });
    const startsAt = instantAt(addDays(day, visit.dayOffset), minutesOfDay(visit.time), timeZone);
    if (!student || !startsAt) continue;
    let slot = await manager.getRepository(SlotEntity).findOneBy({ advisorId, startsAt });
    if (!slot) {
      slot = Object.assign(new SlotEntity(), {
        id: randomUUID(),
        advisorId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + visit.minutes * 60_000),
        capacity: 1,
        booked: 0,
        mode: 'in_person',
        location: null,
        title: null,
        withdrawn: false,
        createdAt: now,
        updatedAt: now,
      } satisfies SlotEntity);
      await manager.getRepository(SlotEntity).insert(slot);
    }
    if (slot.booked >= slot.capacity) continue;
    await manager.getRepository(SlotEntity).update({ id: slot.id }, { booked: slot.booked + 1 });
    const past = visit.status !== 'booked';
    await manager.getRepository(AppointmentEntity).insert({
      id: randomUUID(),
      slotId: slot.id,
      advisorId,
      studentId: student.id,
      startsAt,
      endsAt: slot.endsAt,
      topic: visit.topic,
      note: visit.note,
      status: visit.status,
      activeKey: slot.id,
      checkedInAt: past ? startsAt : null,
      cancelledAt: null,
      cancelledBy: null,
      lateCancellation: false,
      attendanceMarkedAt: past ? slot.endsAt : null,
      rating: visit.rating ?? null,
      feedback: visit.rating ? '老师很耐心，方向清楚多了' : null,
      ratedAt: visit.rating ? slot.endsAt : null,
      rescheduledFromId: null,
      createdAt: now,
      updatedAt: now,
    });
    created.push(`appointment ${visit.openid} ${addDays(day, visit.dayOffset)} ${visit.time}`);
  }
  return created;
}
