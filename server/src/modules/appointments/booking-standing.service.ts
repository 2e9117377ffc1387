import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type BookingStatusResponse, type StrikeKind } from '@careerside/shared';
import { zonedDate } from '../../common/time/zoned-time';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { isoInZone } from '../slots/slot-time';
import { BookingStrikeEntity } from './booking-strike.entity';
import { BookingSuspensionEntity } from './booking-suspension.entity';
import { BookingSuspendedException } from './appointments.exception';
import { StandingRepository } from './standing.repository';

const DAY_MS = 86_400_000;

export const STRIKE_LABELS: Record<StrikeKind, string> = {
  no_show: '爽约',
  late_cancellation: '临时取消',
};

/**
 * A student's standing: no-shows and late cancellations within the strike window count; reaching the limit
 * suspends booking for a while. Strikes from before the latest suspension began never count again, so one
 * run of strikes suspends once.
 */
@Injectable()
export class BookingStandingService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly standing: StandingRepository,
  ) {}

  async assertCanBook(studentId: string, now: Date, manager?: EntityManager): Promise<void> {
    const suspension = await this.standing.currentSuspension(studentId, now, manager);
    if (!suspension) return;
    const reasons = [...new Set(suspension.reason.split(','))]
      .map((kind) => STRIKE_LABELS[kind as StrikeKind] ?? kind)
      .join('、');
    const timeZone = this.config.center.timezone;
    throw new BookingSuspendedException(
      isoInZone(suspension.endsAt, timeZone),
      zonedDate(suspension.endsAt, timeZone),
      reasons,
    );
  }

  /** Records a strike and, when it reaches the limit, suspends booking. Returns the new suspension, if any. */
  async addStrike(
    manager: EntityManager,
    strike: { studentId: string; appointmentId: string; kind: StrikeKind; occurredAt: Date },
    now: Date,
  ): Promise<BookingSuspensionEntity | null> {
    await this.standing.insertStrike(
      manager,
      Object.assign(new BookingStrikeEntity(), {
        id: randomUUID(),
        ...strike,
        createdAt: now,
        updatedAt: now,
      }),
    );
    if (await this.standing.currentSuspension(strike.studentId, now, manager)) return null;
    const counting = await this.countingStrikes(manager, strike.studentId, now);
    if (counting.length < this.config.booking.strikeLimit) return null;
    const suspension = Object.assign(new BookingSuspensionEntity(), {
      id: randomUUID(),
      studentId: strike.studentId,
      startsAt: now,
      endsAt: new Date(now.getTime() + this.config.booking.suspensionDays * DAY_MS),
      reason: [...new Set(counting.map((entry) => entry.kind))].join(','),
      strikeCount: counting.length,
      createdAt: now,
      updatedAt: now,
    });
    await this.standing.insertSuspension(manager, suspension);
    return suspension;
  }

  /** A no-show corrected to attended takes its strike back (a suspension already begun stays). */
  async removeStrike(manager: EntityManager, appointmentId: string): Promise<void> {
    await this.standing.deleteStrike(manager, appointmentId);
  }

  async status(
    studentId: string,
    activeAppointments: number,
    now = new Date(),
  ): Promise<Omit<BookingStatusResponse, 'rules'>> {
    const timeZone = this.config.center.timezone;
    const suspension = await this.standing.currentSuspension(studentId, now);
    const strikes = await this.countingStrikes(undefined, studentId, now);
    return {
      suspension: suspension
        ? {
            reason: suspension.reason.split(',') as StrikeKind[],
            startsAt: isoInZone(suspension.startsAt, timeZone),
            endsAt: isoInZone(suspension.endsAt, timeZone),
          }
        : null,
      strikes: strikes.map((strike) => ({
        kind: strike.kind,
        occurredAt: isoInZone(strike.occurredAt, timeZone),
        appointmentId: strike.appointmentId,
      })),
      strikeLimit: this.config.booking.strikeLimit,
      activeAppointments,
      maxActiveAppointments: this.config.booking.maxActiveAppointments,
    };
  }

  private async countingStrikes(
    manager: EntityManager | undefined,
    studentId: string,
    now: Date,
  ): Promise<BookingStrikeEntity[]> {
    const windowStart = new Date(now.getTime() - this.config.booking.strikeWindowDays * DAY_MS);
    const latest = await this.standing.latestSuspension(studentId, manager);
    const since = latest && latest.startsAt > windowStart ? latest.startsAt : windowStart;
    return this.standing.strikesSince(studentId, since, manager);
  }
}
