import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { AdvisingTopic, WaitlistStatus } from '@careerside/shared';

/** A student waiting for a seat in a full slot; first come (created_at, id), first offered. */
@Entity({ name: 'waitlist_entries' })
@Unique('uq_waitlist_entries_student_id_active_key', ['studentId', 'activeKey'])
@Index('idx_waitlist_entries_slot_id_status', ['slotId', 'status'])
@Index('idx_waitlist_entries_status_hold_expires_at', ['status', 'holdExpiresAt'])
export class WaitlistEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_waitlist_entries' })
  id: string;

  @Column({ name: 'slot_id', type: 'varchar', length: 36 })
  slotId: string;

  @Column({ name: 'student_id', type: 'varchar', length: 36 })
  studentId: string;

  @Column({ type: 'varchar', length: 32 })
  topic: AdvisingTopic;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: WaitlistStatus;

  /** The slot id while waiting or offered, NULL afterwards: one place in line per student per slot. */
  @Column({ name: 'active_key', type: 'varchar', length: 36, nullable: true })
  activeKey: string | null;

  @Column({ name: 'offered_at', type: 'datetime', nullable: true })
  offeredAt: Date | null;

  @Column({ name: 'hold_expires_at', type: 'datetime', nullable: true })
  holdExpiresAt: Date | null;

  @Column({ name: 'appointment_id', type: 'varchar', length: 36, nullable: true })
  appointmentId: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
