import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { AppointmentMode } from '@careerside/shared';

/**
 * A bookable time of one advisor, materialised from the weekly rules over the booking horizon. `booked`
 * counts appointments plus seats held for a waitlist offer, and only ever moves through a conditional
 * UPDATE (`booked < capacity`), which is what makes double booking impossible.
 */
@Entity({ name: 'slots' })
@Unique('uq_slots_advisor_id_starts_at', ['advisorId', 'startsAt'])
@Index('idx_slots_starts_at', ['startsAt'])
export class SlotEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_slots' })
  id: string;

  @Column({ name: 'advisor_id', type: 'varchar', length: 36 })
  advisorId: string;

  @Column({ name: 'starts_at', type: 'datetime' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime' })
  endsAt: Date;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'integer' })
  booked: number;

  @Column({ type: 'varchar', length: 16 })
  mode: AppointmentMode;

  @Column({ type: 'varchar', length: 100, nullable: true })
  location: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  /** No longer in the advisor's availability but kept for the appointments it carries. Not bookable. */
  @Column({ type: 'boolean' })
  withdrawn: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
