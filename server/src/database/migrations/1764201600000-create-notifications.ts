import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';

const id = (name: string): TableColumnOptions => ({ name, type: 'varchar', length: '36' });
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

/** The inbox, the WeChat delivery outbox, the consent wallet, daily push counters and the shared access token. */
export class CreateNotifications1764201600000 implements MigrationInterface {
  name = 'CreateNotifications1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          { ...id('id'), isPrimary: true, primaryKeyConstraintName: 'pk_notifications' },
          id('user_id'),
          text('kind', 32),
          text('title', 100),
          text('body', 1000),
          text('page', 512, true),
          { name: 'payload', type: 'text', isNullable: true },
          text('dedupe_key', 128),
          time('visible_at'),
          time('read_at', true),
          time('created_at'),
        ],
        uniques: [{ name: 'uq_notifications_user_id_dedupe_key', columnNames: ['user_id', 'dedupe_key'] }],
        indices: [
          { name: 'idx_notifications_user_id_visible_at_id', columnNames: ['user_id', 'visible_at', 'id'] },
          {
            name: 'idx_notifications_user_id_read_at_visible_at',
            columnNames: ['user_id', 'read_at', 'visible_at'],
          },
        ],
        foreignKeys: [
          {
            name: 'fk_notifications_user_id',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'notification_deliveries',
        columns: [
          {
            ...id('notification_id'),
            isPrimary: true,
            primaryKeyConstraintName: 'pk_notification_deliveries',
          },
          { ...text('channel', 16), isPrimary: true, primaryKeyConstraintName: 'pk_notification_deliveries' },
          id('user_id'),
          text('kind', 32),
          text('template_id', 128),
          text('status', 24),
          { name: 'urgent', type: 'boolean' },
          { name: 'fields', type: 'text', isNullable: true },
          time('due_at'),
          { name: 'attempts', type: 'integer' },
          text('last_error', 500, true),
          text('lease_owner', 64, true),
          time('lease_until', true),
          time('in_flight_since', true),
          { name: 'grant_consumed', type: 'boolean' },
          text('push_day', 10, true),
          { ...id('folded_into'), isNullable: true },
          time('sent_at', true),
          time('created_at'),
          time('updated_at'),
        ],
        indices: [
          { name: 'idx_notification_deliveries_status_due_at', columnNames: ['status', 'due_at'] },
          { name: 'idx_notification_deliveries_created_at', columnNames: ['created_at'] },
          { name: 'idx_notification_deliveries_folded_into', columnNames: ['folded_into'] },
        ],
        foreignKeys: [
          {
            name: 'fk_notification_deliveries_notification_id',
            columnNames: ['notification_id'],
            referencedTableName: 'notifications',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'subscription_grants',
        columns: [
          { ...id('user_id'), isPrimary: true, primaryKeyConstraintName: 'pk_subscription_grants' },
          {
            ...text('template_id', 128),
            isPrimary: true,
            primaryKeyConstraintName: 'pk_subscription_grants',
          },
          text('mode', 16),
          { name: 'remaining', type: 'integer' },
          text('last_result', 16, true),
          time('created_at'),
          time('updated_at'),
        ],
        foreignKeys: [
          {
            name: 'fk_subscription_grants_user_id',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'notification_push_counters',
        columns: [
          { ...id('user_id'), isPrimary: true, primaryKeyConstraintName: 'pk_notification_push_counters' },
          { ...text('day', 10), isPrimary: true, primaryKeyConstraintName: 'pk_notification_push_counters' },
          { name: 'pushes', type: 'integer' },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'wechat_access_tokens',
        columns: [
          { ...text('app_id', 64), isPrimary: true, primaryKeyConstraintName: 'pk_wechat_access_tokens' },
          text('access_token', 512, true),
          time('expires_at', true),
          text('refresh_owner', 64, true),
          time('refresh_until', true),
          time('updated_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'wechat_access_tokens',
      'notification_push_counters',
      'subscription_grants',
      'notification_deliveries',
      'notifications',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
