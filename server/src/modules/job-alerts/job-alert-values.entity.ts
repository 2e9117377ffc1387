import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Industry, KeySector } from '@careerside/shared';
import { JobAlertSettingsEntity } from './job-alert-settings.entity';

// One row per (student, value). Matching asks "has this student a row for one of the job's values", which
// the primary key answers; the (value, user_id) indexes let the planner start from a rare value instead.

@Entity({ name: 'job_alert_industries' })
@Index('idx_job_alert_industries_industry_user_id', ['industry', 'userId'])
export class JobAlertIndustryEntity {
  @PrimaryColumn({
    name: 'user_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_job_alert_industries',
  })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 32, primaryKeyConstraintName: 'pk_job_alert_industries' })
  industry: Industry;

  @ManyToOne(() => JobAlertSettingsEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_job_alert_industries_user_id' })
  settings?: JobAlertSettingsEntity;
}

@Entity({ name: 'job_alert_key_sectors' })
@Index('idx_job_alert_key_sectors_key_sector_user_id', ['keySector', 'userId'])
export class JobAlertKeySectorEntity {
  @PrimaryColumn({
    name: 'user_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_job_alert_key_sectors',
  })
  userId: string;

  @PrimaryColumn({
    name: 'key_sector',
    type: 'varchar',
    length: 32,
    primaryKeyConstraintName: 'pk_job_alert_key_sectors',
  })
  keySector: KeySector;

  @ManyToOne(() => JobAlertSettingsEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_job_alert_key_sectors_user_id' })
  settings?: JobAlertSettingsEntity;
}

@Entity({ name: 'job_alert_locations' })
@Index('idx_job_alert_locations_location_user_id', ['location', 'userId'])
export class JobAlertLocationEntity {
  @PrimaryColumn({
    name: 'user_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_job_alert_locations',
  })
  userId: string;

  /** The normalized location key, as job_locations holds it. */
  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'pk_job_alert_locations' })
  location: string;

  @ManyToOne(() => JobAlertSettingsEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_job_alert_locations_user_id' })
  settings?: JobAlertSettingsEntity;
}

@Entity({ name: 'job_alert_keywords' })
export class JobAlertKeywordEntity {
  @PrimaryColumn({
    name: 'user_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_job_alert_keywords',
  })
  userId: string;

  /** Normalized like a posting's search text: matched with INSTR against it. */
  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'pk_job_alert_keywords' })
  keyword: string;

  @ManyToOne(() => JobAlertSettingsEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_job_alert_keywords_user_id' })
  settings?: JobAlertSettingsEntity;
}
