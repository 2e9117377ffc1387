import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { AdvisingTopic, AppointmentStatus, CancelledBy } from '@careerside/shared';

@Entity({ name: 'appointments' })
@Unique('uq_appointments_student_id_active_key', ['studentId', 'activeKey'])
@Index('idx_appointments_student_id_starts_at', ['studentId', 'startsAt'])
@Index('idx_appointments_advisor_id_starts_at', ['advisorId', 'startsAt'])
@Index('idx_appointments_slot_id', ['slotId'])
export class AppointmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_appointments' })
  id: string;

  @Column({ name: 'slot_id', type: 'varchar', length: 36 })
  slotId: string;

  @Column({ name: 'advisor_id', type: 'varchar', length: 36 })
  advisorId: string;

  @Column({ name: 'student_id', type: 'varchar', length: 36 })
  studentId: string;

  /** Copied from the slot so the per-student rules (overlap, one per advisor per day) are one index read. */
  @Column({ name: 'starts_at', type: 'datetime' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 32 })
  topic: AdvisingTopic;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: AppointmentStatus;

  /** The slot id while the appointment holds a seat, NULL once cancelled: one active seat per student per slot. */
  @Column({ name: 'active_key', type: 'varchar', length: 36, nullable: true })
  activeKey: string | null;

  @Column({ name: 'checked_in_at', type: 'datetime', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'datetime', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancelled_by', type: 'varchar', length: 16, nullable: true })
  cancelledBy: CancelledBy | null;

  @Column({ name: 'late_cancellation', type: 'boolean' })
  lateCancellation: boolean;

  @Column({ name: 'attendance_marked_at', type: 'datetime', nullable: true })
  attendanceMarkedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  rating: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  feedback: string | null;

  @Column({ name: 'rated_at', type: 'datetime', nullable: true })
  ratedAt: Date | null;

  @Column({ name: 'rescheduled_from_id', type: 'varchar', length: 36, nullable: true })
  rescheduledFromId: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
