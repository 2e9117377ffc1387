import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { JobEntity } from './job.entity';

/** A student's marks on a posting: saved, and "I applied". A row exists while either is set. */
@Entity({ name: 'job_marks' })
@Index('idx_job_marks_user_id_saved_at', ['userId', 'savedAt'])
@Index('idx_job_marks_user_id_applied_at', ['userId', 'appliedAt'])
@Index('idx_job_marks_job_id', ['jobId'])
export class JobMarkEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_job_marks' })
  userId: string;

  @PrimaryColumn({ name: 'job_id', type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_job_marks' })
  jobId: string;

  @Column({ name: 'saved_at', type: 'datetime', precision: 3, nullable: true })
  savedAt: Date | null;

  @Column({ name: 'applied_at', type: 'datetime', precision: 3, nullable: true })
  appliedAt: Date | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_job_marks_user_id' })
  user?: UserEntity;

  @ManyToOne(() => JobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'fk_job_marks_job_id' })
  job?: JobEntity;
}
