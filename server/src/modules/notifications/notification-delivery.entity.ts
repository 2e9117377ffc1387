import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { DeliveryStatus, NotificationKind } from '@careerside/shared';
import { NotificationEntity } from './notification.entity';

export const DeliveryChannel = { Wechat: 'wechat' } as const;
export type DeliveryChannel = (typeof DeliveryChannel)[keyof typeof DeliveryChannel];

/**
 * One push of a notification on a channel. The primary key (notification, channel) is the dedupe key outside:
 * however often a worker retries or however many workers run, there is one row to send.
 */
@Entity({ name: 'notification_deliveries' })
@Index('idx_notification_deliveries_status_due_at', ['status', 'dueAt'])
@Index('idx_notification_deliveries_created_at', ['createdAt'])
@Index('idx_notification_deliveries_folded_into', ['foldedInto'])
export class NotificationDeliveryEntity {
  @PrimaryColumn({
    name: 'notification_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_notification_deliveries',
  })
  notificationId: string;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'pk_notification_deliveries' })
  channel: DeliveryChannel;

  @ManyToOne(() => NotificationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'notification_id',
    foreignKeyConstraintName: 'fk_notification_deliveries_notification_id',
  })
  notification?: NotificationEntity;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Column({ name: 'template_id', type: 'varchar', length: 128 })
  templateId: string;

  @Column({ type: 'varchar', length: 24 })
  status: DeliveryStatus;

  /** Urgent pushes ignore quiet hours and the daily cap. */
  @Column({ type: 'boolean' })
  urgent: boolean;

  /** JSON text: the facts the template keywords show (dates as ISO strings). */
  @Column({ type: 'text', nullable: true })
  fields: string | null;

  @Column({ name: 'due_at', type: 'datetime', precision: 3 })
  dueAt: Date;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  /** The worker that claimed this row; kept after sending, so staff can see who sent it. */
  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'lease_until', type: 'datetime', precision: 3, nullable: true })
  leaseUntil: Date | null;

  /** Set (and committed) just before the HTTP call: a lapsed lease with this set has an unknown outcome. */
  @Column({ name: 'in_flight_since', type: 'datetime', precision: 3, nullable: true })
  inFlightSince: Date | null;

  /** A one-time grant was consumed for this push; retries do not consume another. */
  @Column({ name: 'grant_consumed', type: 'boolean' })
  grantConsumed: boolean;

  /** The center day whose daily cap this push counts against, once counted. */
  @Column({ name: 'push_day', type: 'varchar', length: 10, nullable: true })
  pushDay: string | null;

  /** For a folded push: the digest notification that summarises it. */
  @Column({ name: 'folded_into', type: 'varchar', length: 36, nullable: true })
  foldedInto: string | null;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
