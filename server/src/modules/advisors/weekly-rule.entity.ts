import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AppointmentMode, IsoWeekday } from '@careerside/shared';

/** One recurring block of an advisor's week, cut into slots of `slotMinutes` with `bufferMinutes` between. */
@Entity({ name: 'advisor_weekly_rules' })
@Index('idx_advisor_weekly_rules_advisor_id', ['advisorId'])
export class WeeklyRuleEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_advisor_weekly_rules' })
  id: string;

  @Column({ name: 'advisor_id', type: 'varchar', length: 36 })
  advisorId: string;

  @Column({ type: 'integer' })
  weekday: IsoWeekday;

  @Column({ name: 'start_time', type: 'varchar', length: 5 })
  startTime: string;

  @Column({ name: 'end_time', type: 'varchar', length: 5 })
  endTime: string;

  @Column({ name: 'slot_minutes', type: 'integer' })
  slotMinutes: number;

  @Column({ name: 'buffer_minutes', type: 'integer' })
  bufferMinutes: number;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'varchar', length: 16 })
  mode: AppointmentMode;

  @Column({ type: 'varchar', length: 100, nullable: true })
  location: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
