import { Module } from '@nestjs/common';
import { SlotListingCache } from './slot-listing-cache';
import { SlotMaterializer } from './slot-materializer.service';
import { SlotsRepository } from './slots.repository';
import { SlotsService } from './slots.service';

/** The slot engine: generation from availability, materialisation, listing and the seat counter. */
@Module({
  providers: [SlotListingCache, SlotsRepository, SlotsService, SlotMaterializer],
  exports: [SlotsRepository, SlotsService, SlotMaterializer],
})
export class SlotsModule {}
