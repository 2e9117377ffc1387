import type { CounselorNoteDto, CounselorScheduleItemDto } from '@careerside/shared';
import { isoInZone } from '../slots/slot-time';
import type { ScheduleRow } from './counselor.repository';

export function toScheduleItemDto(
  row: ScheduleRow,
  lastNote: CounselorNoteDto | null,
  timeZone: string,
): CounselorScheduleItemDto {
  return {
    appointmentId: row.id,
    startsAt: isoInZone(row.startsAt, timeZone),
    endsAt: isoInZone(row.endsAt, timeZone),
    status: row.status,
    checkedInAt: row.checkedInAt ? isoInZone(row.checkedInAt, timeZone) : null,
    topic: row.topic,
    note: row.note,
    mode: row.mode,
    location: row.location,
    meetingUrl: row.meetingUrl,
    title: row.title,
    student: row.student,
    earlierSessions: row.earlierSessions,
    lastNote,
  };
}
