import { Module } from '@nestjs/common';
import { SlotMaterializer } from './slot-materializer.service';
import { SlotsRepository } from './slots.repository';
import { SlotsService } from './slots.service';

/** The slot engine: generation from availability, materialisation, listing and the seat counter. */
@Module({
  providers: [SlotsRepository, SlotsService, SlotMaterializer],
  exports: [SlotsRepository, SlotsService, SlotMaterializer],
})
export class SlotsModule {}
