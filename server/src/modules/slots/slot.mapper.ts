import { type SlotDto, SlotAvailability } from '@careerside/shared';
import type { SlotEntity } from './slot.entity';
import { isoInZone } from './slot-time';

export interface SlotView {
  timeZone: string;
  /** Slots starting before this cannot be booked or waitlisted any more (minimum notice). */
  bookableFrom: Date;
  waitlistLength: number;
}

export function slotAvailability(slot: SlotEntity, bookableFrom: Date): SlotAvailability {
  if (slot.withdrawn || slot.startsAt < bookableFrom) return SlotAvailability.Closed;
  return slot.booked < slot.capacity ? SlotAvailability.Available : SlotAvailability.Full;
}

export function toSlotDto(slot: SlotEntity, view: SlotView): SlotDto {
  return {
    id: slot.id,
    advisorId: slot.advisorId,
    startsAt: isoInZone(slot.startsAt, view.timeZone),
    endsAt: isoInZone(slot.endsAt, view.timeZone),
    capacity: slot.capacity,
    remaining: Math.max(0, slot.capacity - slot.booked),
    availability: slotAvailability(slot, view.bookableFrom),
    waitlistLength: view.waitlistLength,
    mode: slot.mode,
    location: slot.location,
    title: slot.title,
  };
}
