import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { SubmissionStatus } from '@careerside/shared';

/** A posting an employer sent through the public form, waiting for (or after) staff review. */
@Entity({ name: 'employer_submissions' })
@Unique('uq_employer_submissions_token_hash', ['tokenHash'])
@Index('idx_employer_submissions_status_created_at', ['status', 'createdAt'])
export class EmployerSubmissionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_employer_submissions' })
  id: string;

  /** SHA-256 of the status-page token; the token itself is shown to the employer once and never stored. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 16 })
  status: SubmissionStatus;

  @Column({ type: 'varchar', length: 80 })
  title: string;

  @Column({ name: 'employer_name', type: 'varchar', length: 100 })
  employerName: string;

  /** The posting as submitted: JSON of the shared CreateJobRequest. */
  @Column({ type: 'text' })
  posting: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 50 })
  contactName: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 32, nullable: true })
  contactPhone: string | null;

  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ name: 'decline_reason', type: 'varchar', length: 500, nullable: true })
  declineReason: string | null;

  @Column({ name: 'job_id', type: 'varchar', length: 36, nullable: true })
  jobId: string | null;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 36, nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'datetime', precision: 3, nullable: true })
  reviewedAt: Date | null;

  /** Where it came from, for abuse reports. */
  @Column({ name: 'client_address', type: 'varchar', length: 64, nullable: true })
  clientAddress: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
