import { Module } from '@nestjs/common';
import { AdvisorsModule } from '../advisors/advisors.module';
import { AppointmentsModule } from '../appointments/appointments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReflectionModule } from '../reflection/reflection.module';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';
import { CounselorAgenda } from './counselor-agenda';
import { CounselorNotesService } from './counselor-notes.service';
import { CounselorStaffController } from './counselor-staff.controller';
import { CounselorStaffService } from './counselor-staff.service';
import { CounselorController } from './counselor.controller';
import { CounselorRepository } from './counselor.repository';
import { InviteThrottlerGuard } from './invite-throttler.guard';
import { CounselorService } from './counselor.service';

/** The counselor workspace (issue 5): day view, notes, time off, calendar feed, morning agenda, staff view. */
@Module({
  imports: [AdvisorsModule, AppointmentsModule, NotificationsModule, ReflectionModule],
  controllers: [CounselorController, CalendarFeedController, CounselorStaffController],
  providers: [
    CounselorRepository,
    CounselorNotesService,
    CounselorService,
    CalendarFeedService,
    CounselorStaffService,
    CounselorAgenda,
    InviteThrottlerGuard,
  ],
})
export class CounselorModule {}
