import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { AdvisingTopic, AppointmentMode } from '@careerside/shared';
import { jsonList } from '../../database/column-transformers';

@Entity({ name: 'advisors' })
@Unique('uq_advisors_short_code', ['shortCode'])
@Index('idx_advisors_active', ['active'])
export class AdvisorEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_advisors' })
  id: string;

  /** Goes into the mini-program code scene (`a=<shortCode>`), which WeChat caps at 32 characters. */
  @Column({ name: 'short_code', type: 'varchar', length: 12 })
  shortCode: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 50 })
  title: string;

  @Column({ name: 'photo_url', type: 'varchar', length: 500, nullable: true })
  photoUrl: string | null;

  @Column({ type: 'varchar', length: 1000 })
  bio: string;

  @Column({ type: 'varchar', length: 500, transformer: jsonList })
  topics: AdvisingTopic[];

  @Column({ type: 'varchar', length: 100 })
  location: string;

  @Column({ type: 'varchar', length: 100, transformer: jsonList })
  modes: AppointmentMode[];

  @Column({ name: 'meeting_url', type: 'varchar', length: 500, nullable: true })
  meetingUrl: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Column({ type: 'boolean' })
  active: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
