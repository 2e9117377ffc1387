import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';

/** Staff designated `supervisorId` to read the private notes of `counselorId`. */
@Entity({ name: 'counselor_supervisors' })
@Unique('uq_counselor_supervisors_supervisor_id_counselor_id', ['supervisorId', 'counselorId'])
@Index('idx_counselor_supervisors_counselor_id', ['counselorId'])
export class CounselorSupervisorEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_counselor_supervisors' })
  id: string;

  @Column({ name: 'supervisor_id', type: 'varchar', length: 36 })
  supervisorId: string;

  @Column({ name: 'counselor_id', type: 'varchar', length: 36 })
  counselorId: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}

/** A one-time code that binds the account that redeems it to an advisor profile. Only its hash is kept. */
@Entity({ name: 'counselor_invites' })
@Unique('uq_counselor_invites_code_hash', ['codeHash'])
export class CounselorInviteEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_counselor_invites' })
  id: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'advisor_id', type: 'varchar', length: 36 })
  advisorId: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt: Date;

  @Column({ name: 'used_by', type: 'varchar', length: 36, nullable: true })
  usedBy: string | null;

  @Column({ name: 'used_at', type: 'datetime', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}

/** The secret token of a counselor's calendar feed: found by its SHA-256, shown again from the ciphertext. */
@Entity({ name: 'counselor_calendar_feeds' })
@Unique('uq_counselor_calendar_feeds_token_hash', ['tokenHash'])
export class CounselorCalendarFeedEntity {
  @PrimaryColumn({
    name: 'user_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_counselor_calendar_feeds',
  })
  userId: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'token_cipher', type: 'varchar', length: 200 })
  tokenCipher: string;

  @Column({ name: 'rotated_at', type: 'datetime' })
  rotatedAt: Date;
}
