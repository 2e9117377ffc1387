import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Booking is refused from `startsAt` until `endsAt`, after too many strikes. */
@Entity({ name: 'booking_suspensions' })
@Index('idx_booking_suspensions_student_id_ends_at', ['studentId', 'endsAt'])
export class BookingSuspensionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_booking_suspensions' })
  id: string;

  @Column({ name: 'student_id', type: 'varchar', length: 36 })
  studentId: string;

  @Column({ name: 'starts_at', type: 'datetime' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime' })
  endsAt: Date;

  /** The strike kinds behind it, comma-separated (`no_show,late_cancellation`). */
  @Column({ type: 'varchar', length: 100 })
  reason: string;

  @Column({ name: 'strike_count', type: 'integer' })
  strikeCount: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
