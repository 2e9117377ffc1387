import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AlertFrequency, Degree } from '@careerside/shared';
import { UserEntity } from '../users/user.entity';

/**
 * A student's job alert preferences. The lists live one row per value in the job_alert_* tables; the
 * `any_*` flags say a list is empty (no condition on that field), so matching never counts rows.
 */
@Entity({ name: 'job_alert_settings' })
@Index('idx_job_alert_settings_frequency_next_digest_at', ['frequency', 'nextDigestAt'])
export class JobAlertSettingsEntity {
  @PrimaryColumn({
    name: 'user_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_job_alert_settings',
  })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_job_alert_settings_user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  frequency: AlertFrequency;

  /** The student's degree: postings that ask for more are not matched. Null: no condition. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  degree: Degree | null;

  /** Digest time on the center's clock, minutes after midnight. */
  @Column({ name: 'digest_minute', type: 'integer' })
  digestMinute: number;

  /** Weekly digests: ISO weekday, 1 = Monday. */
  @Column({ name: 'digest_weekday', type: 'integer' })
  digestWeekday: number;

  @Column({ name: 'any_industry', type: 'boolean' })
  anyIndustry: boolean;

  @Column({ name: 'any_key_sector', type: 'boolean' })
  anyKeySector: boolean;

  @Column({ name: 'any_location', type: 'boolean' })
  anyLocation: boolean;

  @Column({ name: 'any_keyword', type: 'boolean' })
  anyKeyword: boolean;

  /** Daily and weekly: when the next digest is due. */
  @Column({ name: 'next_digest_at', type: 'datetime', precision: 3, nullable: true })
  nextDigestAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
