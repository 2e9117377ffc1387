import { Module, forwardRef } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { JobAlertDigestsService } from './job-alert-digests.service';
import { JobAlertFanoutService } from './job-alert-fanout.service';
import { JobAlertsController } from './job-alerts.controller';
import { JobAlertsRepository } from './job-alerts.repository';
import { JobAlertsService } from './job-alerts.service';

/** Students' alert preferences, the set-based match on publish, digests and alert statistics. */
@Module({
  imports: [NotificationsModule, forwardRef(() => JobsModule)],
  controllers: [JobAlertsController],
  providers: [JobAlertsRepository, JobAlertFanoutService, JobAlertDigestsService, JobAlertsService],
  exports: [JobAlertsRepository, JobAlertFanoutService],
})
export class JobAlertsModule {}
