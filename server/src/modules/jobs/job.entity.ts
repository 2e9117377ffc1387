import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type {
  ApplyMethod,
  Degree,
  EmployerType,
  Industry,
  JobCloseReason,
  JobSource,
  JobStatus,
  KeySector,
} from '@careerside/shared';
import { jsonList } from '../../database/column-transformers';

/**
 * A job posting. Key sectors and locations are also kept one row per value (job_key_sectors,
 * job_locations) so filters and alert matching are indexed joins; the JSON lists here are what is shown.
 */
@Entity({ name: 'jobs' })
@Unique('uq_jobs_import_key', ['importKey'])
@Index('idx_jobs_status_published_at_id', ['status', 'publishedAt', 'id'])
@Index('idx_jobs_status_deadline', ['status', 'deadline'])
@Index('idx_jobs_created_at', ['createdAt'])
export class JobEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_jobs' })
  id: string;

  @Column({ type: 'varchar', length: 80 })
  title: string;

  @Column({ name: 'employer_name', type: 'varchar', length: 100 })
  employerName: string;

  @Column({ name: 'employer_type', type: 'varchar', length: 32 })
  employerType: EmployerType;

  @Column({ type: 'varchar', length: 32 })
  industry: Industry;

  @Column({ name: 'key_sectors', type: 'varchar', length: 500, transformer: jsonList })
  keySectors: KeySector[];

  @Column({ type: 'text', transformer: jsonList })
  locations: string[];

  @Column({ type: 'varchar', length: 16, nullable: true })
  degree: Degree | null;

  @Column({ type: 'text', transformer: jsonList })
  majors: string[];

  @Column({ name: 'salary_min', type: 'integer', nullable: true })
  salaryMin: number | null;

  @Column({ name: 'salary_max', type: 'integer', nullable: true })
  salaryMax: number | null;

  @Column({ type: 'integer', nullable: true })
  headcount: number | null;

  @Column({ type: 'datetime', precision: 3 })
  deadline: Date;

  @Column({ name: 'apply_method', type: 'varchar', length: 16 })
  applyMethod: ApplyMethod;

  @Column({ name: 'apply_url', type: 'varchar', length: 500, nullable: true })
  applyUrl: string | null;

  @Column({ name: 'apply_email', type: 'varchar', length: 254, nullable: true })
  applyEmail: string | null;

  @Column({ name: 'apply_address', type: 'varchar', length: 200, nullable: true })
  applyAddress: string | null;

  @Column({ type: 'text' })
  description: string;

  /** Normalized title, employer, majors and description that keyword search and alert keywords look in. */
  @Column({ name: 'search_text', type: 'text', select: false })
  searchText?: string;

  @Column({ type: 'varchar', length: 16 })
  status: JobStatus;

  @Column({ type: 'varchar', length: 16 })
  source: JobSource;

  @Column({ name: 'close_reason', type: 'varchar', length: 16, nullable: true })
  closeReason: JobCloseReason | null;

  @Column({ name: 'submission_id', type: 'varchar', length: 36, nullable: true })
  submissionId: string | null;

  /** Fingerprint of an imported row: importing the same row again creates nothing. */
  @Column({ name: 'import_key', type: 'varchar', length: 64, nullable: true })
  importKey: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
