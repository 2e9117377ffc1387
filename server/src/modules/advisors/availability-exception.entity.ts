import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AppointmentMode, AvailabilityExceptionKind } from '@careerside/shared';

/** Leave (no slots that day or within some hours) or extra hours on one date. */
@Entity({ name: 'advisor_exceptions' })
@Index('idx_advisor_exceptions_advisor_id_date', ['advisorId', 'date'])
export class AvailabilityExceptionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_advisor_exceptions' })
  id: string;

  @Column({ name: 'advisor_id', type: 'varchar', length: 36 })
  advisorId: string;

  /** `YYYY-MM-DD` in the center's time zone. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 16 })
  kind: AvailabilityExceptionKind;

  @Column({ name: 'start_time', type: 'varchar', length: 5, nullable: true })
  startTime: string | null;

  @Column({ name: 'end_time', type: 'varchar', length: 5, nullable: true })
  endTime: string | null;

  @Column({ name: 'slot_minutes', type: 'integer', nullable: true })
  slotMinutes: number | null;

  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  mode: AppointmentMode | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  location: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
