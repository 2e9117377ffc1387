import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AlertFrequency } from '@careerside/shared';
import { JobEntity } from '../jobs/job.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A student whose preferences a posting matched when it was published. The primary key (job, user) makes
 * matching idempotent: publishing twice, a retry or a second process adds no row and alerts nobody twice.
 */
@Entity({ name: 'job_alert_matches' })
@Index('idx_job_alert_matches_user_id_notified_at', ['userId', 'notifiedAt'])
export class JobAlertMatchEntity {
  @PrimaryColumn({
    name: 'job_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_job_alert_matches',
  })
  jobId: string;

  @PrimaryColumn({
    name: 'user_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_job_alert_matches',
  })
  userId: string;

  /** The student's frequency at match time: instant matches are notified at once, the others by digest. */
  @Column({ type: 'varchar', length: 16 })
  frequency: AlertFrequency;

  @Column({ name: 'matched_at', type: 'datetime', precision: 3 })
  matchedAt: Date;

  /** When the alert reached the inbox (at once, or with the digest). */
  @Column({ name: 'notified_at', type: 'datetime', precision: 3, nullable: true })
  notifiedAt: Date | null;

  /** First time the student tapped the alert through to the posting. */
  @Column({ name: 'opened_at', type: 'datetime', precision: 3, nullable: true })
  openedAt: Date | null;

  @ManyToOne(() => JobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'fk_job_alert_matches_job_id' })
  job?: JobEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_job_alert_matches_user_id' })
  user?: UserEntity;
}
