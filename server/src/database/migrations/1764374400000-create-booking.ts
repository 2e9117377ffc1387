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
const int = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
});
const instant = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  isNullable: nullable,
});
const flag = (name: string): TableColumnOptions => ({ name, type: 'boolean' });

/**
 * Advisors and their availability, materialised slots, appointments, the waitlist, strikes and suspensions,
 * and Idempotency-Key answers. No double booking is the database's job: `slots.booked` only moves through a
 * conditional UPDATE (booked < capacity) and one student holds at most one active seat per slot
 * (`uq_appointments_student_id_active_key`: active_key is the slot id while active, NULL afterwards).
 */
export class CreateBooking1764374400000 implements MigrationInterface {
  name = 'CreateBooking1764374400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamps = timestampColumnsV1(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'advisors',
        columns: [
          id('advisors'),
          text('short_code', 12),
          text('name', 50),
          text('title', 50),
          text('photo_url', 500, true),
          text('bio', 1000),
          text('topics', 500),
          text('location', 100),
          text('modes', 100),
          text('meeting_url', 500, true),
          text('phone', 32, true),
          flag('active'),
          ...timestamps,
        ],
        uniques: [{ name: 'uq_advisors_short_code', columnNames: ['short_code'] }],
        indices: [{ name: 'idx_advisors_active', columnNames: ['active'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'advisor_weekly_rules',
        columns: [
          id('advisor_weekly_rules'),
          ref('advisor_id'),
          int('weekday'),
          text('start_time', 5),
          text('end_time', 5),
          int('slot_minutes'),
          int('buffer_minutes'),
          int('capacity'),
          text('mode', 16),
          text('location', 100, true),
          text('title', 100, true),
          ...timestamps,
        ],
        indices: [{ name: 'idx_advisor_weekly_rules_advisor_id', columnNames: ['advisor_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'advisor_exceptions',
        columns: [
          id('advisor_exceptions'),
          ref('advisor_id'),
          text('date', 10),
          text('kind', 16),
          text('start_time', 5, true),
          text('end_time', 5, true),
          int('slot_minutes', true),
          int('capacity', true),
          text('mode', 16, true),
          text('location', 100, true),
          text('title', 100, true),
          text('note', 200, true),
          ...timestamps,
        ],
        indices: [{ name: 'idx_advisor_exceptions_advisor_id_date', columnNames: ['advisor_id', 'date'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'center_closures',
        columns: [id('center_closures'), text('date', 10), text('reason', 100), ...timestamps],
        uniques: [{ name: 'uq_center_closures_date', columnNames: ['date'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'slots',
        columns: [
          id('slots'),
          ref('advisor_id'),
          instant('starts_at'),
          instant('ends_at'),
          int('capacity'),
          int('booked'),
          text('mode', 16),
          text('location', 100, true),
          text('title', 100, true),
          flag('withdrawn'),
          ...timestamps,
        ],
        uniques: [{ name: 'uq_slots_advisor_id_starts_at', columnNames: ['advisor_id', 'starts_at'] }],
        indices: [{ name: 'idx_slots_starts_at', columnNames: ['starts_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'appointments',
        columns: [
          id('appointments'),
          ref('slot_id'),
          ref('advisor_id'),
          ref('student_id'),
          instant('starts_at'),
          instant('ends_at'),
          text('topic', 32),
          text('note', 500, true),
          text('status', 16),
          ref('active_key', true),
          instant('checked_in_at', true),
          instant('cancelled_at', true),
          text('cancelled_by', 16, true),
          flag('late_cancellation'),
          instant('attendance_marked_at', true),
          int('rating', true),
          text('feedback', 500, true),
          instant('rated_at', true),
          ref('rescheduled_from_id', true),
          ...timestamps,
        ],
        uniques: [
          { name: 'uq_appointments_student_id_active_key', columnNames: ['student_id', 'active_key'] },
        ],
        indices: [
          { name: 'idx_appointments_student_id_starts_at', columnNames: ['student_id', 'starts_at'] },
          { name: 'idx_appointments_advisor_id_starts_at', columnNames: ['advisor_id', 'starts_at'] },
          { name: 'idx_appointments_slot_id', columnNames: ['slot_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'waitlist_entries',
        columns: [
          id('waitlist_entries'),
          ref('slot_id'),
          ref('student_id'),
          text('topic', 32),
          text('note', 500, true),
          text('status', 16),
          ref('active_key', true),
          instant('offered_at', true),
          instant('hold_expires_at', true),
          ref('appointment_id', true),
          ...timestamps,
        ],
        uniques: [
          { name: 'uq_waitlist_entries_student_id_active_key', columnNames: ['student_id', 'active_key'] },
        ],
        indices: [
          { name: 'idx_waitlist_entries_slot_id_status', columnNames: ['slot_id', 'status'] },
          { name: 'idx_waitlist_entries_status_hold_expires_at', columnNames: ['status', 'hold_expires_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'booking_strikes',
        columns: [
          id('booking_strikes'),
          ref('student_id'),
          ref('appointment_id'),
          text('kind', 24),
          instant('occurred_at'),
          ...timestamps,
        ],
        uniques: [{ name: 'uq_booking_strikes_appointment_id', columnNames: ['appointment_id'] }],
        indices: [
          { name: 'idx_booking_strikes_student_id_occurred_at', columnNames: ['student_id', 'occurred_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'booking_suspensions',
        columns: [
          id('booking_suspensions'),
          ref('student_id'),
          instant('starts_at'),
          instant('ends_at'),
          text('reason', 100),
          int('strike_count'),
          ...timestamps,
        ],
        indices: [
          { name: 'idx_booking_suspensions_student_id_ends_at', columnNames: ['student_id', 'ends_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          id('idempotency_keys'),
          ref('user_id'),
          text('scope', 32),
          text('idempotency_key', 128),
          text('fingerprint', 64),
          text('status', 16),
          int('response_status', true),
          { name: 'response_body', type: 'text', isNullable: true },
          instant('locked_until', true),
          instant('expires_at'),
          ...timestamps,
        ],
        uniques: [
          {
            name: 'uq_idempotency_keys_user_id_scope_idempotency_key',
            columnNames: ['user_id', 'scope', 'idempotency_key'],
          },
        ],
        indices: [{ name: 'idx_idempotency_keys_expires_at', columnNames: ['expires_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'booking_suspensions',
      'booking_strikes',
      'waitlist_entries',
      'appointments',
      'slots',
      'center_closures',
      'advisor_exceptions',
      'advisor_weekly_rules',
      'advisors',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
