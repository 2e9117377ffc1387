import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { StrikeKind } from '@careerside/shared';

/** A no-show or a late cancellation; at most one per appointment. */
@Entity({ name: 'booking_strikes' })
@Unique('uq_booking_strikes_appointment_id', ['appointmentId'])
@Index('idx_booking_strikes_student_id_occurred_at', ['studentId', 'occurredAt'])
export class BookingStrikeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_booking_strikes' })
  id: string;

  @Column({ name: 'student_id', type: 'varchar', length: 36 })
  studentId: string;

  @Column({ name: 'appointment_id', type: 'varchar', length: 36 })
  appointmentId: string;

  @Column({ type: 'varchar', length: 24 })
  kind: StrikeKind;

  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt: Date;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
