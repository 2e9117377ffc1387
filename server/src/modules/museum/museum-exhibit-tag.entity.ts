import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One tag of an exhibit, a row each so search by tag is an index lookup. */
@Entity({ name: 'museum_exhibit_tags' })
@Index('idx_museum_exhibit_tags_tag', ['tag'])
export class MuseumExhibitTagEntity {
  @PrimaryColumn({
    name: 'exhibit_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_museum_exhibit_tags',
  })
  exhibitId: string;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'pk_museum_exhibit_tags' })
  tag: string;

  /** The order staff gave the tags in. */
  @Column({ type: 'integer' })
  position: number;
}
