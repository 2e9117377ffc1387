import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';
import { timestampColumnsV1 } from '../migration-support';

const id = (table: string): TableColumnOptions => ({
  name: 'id',
  type: 'varchar',
  length: '36',
  isPrimary: true,
  primaryKeyConstraintName: `pk_${table}`,
});
const ref = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const instant = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  isNullable: nullable,
});

/**
 * The counselor workspace (issue 5): private notes (AES-256-GCM ciphertext only) and the log of every read,
 * supervisors that staff designate, one-time invites that bind an account to an advisor profile, and the
 * secret calendar-feed token per counselor (looked up by its SHA-256, kept encrypted so it can be shown again).
 */
export class CreateCounselorWorkspace1764892800000 implements MigrationInterface {
  name = 'CreateCounselorWorkspace1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamps = timestampColumnsV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'counselor_notes',
        columns: [
          id('counselor_notes'),
          ref('appointment_id'),
          ref('advisor_id'),
          ref('student_id'),
          ref('author_id'),
          { name: 'ciphertext', type: 'text' },
          ...timestamps,
        ],
        indices: [
          { name: 'idx_counselor_notes_author_id_student_id', columnNames: ['author_id', 'student_id'] },
          { name: 'idx_counselor_notes_appointment_id', columnNames: ['appointment_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'counselor_note_reads',
        columns: [
          id('counselor_note_reads'),
          ref('note_id'),
          ref('appointment_id'),
          ref('author_id'),
          ref('reader_id'),
          ref('student_id'),
          text('via', 16),
          instant('read_at'),
        ],
        indices: [
          { name: 'idx_counselor_note_reads_author_id_read_at', columnNames: ['author_id', 'read_at'] },
          { name: 'idx_counselor_note_reads_note_id', columnNames: ['note_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'counselor_supervisors',
        columns: [id('counselor_supervisors'), ref('supervisor_id'), ref('counselor_id'), ...timestamps],
        uniques: [
          {
            name: 'uq_counselor_supervisors_supervisor_id_counselor_id',
            columnNames: ['supervisor_id', 'counselor_id'],
          },
        ],
        indices: [{ name: 'idx_counselor_supervisors_counselor_id', columnNames: ['counselor_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'counselor_invites',
        columns: [
          id('counselor_invites'),
          text('code_hash', 64),
          ref('advisor_id'),
          ref('created_by'),
          instant('expires_at'),
          ref('used_by', true),
          instant('used_at', true),
          ...timestamps,
        ],
        uniques: [{ name: 'uq_counselor_invites_code_hash', columnNames: ['code_hash'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'counselor_calendar_feeds',
        columns: [
          {
            name: 'user_id',
            type: 'varchar',
            length: '36',
            isPrimary: true,
            primaryKeyConstraintName: 'pk_counselor_calendar_feeds',
          },
          text('token_hash', 64),
          text('token_cipher', 200),
          instant('rotated_at'),
        ],
        uniques: [{ name: 'uq_counselor_calendar_feeds_token_hash', columnNames: ['token_hash'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'counselor_calendar_feeds',
      'counselor_invites',
      'counselor_supervisors',
      'counselor_note_reads',
      'counselor_notes',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
