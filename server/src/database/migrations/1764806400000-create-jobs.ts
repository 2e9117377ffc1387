import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  type TableColumnOptions,
  type TableForeignKeyOptions,
} from 'typeorm';

const id = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable,
});
const time = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable,
});
const text = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const integer = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable,
});
const flag = (name: string): TableColumnOptions => ({ name, type: 'boolean' });
const key = (column: TableColumnOptions, constraint: string): TableColumnOptions => ({
  ...column,
  isPrimary: true,
  primaryKeyConstraintName: constraint,
});
const cascade = (name: string, column: string, table: string, referenced = 'id'): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: [referenced],
  onDelete: 'CASCADE',
  onUpdate: 'NO ACTION',
});

/** Job postings, their facets, students' marks, employer submissions, alert preferences and matches. */
export class CreateJobs1764806400000 implements MigrationInterface {
  name = 'CreateJobs1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'jobs',
        columns: [
          key(id('id'), 'pk_jobs'),
          text('title', 80),
          text('employer_name', 100),
          text('employer_type', 32),
          text('industry', 32),
          text('key_sectors', 500),
          { name: 'locations', type: 'text' },
          text('degree', 16, true),
          { name: 'majors', type: 'text' },
          integer('salary_min', true),
          integer('salary_max', true),
          integer('headcount', true),
          time('deadline'),
          text('apply_method', 16),
          text('apply_url', 500, true),
          text('apply_email', 254, true),
          text('apply_address', 200, true),
          { name: 'description', type: 'text' },
          { name: 'search_text', type: 'text' },
          text('status', 16),
          text('source', 16),
          text('close_reason', 16, true),
          id('submission_id', true),
          text('import_key', 64, true),
          id('created_by', true),
          time('published_at', true),
          time('closed_at', true),
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [{ name: 'uq_jobs_import_key', columnNames: ['import_key'] }],
        indices: [
          { name: 'idx_jobs_status_published_at_id', columnNames: ['status', 'published_at', 'id'] },
          { name: 'idx_jobs_status_deadline', columnNames: ['status', 'deadline'] },
          { name: 'idx_jobs_created_at', columnNames: ['created_at'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'job_key_sectors',
        columns: [key(id('job_id'), 'pk_job_key_sectors'), key(text('key_sector', 32), 'pk_job_key_sectors')],
        indices: [{ name: 'idx_job_key_sectors_key_sector_job_id', columnNames: ['key_sector', 'job_id'] }],
        foreignKeys: [cascade('fk_job_key_sectors_job_id', 'job_id', 'jobs')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'job_locations',
        columns: [key(id('job_id'), 'pk_job_locations'), key(text('location', 20), 'pk_job_locations')],
        indices: [{ name: 'idx_job_locations_location_job_id', columnNames: ['location', 'job_id'] }],
        foreignKeys: [cascade('fk_job_locations_job_id', 'job_id', 'jobs')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'job_marks',
        columns: [
          key(id('user_id'), 'pk_job_marks'),
          key(id('job_id'), 'pk_job_marks'),
          time('saved_at', true),
          time('applied_at', true),
        ],
        indices: [
          { name: 'idx_job_marks_user_id_saved_at', columnNames: ['user_id', 'saved_at'] },
          { name: 'idx_job_marks_user_id_applied_at', columnNames: ['user_id', 'applied_at'] },
          { name: 'idx_job_marks_job_id', columnNames: ['job_id'] },
        ],
        foreignKeys: [
          cascade('fk_job_marks_user_id', 'user_id', 'users'),
          cascade('fk_job_marks_job_id', 'job_id', 'jobs'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'employer_submissions',
        columns: [
          key(id('id'), 'pk_employer_submissions'),
          text('token_hash', 64),
          text('status', 16),
          text('title', 80),
          text('employer_name', 100),
          { name: 'posting', type: 'text' },
          text('contact_name', 50),
          text('contact_phone', 32, true),
          text('contact_email', 254, true),
          text('decline_reason', 500, true),
          id('job_id', true),
          id('reviewed_by', true),
          time('reviewed_at', true),
          text('client_address', 64, true),
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [{ name: 'uq_employer_submissions_token_hash', columnNames: ['token_hash'] }],
        indices: [
          { name: 'idx_employer_submissions_status_created_at', columnNames: ['status', 'created_at'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'job_alert_settings',
        columns: [
          key(id('user_id'), 'pk_job_alert_settings'),
          text('frequency', 16),
          text('degree', 16, true),
          integer('digest_minute'),
          integer('digest_weekday'),
          flag('any_industry'),
          flag('any_key_sector'),
          flag('any_location'),
          flag('any_keyword'),
          time('next_digest_at', true),
          time('created_at'),
          time('updated_at'),
        ],
        indices: [
          {
            name: 'idx_job_alert_settings_frequency_next_digest_at',
            columnNames: ['frequency', 'next_digest_at'],
          },
        ],
        foreignKeys: [cascade('fk_job_alert_settings_user_id', 'user_id', 'users')],
      }),
    );

    for (const [table, column, length] of [
      ['job_alert_industries', 'industry', 32],
      ['job_alert_key_sectors', 'key_sector', 32],
      ['job_alert_locations', 'location', 20],
      ['job_alert_keywords', 'keyword', 20],
    ] as const) {
      await queryRunner.createTable(
        new Table({
          name: table,
          columns: [key(id('user_id'), `pk_${table}`), key(text(column, length), `pk_${table}`)],
          indices:
            table === 'job_alert_keywords'
              ? []
              : [{ name: `idx_${table}_${column}_user_id`, columnNames: [column, 'user_id'] }],
          foreignKeys: [cascade(`fk_${table}_user_id`, 'user_id', 'job_alert_settings', 'user_id')],
        }),
      );
    }

    await queryRunner.createTable(
      new Table({
        name: 'job_alert_matches',
        columns: [
          key(id('job_id'), 'pk_job_alert_matches'),
          key(id('user_id'), 'pk_job_alert_matches'),
          text('frequency', 16),
          time('matched_at'),
          time('notified_at', true),
          time('opened_at', true),
        ],
        indices: [
          { name: 'idx_job_alert_matches_user_id_notified_at', columnNames: ['user_id', 'notified_at'] },
        ],
        foreignKeys: [
          cascade('fk_job_alert_matches_job_id', 'job_id', 'jobs'),
          cascade('fk_job_alert_matches_user_id', 'user_id', 'users'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'job_alert_matches',
      'job_alert_keywords',
      'job_alert_locations',
      'job_alert_key_sectors',
      'job_alert_industries',
      'job_alert_settings',
      'employer_submissions',
      'job_marks',
      'job_locations',
      'job_key_sectors',
      'jobs',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
