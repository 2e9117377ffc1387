import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SlotsModule } from '../slots/slots.module';
import { AdvisorEntity } from './advisor.entity';
import { AdvisorsController } from './advisors.controller';
import { AdvisorsRepository, AvailabilityRepository } from './advisors.repository';
import { AdvisorsService } from './advisors.service';
import { AvailabilityController } from './availability.controller';
import { AvailabilityService } from './availability.service';

/** Advisor profiles and their availability: weekly rules, date exceptions and center closures. */
@Module({
  imports: [TypeOrmModule.forFeature([AdvisorEntity]), SlotsModule],
  controllers: [AdvisorsController, AvailabilityController],
  providers: [AdvisorsRepository, AvailabilityRepository, AdvisorsService, AvailabilityService],
  exports: [AdvisorsRepository, AdvisorsService, AvailabilityService],
})
export class AdvisorsModule {}
