import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The app's access token, shared by every server process when there is no Redis. The refresh columns are a
 * lock: one process refreshes while the others wait for its token.
 */
@Entity({ name: 'wechat_access_tokens' })
export class WechatAccessTokenEntity {
  @PrimaryColumn({
    name: 'app_id',
    type: 'varchar',
    length: 64,
    primaryKeyConstraintName: 'pk_wechat_access_tokens',
  })
  appId: string;

  @Column({ name: 'access_token', type: 'varchar', length: 512, nullable: true })
  accessToken: string | null;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'refresh_owner', type: 'varchar', length: 64, nullable: true })
  refreshOwner: string | null;

  @Column({ name: 'refresh_until', type: 'datetime', precision: 3, nullable: true })
  refreshUntil: Date | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
