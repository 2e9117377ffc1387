import { Module, forwardRef } from '@nestjs/common';
import { JobAlertsModule } from '../job-alerts/job-alerts.module';
import { AdminJobsController } from './admin-jobs.controller';
import { AdminJobsService } from './admin-jobs.service';
import { EmployerSubmissionsRepository } from './employer-submissions.repository';
import { EmployerSubmissionsService } from './employer-submissions.service';
import { JobBoardService } from './job-board.service';
import { JobImportService } from './job-import.service';
import { JobLifecycleService } from './job-lifecycle.service';
import { JobMarksRepository } from './job-marks.repository';
import { JobSweeperService } from './job-sweeper.service';
import { AdminJobSubmissionsController, EmployerSubmissionsController } from './job-submissions.controller';
import { JobsController } from './jobs.controller';
import { JobsRepository } from './jobs.repository';
import { PostingValidator } from './postings/posting-validator';
import { SubmissionThrottlerGuard } from './submission-throttler.guard';

/** The job board: postings and their workflow, employer submissions, CSV import, students' marks. */
@Module({
  imports: [forwardRef(() => JobAlertsModule)],
  controllers: [
    JobsController,
    AdminJobsController,
    EmployerSubmissionsController,
    AdminJobSubmissionsController,
  ],
  providers: [
    JobsRepository,
    JobMarksRepository,
    EmployerSubmissionsRepository,
    PostingValidator,
    JobLifecycleService,
    JobBoardService,
    AdminJobsService,
    JobImportService,
    EmployerSubmissionsService,
    JobSweeperService,
    SubmissionThrottlerGuard,
  ],
  exports: [JobsRepository],
})
export class JobsModule {}
