import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { KeySector } from '@careerside/shared';
import { JobEntity } from './job.entity';

/** One row per (posting, key sector): the key-sector filter and alert matching join on it. */
@Entity({ name: 'job_key_sectors' })
@Index('idx_job_key_sectors_key_sector_job_id', ['keySector', 'jobId'])
export class JobKeySectorEntity {
  @PrimaryColumn({
    name: 'job_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_job_key_sectors',
  })
  jobId: string;

  @PrimaryColumn({
    name: 'key_sector',
    type: 'varchar',
    length: 32,
    primaryKeyConstraintName: 'pk_job_key_sectors',
  })
  keySector: KeySector;

  @ManyToOne(() => JobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'fk_job_key_sectors_job_id' })
  job?: JobEntity;
}

/** One row per (posting, location key); a posting without rows is open anywhere. */
@Entity({ name: 'job_locations' })
@Index('idx_job_locations_location_job_id', ['location', 'jobId'])
export class JobLocationEntity {
  @PrimaryColumn({
    name: 'job_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_job_locations',
  })
  jobId: string;

  /** The normalized matching key (see postings/locations.ts). */
  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'pk_job_locations' })
  location: string;

  @ManyToOne(() => JobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'fk_job_locations_job_id' })
  job?: JobEntity;
}
