import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ADVISING_TOPICS, NotificationKind } from '@careerside/shared';
import { wallTime } from '../../common/time/zoned-time';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import type { AdvisorEntity } from '../advisors/advisor.entity';
import { type NotificationMessage, NotificationsService } from '../notifications/notifications.service';
import type { SlotEntity } from '../slots/slot.entity';
import type { AppointmentEntity } from './appointment.entity';
import type { BookingSuspensionEntity } from './booking-suspension.entity';
import type { WaitlistEntryEntity } from './waitlist-entry.entity';

const REMINDER_KEYS = ['day', 'hour'] as const;

export const BOOKING_PAGES = {
  appointments: 'subpackages/booking/pages/appointments/index',
  appointment: (id: string) => `subpackages/booking/pages/confirmation/index?id=${id}`,
  /** The waitlist tab, told which entry the offer was for: once it is no longer held, the page says so. */
  waitlistOffer: (entryId: string) =>
    `subpackages/booking/pages/appointments/index?tab=waitlist&entry=${entryId}`,
} as const;

/**
 * What booking tells students, written in the booking transaction through the notifications outbox:
 * confirmation, reminders the day before and an hour before, cancellations, waitlist offers, suspensions.
 */
@Injectable()
export class BookingNotifier {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  async booked(
    manager: EntityManager,
    appointment: AppointmentEntity,
    advisor: AdvisorEntity,
    slot: SlotEntity,
  ): Promise<void> {
    const when = this.when(appointment.startsAt);
    const where = slot.mode === 'online' ? '线上' : (slot.location ?? advisor.location);
    const topic = this.topic(appointment);
    const facts = { topic, advisorName: advisor.name, startsAt: appointment.startsAt, location: where };
    await this.notifications.notify(manager, {
      userId: appointment.studentId,
      kind: NotificationKind.AppointmentBooked,
      title: '预约成功',
      body: `${when} · ${advisor.name} · ${where}（${topic}）`,
      page: BOOKING_PAGES.appointment(appointment.id),
      dedupeKey: `appointment:${appointment.id}:booked`,
      payload: { appointmentId: appointment.id },
      wechat: facts,
    });
    for (const reminder of this.reminders(appointment)) {
      await this.notifications.notify(manager, {
        userId: appointment.studentId,
        kind: NotificationKind.AppointmentReminder,
        title: reminder.title,
        body: `${when} · ${advisor.name} · ${where}`,
        page: BOOKING_PAGES.appointment(appointment.id),
        dedupeKey: this.reminderKey(appointment, reminder.key),
        dueAt: reminder.dueAt,
        payload: { appointmentId: appointment.id },
        wechat: facts,
      });
    }
  }

  async cancelled(
    manager: EntityManager,
    appointment: AppointmentEntity,
    advisor: AdvisorEntity,
  ): Promise<void> {
    await this.cancelReminders(manager, appointment);
    const reason = appointment.lateCancellation
      ? '开始前 2 小时内取消，计为一次临时取消'
      : '已按你的要求取消';
    await this.notifications.notify(manager, {
      userId: appointment.studentId,
      kind: NotificationKind.AppointmentCancelled,
      title: appointment.lateCancellation ? '预约已取消（临时取消）' : '预约已取消',
      body: `${this.when(appointment.startsAt)} · ${advisor.name}。${reason}`,
      page: BOOKING_PAGES.appointments,
      dedupeKey: `appointment:${appointment.id}:cancelled`,
      payload: { appointmentId: appointment.id },
      wechat: {
        topic: this.topic(appointment),
        advisorName: advisor.name,
        startsAt: appointment.startsAt,
        reason,
      },
    });
  }

  /** The old appointment of a reschedule: its reminders go, without a cancellation message of its own. */
  async rescheduledAway(manager: EntityManager, appointment: AppointmentEntity): Promise<void> {
    await this.cancelReminders(manager, appointment);
  }

  /** Staff cancelled the appointment (the advisor's leave) and tell the student themselves: its reminders go. */
  async withdrawReminders(manager: EntityManager, appointment: AppointmentEntity): Promise<void> {
    await this.cancelReminders(manager, appointment);
  }

  /** Urgent: the hold runs out in minutes, so quiet hours and the daily cap do not delay it. */
  async waitlistOffer(
    manager: EntityManager,
    entry: WaitlistEntryEntity,
    slot: SlotEntity,
    advisor: AdvisorEntity,
  ): Promise<void> {
    const holdUntil = entry.holdExpiresAt ?? slot.startsAt;
    await this.notifications.notify(manager, {
      userId: entry.studentId,
      kind: NotificationKind.WaitlistOffer,
      title: '候补名额已为你保留',
      body: `${this.when(slot.startsAt)} · ${advisor.name}，请在 ${this.when(holdUntil).slice(-5)} 前确认，逾期将顺延给下一位同学`,
      page: BOOKING_PAGES.waitlistOffer(entry.id),
      dedupeKey: `waitlist:${entry.id}:offer`,
      payload: { waitlistEntryId: entry.id },
      urgent: true,
      wechat: { topic: this.topic(entry), advisorName: advisor.name, startsAt: slot.startsAt, holdUntil },
    });
  }

  async suspended(
    manager: EntityManager,
    studentId: string,
    suspension: BookingSuspensionEntity,
  ): Promise<void> {
    await this.notifications.notify(manager, {
      userId: studentId,
      kind: NotificationKind.System,
      title: '预约功能已暂停',
      body: `90 天内爽约或临时取消已达 ${suspension.strikeCount} 次，预约功能暂停至 ${this.when(suspension.endsAt)}。`,
      page: BOOKING_PAGES.appointments,
      dedupeKey: `suspension:${suspension.id}`,
      payload: { endsAt: suspension.endsAt.toISOString() },
      wechat: false,
    } satisfies NotificationMessage<'system'> & { userId: string });
  }

  /** The day before at the same time and one hour before, skipping those already past. */
  reminders(
    appointment: AppointmentEntity,
    now = appointment.createdAt,
  ): { key: string; title: string; dueAt: Date }[] {
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

  reminderKey(appointment: AppointmentEntity, key: string): string {
    return `appointment:${appointment.id}:reminder:${key}`;
  }

  private topic(subject: { topic: string }): string {
    return ADVISING_TOPICS.find((entry) => entry.code === subject.topic)?.label['zh-CN'] ?? subject.topic;
  }

  /**
   * Reminders of a cancelled or rescheduled appointment must never show or push: both keys, whether or not
   * the booking scheduled them (one already past at booking time was never written).
   */
  private async cancelReminders(manager: EntityManager, appointment: AppointmentEntity): Promise<void> {
    await this.notifications.withdraw(
      manager,
      appointment.studentId,
      REMINDER_KEYS.map((key) => this.reminderKey(appointment, key)),
    );
  }
}
