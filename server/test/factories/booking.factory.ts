import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AdvisorEntity } from '../../src/modules/advisors/advisor.entity';
import { newShortCode } from '../../src/modules/advisors/advisors.service';
import { AppointmentEntity } from '../../src/modules/appointments/appointment.entity';
import { SlotEntity } from '../../src/modules/slots/slot.entity';

let sequence = 0;
const HOUR = 3_600_000;

export const advisorFactory = {
  build(overrides: Partial<AdvisorEntity> = {}): AdvisorEntity {
    sequence += 1;
    const now = new Date();
    return Object.assign(new AdvisorEntity(), {
      id: randomUUID(),
      shortCode: newShortCode(),
      name: `老师${sequence}`,
      title: '就业指导老师',
      photoUrl: null,
      bio: '',
      topics: ['career_planning', 'resume'],
      location: `学生活动中心 ${300 + sequence}`,
      modes: ['in_person'],
      meetingUrl: null,
      phone: null,
      active: true,
      createdAt: now,
      updatedAt: now,
      ...overrides,
    } satisfies AdvisorEntity);
  },

  async create(dataSource: DataSource, overrides: Partial<AdvisorEntity> = {}): Promise<AdvisorEntity> {
    const advisor = this.build(overrides);
    await dataSource.getRepository(AdvisorEntity).insert(advisor);
    return advisor;
  },
};

export const slotFactory = {
  /** A slot starting `hoursFromNow` from now (whole minutes), 30 minutes long, one seat unless told. */
  build(advisorId: string, hoursFromNow: number, overrides: Partial<SlotEntity> = {}): SlotEntity {
    const startsAt = new Date(Math.floor((Date.now() + hoursFromNow * HOUR) / 60_000) * 60_000);
    const now = new Date();
    return Object.assign(new SlotEntity(), {
      id: randomUUID(),
      advisorId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      capacity: 1,
      booked: 0,
      mode: 'in_person',
      location: null,
      title: null,
      withdrawn: false,
      createdAt: now,
      updatedAt: now,
      ...overrides,
    } satisfies SlotEntity);
  },

  async create(
    dataSource: DataSource,
    advisorId: string,
    hoursFromNow: number,
    overrides: Partial<SlotEntity> = {},
  ): Promise<SlotEntity> {
    const slot = this.build(advisorId, hoursFromNow, overrides);
    await dataSource.getRepository(SlotEntity).insert(slot);
    return slot;
  },

  async reload(dataSource: DataSource, id: string): Promise<SlotEntity> {
    return dataSource.getRepository(SlotEntity).findOneByOrFail({ id });
  },
};

export async function reloadAppointment(dataSource: DataSource, id: string): Promise<AppointmentEntity> {
  return dataSource.getRepository(AppointmentEntity).findOneByOrFail({ id });
}

/** Moves an appointment (and its slot) in time, e.g. into the past to test check-in, feedback and attendance. */
export async function moveAppointment(
  dataSource: DataSource,
  id: string,
  startsAt: Date,
  minutes = 30,
): Promise<void> {
  const appointment = await reloadAppointment(dataSource, id);
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  await dataSource.getRepository(AppointmentEntity).update({ id }, { startsAt, endsAt });
  await dataSource.getRepository(SlotEntity).update({ id: appointment.slotId }, { startsAt, endsAt });
}
