import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppointmentEntity } from '../../src/modules/appointments/appointment.entity';
import { SlotEntity } from '../../src/modules/slots/slot.entity';

/**
 * An appointment written straight to the database with its own one-seat slot, for tests that need history
 * (past sessions, no-shows) or students without a complete profile. Booking itself is tested through HTTP.
 */
export const appointmentFactory = {
  build(
    advisorId: string,
    studentId: string,
    startsAt: Date,
    overrides: Partial<AppointmentEntity> = {},
  ): { appointment: AppointmentEntity; slot: SlotEntity } {
    const now = new Date();
    const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
    const slot = Object.assign(new SlotEntity(), {
      id: randomUUID(),
      advisorId,
      startsAt,
      endsAt,
      capacity: 1,
      booked: overrides.status === 'cancelled' ? 0 : 1,
      mode: 'in_person',
      location: null,
      title: null,
      withdrawn: false,
      createdAt: now,
      updatedAt: now,
    } satisfies SlotEntity);
    const status = overrides.status ?? 'booked';
    const appointment = Object.assign(new AppointmentEntity(), {
      id: randomUUID(),
      slotId: slot.id,
      advisorId,
      studentId,
      startsAt,
      endsAt,
      topic: 'career_planning',
      note: null,
      status,
      activeKey: status === 'cancelled' ? null : slot.id,
      checkedInAt: null,
      cancelledAt: null,
      cancelledBy: null,
      lateCancellation: false,
      attendanceMarkedAt: null,
      rating: null,
      feedback: null,
      ratedAt: null,
      rescheduledFromId: null,
      createdAt: now,
      updatedAt: now,
      ...overrides,
    } satisfies AppointmentEntity);
    return { appointment, slot };
  },

  async create(
    dataSource: DataSource,
    advisorId: string,
    studentId: string,
    startsAt: Date,
    overrides: Partial<AppointmentEntity> = {},
  ): Promise<AppointmentEntity> {
    const { appointment, slot } = this.build(advisorId, studentId, startsAt, overrides);
    await dataSource.getRepository(SlotEntity).insert(slot);
    await dataSource.getRepository(AppointmentEntity).insert(appointment);
    return appointment;
  },
};
