import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';
import { timestampColumnsV1 } from '../migration-support';

const id = (table: string): TableColumnOptions => ({
  name: 'id',
  type: 'varchar',
  length: '36',
  isPrimary: true,
  primaryKeyConstraintName: `pk_${table}`,
});
const key = (name: string, table: string): TableColumnOptions => ({
  name,
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
const varchar = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
// TEXT holds 65,535 bytes on MySQL: the longest text field (16,000 characters of 4-byte UTF-8) fits.
const longText = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
const int = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
});
const counter = (name: string): TableColumnOptions => ({ name, type: 'integer', default: 0 });
const instant = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  isNullable: nullable,
});
const flag = (name: string): TableColumnOptions => ({ name, type: 'boolean' });

/**
 * The Pocket Employment Museum (halls, exhibits, tags, reactions, visits, follows), uploaded media and the
 * Career Reflection Room. Reaction, visit and follow rows are keyed by (user, thing), so setting one twice is
 * a no-op the database enforces; the exhibit counters move only when such a row really appears or goes.
 */
export class CreateMuseum1764720000000 implements MigrationInterface {
  name = 'CreateMuseum1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamps = timestampColumnsV1(queryRunner);
    // "Continue your tour" orders visits by time: keep milliseconds where MySQL would round to the second.
    const visitedAt: TableColumnOptions = { name: 'visited_at', type: 'datetime', precision: 3 };
    await queryRunner.createTable(
      new Table({
        name: 'media',
        columns: [
          id('media'),
          varchar('kind', 16),
          varchar('mime', 64),
          int('bytes'),
          varchar('sha256', 64),
          varchar('storage_key', 100),
          varchar('webp_key', 100, true),
          varchar('thumb_key', 100, true),
          int('width', true),
          int('height', true),
          int('duration_ms', true),
          varchar('original_name', 200, true),
          ref('uploaded_by', true),
          ...timestamps,
        ],
        uniques: [{ name: 'uq_media_sha256', columnNames: ['sha256'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'museum_halls',
        columns: [
          id('museum_halls'),
          varchar('title', 40),
          varchar('subtitle', 120, true),
          ref('cover_media_id', true),
          int('position'),
          varchar('status', 16),
          instant('published_at', true),
          ...timestamps,
        ],
        indices: [{ name: 'idx_museum_halls_status_position', columnNames: ['status', 'position'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'museum_exhibits',
        columns: [
          id('museum_exhibits'),
          ref('hall_id'),
          varchar('title', 60),
          varchar('summary', 200),
          longText('body'),
          ref('cover_media_id', true),
          longText('gallery'),
          ref('audio_media_id', true),
          longText('transcript', true),
          varchar('video_url', 500, true),
          longText('alumni'),
          varchar('key_sector', 32, true),
          varchar('advising_topic', 32, true),
          int('position'),
          varchar('status', 16),
          instant('published_at', true),
          instant('first_published_at', true),
          counter('view_count'),
          counter('like_count'),
          counter('favourite_count'),
          ...timestamps,
        ],
        indices: [
          {
            name: 'idx_museum_exhibits_hall_id_status_position',
            columnNames: ['hall_id', 'status', 'position'],
          },
          { name: 'idx_museum_exhibits_status_published_at', columnNames: ['status', 'published_at'] },
          { name: 'idx_museum_exhibits_key_sector', columnNames: ['key_sector'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'museum_exhibit_tags',
        columns: [
          { ...ref('exhibit_id'), isPrimary: true, primaryKeyConstraintName: 'pk_museum_exhibit_tags' },
          {
            ...varchar('tag', 16),
            isPrimary: true,
            primaryKeyConstraintName: 'pk_museum_exhibit_tags',
          },
          int('position'),
        ],
        indices: [{ name: 'idx_museum_exhibit_tags_tag', columnNames: ['tag'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'museum_reactions',
        columns: [
          key('user_id', 'museum_reactions'),
          key('exhibit_id', 'museum_reactions'),
          { ...varchar('kind', 16), isPrimary: true, primaryKeyConstraintName: 'pk_museum_reactions' },
          instant('created_at'),
        ],
        indices: [
          {
            name: 'idx_museum_reactions_user_id_kind_created_at',
            columnNames: ['user_id', 'kind', 'created_at'],
          },
          { name: 'idx_museum_reactions_exhibit_id', columnNames: ['exhibit_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'museum_visits',
        columns: [key('user_id', 'museum_visits'), key('exhibit_id', 'museum_visits'), visitedAt],
        indices: [{ name: 'idx_museum_visits_user_id_visited_at', columnNames: ['user_id', 'visited_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'museum_hall_follows',
        columns: [
          key('user_id', 'museum_hall_follows'),
          key('hall_id', 'museum_hall_follows'),
          instant('created_at'),
        ],
        indices: [{ name: 'idx_museum_hall_follows_hall_id', columnNames: ['hall_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reflection_prompts',
        columns: [
          id('reflection_prompts'),
          ref('hall_id'),
          varchar('text', 200),
          int('position'),
          ...timestamps,
        ],
        indices: [{ name: 'idx_reflection_prompts_hall_id_position', columnNames: ['hall_id', 'position'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reflections',
        columns: [
          id('reflections'),
          ref('user_id'),
          ref('prompt_id'),
          ref('hall_id'),
          ref('exhibit_id', true),
          longText('text'),
          flag('shared_with_counselor'),
          instant('shared_at', true),
          ...timestamps,
        ],
        indices: [
          { name: 'idx_reflections_user_id_created_at', columnNames: ['user_id', 'created_at'] },
          {
            name: 'idx_reflections_user_id_shared_with_counselor',
            columnNames: ['user_id', 'shared_with_counselor'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'reflections',
      'reflection_prompts',
      'museum_hall_follows',
      'museum_visits',
      'museum_reactions',
      'museum_exhibit_tags',
      'museum_exhibits',
      'museum_halls',
      'media',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
