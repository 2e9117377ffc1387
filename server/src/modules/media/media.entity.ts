import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { MediaKind } from '@careerside/shared';

/** One uploaded file and its renditions; keys are content-addressed (`<sha256>[-variant].<ext>`). */
@Entity({ name: 'media' })
@Unique('uq_media_sha256', ['sha256'])
export class MediaEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_media' })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: MediaKind;

  /** The stored file's real type (sniffed from its bytes). */
  @Column({ type: 'varchar', length: 64 })
  mime: string;

  /** Size of the stored file (for images, the re-encoded one without metadata). */
  @Column({ type: 'integer' })
  bytes: number;

  /** Of the uploaded bytes: the same upload twice is one record. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 100 })
  storageKey: string;

  @Column({ name: 'webp_key', type: 'varchar', length: 100, nullable: true })
  webpKey: string | null;

  @Column({ name: 'thumb_key', type: 'varchar', length: 100, nullable: true })
  thumbKey: string | null;

  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Column({ type: 'integer', nullable: true })
  height: number | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs: number | null;

  @Column({ name: 'original_name', type: 'varchar', length: 200, nullable: true })
  originalName: string | null;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36, nullable: true })
  uploadedBy: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
