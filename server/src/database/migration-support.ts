import type { QueryRunner, TableColumnOptions } from 'typeorm';

// Migrations call these helpers, so their output must never change once a migration using them is merged:
// add a new helper instead of editing one.

function isMysql(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.driver.options.type;
  return type === 'mysql' || type === 'mariadb';
}

/** `created_at` and `updated_at` as TypeORM's CreateDateColumn/UpdateDateColumn map them on each database. */
export function timestampColumnsV1(queryRunner: QueryRunner): TableColumnOptions[] {
  if (isMysql(queryRunner)) {
    return [
      { name: 'created_at', type: 'datetime', precision: 6, default: 'CURRENT_TIMESTAMP(6)' },
      {
        name: 'updated_at',
        type: 'datetime',
        precision: 6,
        default: 'CURRENT_TIMESTAMP(6)',
        onUpdate: 'CURRENT_TIMESTAMP(6)',
      },
    ];
  }
  return [
    { name: 'created_at', type: 'datetime', default: "datetime('now')" },
    { name: 'updated_at', type: 'datetime', default: "datetime('now')" },
  ];
}
