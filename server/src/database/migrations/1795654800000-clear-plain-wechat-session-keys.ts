import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * WeChat session keys used to be stored as plain text; they are now stored encrypted. The plain ones are dropped
 * rather than encrypted here (a migration has no access to the key): WeChat issues a new session key at the
 * user's next sign-in, which is stored encrypted, and nothing reads the old one.
 */
export class ClearPlainWechatSessionKeys1795654800000 implements MigrationInterface {
  name = 'ClearPlainWechatSessionKeys1795654800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE users SET wechat_session_key = NULL WHERE wechat_session_key IS NOT NULL AND wechat_session_key NOT LIKE 'v1.%'`,
    );
  }

  async down(): Promise<void> {
    // Nothing to restore: the plain keys are gone, and encrypted ones stay valid.
  }
}
