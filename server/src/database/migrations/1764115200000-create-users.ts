import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { timestampColumnsV1 } from '../migration-support';

export class CreateUsers1764115200000 implements MigrationInterface {
  name = 'CreateUsers1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          {
            name: 'id',
            type: 'varchar',
            length: '36',
            isPrimary: true,
            primaryKeyConstraintName: 'pk_users',
          },
          { name: 'openid', type: 'varchar', length: '64' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'name', type: 'varchar', length: '50', isNullable: true },
          { name: 'student_number', type: 'varchar', length: '32', isNullable: true },
          { name: 'college', type: 'varchar', length: '100', isNullable: true },
          { name: 'major', type: 'varchar', length: '100', isNullable: true },
          { name: 'degree', type: 'varchar', length: '16', isNullable: true },
          { name: 'graduation_year', type: 'integer', isNullable: true },
          { name: 'advisor_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'wechat_session_key', type: 'varchar', length: '128', isNullable: true },
          ...timestampColumnsV1(queryRunner),
        ],
        uniques: [{ name: 'uq_users_openid', columnNames: ['openid'] }],
        indices: [
          { name: 'idx_users_role', columnNames: ['role'] },
          { name: 'idx_users_advisor_id', columnNames: ['advisor_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('users');
  }
}
