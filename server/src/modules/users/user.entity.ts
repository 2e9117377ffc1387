import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { Degree, Role } from '@careerside/shared';

@Entity({ name: 'users' })
@Unique('uq_users_openid', ['openid'])
@Index('idx_users_role', ['role'])
@Index('idx_users_advisor_id', ['advisorId'])
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_users' })
  id: string;

  /** The WeChat openid (or the dev sign-in openid); also the `touser` of subscribe messages. */
  @Column({ type: 'varchar', length: 64 })
  openid: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'varchar', length: 50, nullable: true })
  name: string | null;

  @Column({ name: 'student_number', type: 'varchar', length: 32, nullable: true })
  studentNumber: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  college: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  major: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  degree: Degree | null;

  @Column({ name: 'graduation_year', type: 'integer', nullable: true })
  graduationYear: number | null;

  /** For counselors: the advisor profile they act for (the advisors table arrives with appointments). */
  @Column({ name: 'advisor_id', type: 'varchar', length: 36, nullable: true })
  advisorId: string | null;

  /**
   * From jscode2session, encrypted (AES-256-GCM, see AuthService); server-side only, never selected unless asked
   * for and never mapped out.
   */
  @Column({ name: 'wechat_session_key', type: 'varchar', length: 128, nullable: true, select: false })
  wechatSessionKey?: string | null;

  /**
   * Bumped to revoke every token issued so far (sign-out, a role change): a token carries the version it was
   * issued at, and the access-token guard refuses one older than this.
   */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
