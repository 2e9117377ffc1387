import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AvailabilityService } from '../advisors/availability.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { WorkScheduler } from '../scheduling/work-scheduler';
import { WaitlistService } from './waitlist.service';

/** Booking's periodic work, on the shared WorkScheduler (BullMQ with REDIS_URL, timers otherwise). */
@Injectable()
export class BookingJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: WorkScheduler,
    private readonly waitlist: WaitlistService,
    private readonly availability: AvailabilityService,
    private readonly idempotency: IdempotencyService,
  ) {}

  onModuleInit(): void {
    // Every step is a conditional update, so runs in several processes at once are safe.
    this.scheduler.register({
      name: 'booking.waitlist-holds',
      everyMs: 30_000,
      run: async () => ({ more: (await this.waitlist.expireHolds()).expired >= 100 }),
    });
    // Just after midnight (center time) a new day enters the booking horizon.
    this.scheduler.register({
      name: 'booking.slot-horizon',
      dailyAt: '00:05',
      run: async () => {
        await this.availability.extendHorizon();
      },
    });
    this.scheduler.register({
      name: 'booking.idempotency-cleanup',
      dailyAt: '03:30',
      run: async () => {
        await this.idempotency.deleteExpired();
      },
    });
  }
}
