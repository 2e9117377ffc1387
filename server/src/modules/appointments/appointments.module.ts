import { Module } from '@nestjs/common';
import { AdvisorsModule } from '../advisors/advisors.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SlotsModule } from '../slots/slots.module';
import { UsersModule } from '../users/users.module';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsRepository } from './appointments.repository';
import { AppointmentsService } from './appointments.service';
import { BookingJobs } from './booking-jobs';
import { BookingNotifier } from './booking-notifier';
import { BookingRules } from './booking-rules';
import { BookingStandingService } from './booking-standing.service';
import { BookingWriteThrottlerGuard } from './booking-write-throttler.guard';
import { BookingService } from './booking.service';
import { StandingRepository } from './standing.repository';
import { WaitlistController } from './waitlist.controller';
import { WaitlistRepository } from './waitlist.repository';
import { WaitlistService } from './waitlist.service';

/** Booking rules, appointments, the waitlist, strikes and suspensions, check-in and feedback. */
@Module({
  imports: [AdvisorsModule, SlotsModule, IdempotencyModule, NotificationsModule, UsersModule],
  controllers: [AppointmentsController, WaitlistController],
  providers: [
    AppointmentsRepository,
    WaitlistRepository,
    StandingRepository,
    BookingRules,
    BookingStandingService,
    BookingNotifier,
    BookingService,
    WaitlistService,
    AppointmentsService,
    BookingJobs,
    BookingWriteThrottlerGuard,
  ],
  exports: [AppointmentsService, WaitlistService, BookingService, AppointmentsRepository, BookingNotifier],
})
export class AppointmentsModule {}
