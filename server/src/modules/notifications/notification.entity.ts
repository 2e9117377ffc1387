import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { NotificationKind } from '@careerside/shared';
import { UserEntity } from '../users/user.entity';

/** One inbox entry. Written in the same transaction as the change it tells about (transactional outbox). */
@Entity({ name: 'notifications' })
@Unique('uq_notifications_user_id_dedupe_key', ['userId', 'dedupeKey'])
@Index('idx_notifications_user_id_visible_at_id', ['userId', 'visibleAt', 'id'])
@Index('idx_notifications_user_id_read_at_visible_at', ['userId', 'readAt', 'visibleAt'])
export class NotificationEntity {
  /** A UUIDv7: time-ordered, so new rows append to the primary key. */
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_notifications' })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notifications_user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 1000 })
  body: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  page: string | null;

  /** JSON text. */
  @Column({ type: 'text', nullable: true })
  payload: string | null;

  /** The caller's key for this message; a second notify with the same key for the same user is a no-op. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 128 })
  dedupeKey: string;

  /** The inbox shows the entry from this time on (a scheduled reminder appears when it is due). */
  @Column({ name: 'visible_at', type: 'datetime', precision: 3 })
  visibleAt: Date;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
