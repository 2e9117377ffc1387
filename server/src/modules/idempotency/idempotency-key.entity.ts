import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';

export type IdempotencyKeyStatus = 'in_progress' | 'completed';

/** The first answer to a request sent with an Idempotency-Key, replayed to repeats of the same request. */
@Entity({ name: 'idempotency_keys' })
@Unique('uq_idempotency_keys_user_id_scope_idempotency_key', ['userId', 'scope', 'key'])
@Index('idx_idempotency_keys_expires_at', ['expiresAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_idempotency_keys' })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  /** Which operation the key belongs to (`book`, `reschedule`). */
  @Column({ type: 'varchar', length: 32 })
  scope: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 128 })
  key: string;

  /** SHA-256 of the request body: the same key with another body is refused. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  @Column({ type: 'varchar', length: 16 })
  status: IdempotencyKeyStatus;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;

  /** While in progress: after this, the request is taken to have died and the key may be claimed again. */
  @Column({ name: 'locked_until', type: 'datetime', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
