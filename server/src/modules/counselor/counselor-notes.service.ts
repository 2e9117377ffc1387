import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type Collection,
  type CounselorNoteDto,
  type NoteAccessLogEntryDto,
  NoteReadVia,
  type SupervisedNoteDto,
  type SupervisionResponse,
} from '@careerside/shared';
import { uuidV7 } from '../../common/ids/uuid-v7';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { isoInZone } from '../slots/slot-time';
import type { UserEntity } from '../users/user.entity';
import { CounselorNoteEntity, CounselorNoteReadEntity } from './counselor-note.entity';
import { CounselorRepository } from './counselor.repository';
import { NotSupervisorException } from './counselor.exception';
import { AesGcmCipher } from '../../common/crypto/aes-gcm-cipher';

const SUPERVISION_PAGE = 50;
const LOG_PAGE = 50;

/**
 * Private notes: encrypted before they reach the database (the note id is the associated data, so a
 * ciphertext cannot be moved to another row), readable only by their author and by supervisors staff
 * designate, and every read is logged. Nothing here is reachable from a student-facing answer.
 */
@Injectable()
export class CounselorNotesService {
  private readonly cipher: AesGcmCipher;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly repository: CounselorRepository,
  ) {
    this.cipher = new AesGcmCipher(config.counselor.notesKey);
  }

  /** Writes a note; the author sees it in the answer (a read of their own note, not logged). */
  async add(
    author: UserEntity,
    appointment: { id: string; advisorId: string; studentId: string },
    text: string,
    now = new Date(),
  ): Promise<CounselorNoteDto> {
    const id = randomUUID();
    const note = Object.assign(new CounselorNoteEntity(), {
      id,
      appointmentId: appointment.id,
      advisorId: appointment.advisorId,
      studentId: appointment.studentId,
      authorId: author.id,
      ciphertext: this.cipher.encrypt(text, id),
      createdAt: now,
      updatedAt: now,
    } satisfies CounselorNoteEntity);
    await this.repository.insertNote(note);
    return this.toDto(note, text, author.name);
  }

  /**
   * Decrypts notes for `reader` and returns them with the read-log rows to write. The caller writes the rows
   * (the day view folds them into its query budget) before answering.
   */
  open(
    notes: CounselorNoteEntity[],
    reader: UserEntity,
    via: NoteReadVia,
    authorNames: ReadonlyMap<string, string | null>,
    now = new Date(),
  ): { dtos: Map<string, CounselorNoteDto>; reads: CounselorNoteReadEntity[] } {
    const dtos = new Map<string, CounselorNoteDto>();
    const reads: CounselorNoteReadEntity[] = [];
    for (const note of notes) {
      dtos.set(
        note.id,
        this.toDto(
          note,
          this.cipher.decrypt(note.ciphertext, note.id),
          authorNames.get(note.authorId) ?? null,
        ),
      );
      reads.push(
        Object.assign(new CounselorNoteReadEntity(), {
          id: uuidV7(now.getTime()),
          noteId: note.id,
          appointmentId: note.appointmentId,
          authorId: note.authorId,
          readerId: reader.id,
          studentId: note.studentId,
          via,
          readAt: now,
        } satisfies CounselorNoteReadEntity),
      );
    }
    return { dtos, reads };
  }

  /** The reader's own notes on one appointment (the caller has checked the appointment is theirs). */
  async ofAppointment(reader: UserEntity, appointmentId: string): Promise<CounselorNoteDto[]> {
    const notes = await this.repository.notesOfAppointment(appointmentId, reader.id);
    const { dtos, reads } = this.open(
      notes,
      reader,
      NoteReadVia.Appointment,
      new Map([[reader.id, reader.name]]),
    );
    await this.repository.logReads(reads);
    return [...dtos.values()];
  }

  /** Whom staff designated this counselor to supervise. */
  async supervisees(reader: UserEntity): Promise<SupervisionResponse> {
    const rows = await this.repository.superviseesOf(reader.id);
    const names = new Map(
      (await this.repository.usersByIds(rows.map((row) => row.counselorId))).map((user) => [
        user.id,
        user.name,
      ]),
    );
    return { items: rows.map((row) => ({ id: row.counselorId, name: names.get(row.counselorId) ?? null })) };
  }

  /** A designated supervisor reads the latest notes of a counselor they supervise. */
  async supervised(reader: UserEntity, counselorId: string): Promise<Collection<SupervisedNoteDto>> {
    if (!(await this.repository.isSupervisor(reader.id, counselorId))) throw new NotSupervisorException();
    const notes = await this.repository.notesByAuthor(counselorId, SUPERVISION_PAGE);
    const people = new Map(
      (await this.repository.usersByIds([counselorId, ...notes.map((note) => note.studentId)])).map(
        (user) => [user.id, user.name],
      ),
    );
    const rows = new Map(
      (
        await Promise.all(
          [...new Set(notes.map((note) => note.appointmentId))].map((id) => this.repository.scheduleRow(id)),
        )
      )
        .filter((row) => row !== null)
        .map((row) => [row.id, row]),
    );
    const { dtos, reads } = this.open(notes, reader, NoteReadVia.Supervision, people);
    await this.repository.logReads(reads);
    const timeZone = this.config.center.timezone;
    return {
      items: notes.map((note) => {
        const row = rows.get(note.appointmentId);
        return {
          ...(dtos.get(note.id) as CounselorNoteDto),
          student: { id: note.studentId, name: people.get(note.studentId) ?? null },
          appointmentStartsAt: row ? isoInZone(row.startsAt, timeZone) : isoInZone(note.createdAt, timeZone),
        };
      }),
    };
  }

  /** Staff: who read which note when, newest first. Never the text. */
  async accessLog(filter: {
    counselorId?: string;
    cursor?: string;
  }): Promise<Collection<NoteAccessLogEntryDto>> {
    const entries = await this.repository.readLog(
      { authorId: filter.counselorId, before: filter.cursor },
      LOG_PAGE + 1,
    );
    const page = entries.slice(0, LOG_PAGE);
    const names = new Map(
      (await this.repository.usersByIds(page.flatMap((entry) => [entry.authorId, entry.readerId]))).map(
        (user) => [user.id, user.name],
      ),
    );
    const timeZone = this.config.center.timezone;
    return {
      items: page.map((entry) => ({
        id: entry.id,
        noteId: entry.noteId,
        appointmentId: entry.appointmentId,
        author: { id: entry.authorId, name: names.get(entry.authorId) ?? null },
        reader: { id: entry.readerId, name: names.get(entry.readerId) ?? null },
        studentId: entry.studentId,
        via: entry.via,
        readAt: isoInZone(entry.readAt, timeZone),
      })),
      nextCursor: entries.length > LOG_PAGE ? (page.at(-1)?.id ?? null) : null,
    };
  }

  private toDto(note: CounselorNoteEntity, text: string, authorName: string | null): CounselorNoteDto {
    return {
      id: note.id,
      appointmentId: note.appointmentId,
      text,
      authorName,
      createdAt: isoInZone(note.createdAt, this.config.center.timezone),
    };
  }
}
