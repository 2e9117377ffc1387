import { type AppointmentDto, AppointmentStatus, type WaitlistEntryDto } from '@careerside/shared';
import type { AdvisorEntity } from '../advisors/advisor.entity';
import { toAdvisorSummary } from '../advisors/advisor.mapper';
import type { SlotEntity } from '../slots/slot.entity';
import { isoInZone } from '../slots/slot-time';
import type { AppointmentEntity } from './appointment.entity';
import type { WaitlistEntryEntity } from './waitlist-entry.entity';

export interface AppointmentContext {
  advisor: AdvisorEntity;
  slot: SlotEntity | null;
  timeZone: string;
  cancellationCutoffMinutes: number;
  now: Date;
  /** The appointment this one was moved to, if it was. */
  rescheduledToId?: string | null;
}

/** Completed means ended and attended (marked by the counselor, or checked in by the student). */
export function isCompleted(appointment: AppointmentEntity, now: Date): boolean {
  if (appointment.endsAt > now) return false;
  return (
    appointment.status === AppointmentStatus.Attended ||
    (appointment.status === AppointmentStatus.Booked && appointment.checkedInAt !== null)
  );
}

export function toAppointmentDto(
  appointment: AppointmentEntity,
  context: AppointmentContext,
): AppointmentDto {
  const { advisor, slot, timeZone } = context;
  const iso = (value: Date | null) => (value ? isoInZone(value, timeZone) : null);
  return {
    id: appointment.id,
    status: appointment.status,
    slotId: appointment.slotId,
    startsAt: isoInZone(appointment.startsAt, timeZone),
    endsAt: isoInZone(appointment.endsAt, timeZone),
    topic: appointment.topic,
    note: appointment.note,
    mode: slot?.mode ?? 'in_person',
    location: slot?.location ?? advisor.location,
    meetingUrl: slot?.mode === 'online' ? advisor.meetingUrl : null,
    title: slot?.title ?? null,
    advisor: toAdvisorSummary(advisor),
    checkedInAt: iso(appointment.checkedInAt),
    cancelledAt: iso(appointment.cancelledAt),
    cancelledBy: appointment.cancelledBy,
    lateCancellation: appointment.lateCancellation,
    cancellableUntil: isoInZone(
      new Date(appointment.startsAt.getTime() - context.cancellationCutoffMinutes * 60_000),
      timeZone,
    ),
    rating: appointment.rating,
    feedback: appointment.feedback,
    canRate: appointment.rating === null && isCompleted(appointment, context.now),
    rescheduledFromId: appointment.rescheduledFromId,
    rescheduledToId: context.rescheduledToId ?? null,
    createdAt: appointment.createdAt.toISOString(),
  };
}

export function toWaitlistEntryDto(
  entry: WaitlistEntryEntity,
  context: {
    advisor: AdvisorEntity;
    slot: WaitlistEntryDto['slot'];
    position: number | null;
    timeZone: string;
  },
): WaitlistEntryDto {
  return {
    id: entry.id,
    status: entry.status,
    slot: context.slot,
    advisor: toAdvisorSummary(context.advisor),
    topic: entry.topic,
    position: context.position,
    holdExpiresAt: entry.holdExpiresAt ? isoInZone(entry.holdExpiresAt, context.timeZone) : null,
    appointmentId: entry.appointmentId,
    createdAt: entry.createdAt.toISOString(),
  };
}
