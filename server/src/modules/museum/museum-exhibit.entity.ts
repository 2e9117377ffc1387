import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AdvisingTopic, AlumnusDto, KeySector, PublicationStatus } from '@careerside/shared';

export interface GalleryItem {
  mediaId: string;
  caption: string | null;
}

@Entity({ name: 'museum_exhibits' })
@Index('idx_museum_exhibits_hall_id_status_position', ['hallId', 'status', 'position'])
@Index('idx_museum_exhibits_status_published_at', ['status', 'publishedAt'])
@Index('idx_museum_exhibits_key_sector', ['keySector'])
export class MuseumExhibitEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_museum_exhibits' })
  id: string;

  @Column({ name: 'hall_id', type: 'varchar', length: 36 })
  hallId: string;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  summary: string;

  /** Markdown source; rendered to allow-listed rich-text nodes when read. */
  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'cover_media_id', type: 'varchar', length: 36, nullable: true })
  coverMediaId: string | null;

  @Column({ type: 'simple-json' })
  gallery: GalleryItem[];

  @Column({ name: 'audio_media_id', type: 'varchar', length: 36, nullable: true })
  audioMediaId: string | null;

  @Column({ type: 'text', nullable: true })
  transcript: string | null;

  @Column({ name: 'video_url', type: 'varchar', length: 500, nullable: true })
  videoUrl: string | null;

  @Column({ type: 'simple-json' })
  alumni: AlumnusDto[];

  @Column({ name: 'key_sector', type: 'varchar', length: 32, nullable: true })
  keySector: KeySector | null;

  /** Null: derived from the key sector (see advisingTopicOf). */
  @Column({ name: 'advising_topic', type: 'varchar', length: 32, nullable: true })
  advisingTopic: AdvisingTopic | null;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  status: PublicationStatus;

  @Column({ name: 'published_at', type: 'datetime', nullable: true })
  publishedAt: Date | null;

  /** Set once: followers hear of an exhibit the first time it is published, not after every re-publish. */
  @Column({ name: 'first_published_at', type: 'datetime', nullable: true })
  firstPublishedAt: Date | null;

  @Column({ name: 'view_count', type: 'integer', default: 0 })
  viewCount: number;

  @Column({ name: 'like_count', type: 'integer', default: 0 })
  likeCount: number;

  @Column({ name: 'favourite_count', type: 'integer', default: 0 })
  favouriteCount: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
