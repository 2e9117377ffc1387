import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PublicationStatus } from '@careerside/shared';

@Entity({ name: 'museum_halls' })
@Index('idx_museum_halls_status_position', ['status', 'position'])
export class MuseumHallEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_museum_halls' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  title: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  subtitle: string | null;

  @Column({ name: 'cover_media_id', type: 'varchar', length: 36, nullable: true })
  coverMediaId: string | null;

  /** Ascending: the order halls are shown in. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  status: PublicationStatus;

  @Column({ name: 'published_at', type: 'datetime', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
