import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { SubscribeResult, SubscriptionMode } from '@careerside/shared';
import { UserEntity } from '../users/user.entity';

/** What one user has granted for one subscribe-message template (the consent wallet). */
@Entity({ name: 'subscription_grants' })
export class SubscriptionGrantEntity {
  @PrimaryColumn({
    name: 'user_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_subscription_grants',
  })
  userId: string;

  @PrimaryColumn({
    name: 'template_id',
    type: 'varchar',
    length: 128,
    primaryKeyConstraintName: 'pk_subscription_grants',
  })
  templateId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_subscription_grants_user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  mode: SubscriptionMode;

  /** One-time: sends left (each accept adds one, each send takes one). Long-term: 1 granted, 0 not. */
  @Column({ type: 'integer' })
  remaining: number;

  @Column({ name: 'last_result', type: 'varchar', length: 16, nullable: true })
  lastResult: SubscribeResult | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
