import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { NoteReadVia } from '@careerside/shared';

/** A counselor's private note on an appointment. Only the AES-256-GCM ciphertext is stored. */
@Entity({ name: 'counselor_notes' })
@Index('idx_counselor_notes_author_id_student_id', ['authorId', 'studentId'])
@Index('idx_counselor_notes_appointment_id', ['appointmentId'])
export class CounselorNoteEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_counselor_notes' })
  id: string;

  @Column({ name: 'appointment_id', type: 'varchar', length: 36 })
  appointmentId: string;

  @Column({ name: 'advisor_id', type: 'varchar', length: 36 })
  advisorId: string;

  @Column({ name: 'student_id', type: 'varchar', length: 36 })
  studentId: string;

  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId: string;

  @Column({ type: 'text' })
  ciphertext: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}

/** One read of one note by one person: what staff review in the access log. */
@Entity({ name: 'counselor_note_reads' })
@Index('idx_counselor_note_reads_author_id_read_at', ['authorId', 'readAt'])
@Index('idx_counselor_note_reads_note_id', ['noteId'])
export class CounselorNoteReadEntity {
  /** UUIDv7: sorts by time, so it is also the paging cursor. */
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_counselor_note_reads' })
  id: string;

  @Column({ name: 'note_id', type: 'varchar', length: 36 })
  noteId: string;

  @Column({ name: 'appointment_id', type: 'varchar', length: 36 })
  appointmentId: string;

  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId: string;

  @Column({ name: 'reader_id', type: 'varchar', length: 36 })
  readerId: string;

  @Column({ name: 'student_id', type: 'varchar', length: 36 })
  studentId: string;

  @Column({ type: 'varchar', length: 16 })
  via: NoteReadVia;

  @Column({ name: 'read_at', type: 'datetime' })
  readAt: Date;
}
