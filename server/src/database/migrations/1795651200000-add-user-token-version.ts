import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * `users.token_version`: the version of the tokens a user may still use. Signing out (and a role change by staff)
 * increments it; tokens carry the version they were issued at. Existing rows start at 0, the version that tokens
 * issued before this column existed (without the claim) count as.
 */
export class AddUserTokenVersion1795651200000 implements MigrationInterface {
  name = 'AddUserTokenVersion1795651200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'users',
      new TableColumn({ name: 'token_version', type: 'integer', default: 0, isNullable: false }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'token_version');
  }
}
