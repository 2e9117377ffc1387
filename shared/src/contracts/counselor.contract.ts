import type { AppointmentStatus, AttendanceStatus } from '../enums/booking.enum';
import type { AdvisingTopic, AppointmentMode, Degree } from '../enums/taxonomy.enum';
import type { IsoDate, IsoDateTime } from './common.contract';
import type { ReflectionDto } from './reflection.contract';

/** How a private note was read; every read is logged for staff review. */
export const NoteReadVia = {
  Schedule: 'schedule',
  Appointment: 'appointment',
  Supervision: 'supervision',
} as const;
export type NoteReadVia = (typeof NoteReadVia)[keyof typeof NoteReadVia];

export interface CounselorStudentDto {
  id: string;
  name: string | null;
  college: string | null;
  major: string | null;
  degree: Degree | null;
  graduationYear: number | null;
}

/** A private note, decrypted for its author (or a designated supervisor). Never in student-facing answers. */
export interface CounselorNoteDto {
  id: string;
  appointmentId: string;
  text: string;
  authorName: string | null;
  createdAt: IsoDateTime;
}

export interface CounselorScheduleItemDto {
  appointmentId: string;
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  status: AppointmentStatus;
  /** The student scanned the door code or the counselor marked them arrived. */
  checkedInAt: IsoDateTime | null;
  topic: AdvisingTopic;
  /** What the student wrote when booking. */
  note: string | null;
  mode: AppointmentMode;
  location: string | null;
  meetingUrl: string | null;
  title: string | null;
  student: CounselorStudentDto;
  /** Earlier sessions of this student with this advisor that were not cancelled or missed. */
  earlierSessions: number;
  /** This counselor's latest private note about the student, from any appointment. */
  lastNote: CounselorNoteDto | null;
}

/** `GET /api/counselor/schedule?date=YYYY-MM-DD`. */
export interface CounselorScheduleResponse {
  date: IsoDate;
  /** A center closure that day (a holiday), if any. */
  closure: { reason: string } | null;
  /** The advisor is on leave the whole day. */
  onLeave: boolean;
  items: CounselorScheduleItemDto[];
}

export interface CounselorScheduleQuery {
  date?: IsoDate;
}

export interface CounselorWeekDayDto {
  date: IsoDate;
  booked: number;
  closed: boolean;
  onLeave: boolean;
}

/** `GET /api/counselor/week?date=`: the Monday-to-Sunday week around `date`. */
export interface CounselorWeekResponse {
  from: IsoDate;
  to: IsoDate;
  days: CounselorWeekDayDto[];
}

/** `GET /api/counselor/appointments/:id`: one appointment with everything the counselor may see. */
export interface CounselorAppointmentDetailResponse {
  appointment: CounselorScheduleItemDto;
  /** This counselor's notes on this appointment, oldest first. */
  notes: CounselorNoteDto[];
  /** Earlier appointments of the student with this advisor, latest first (up to 20). */
  history: {
    appointmentId: string;
    startsAt: IsoDateTime;
    status: AppointmentStatus;
    topic: AdvisingTopic;
  }[];
  /** Reflections the student chose to share with their counselor. */
  sharedReflections: ReflectionDto[];
}

export interface CounselorAttendanceRequest {
  status: AttendanceStatus;
}

export interface CreateCounselorNoteRequest {
  text: string;
}

/** `POST /api/counselor/time-off`: leave on a date, the whole day or between two times. */
export interface CounselorTimeOffRequest {
  date: IsoDate;
  startTime: string | null;
  endTime: string | null;
  note?: string | null;
}

export interface CounselorTimeOffResponse {
  exceptionId: string;
  /** Appointments cancelled by the leave; each student got a notice with an offer to rebook. */
  cancelled: { appointmentId: string; startsAt: IsoDateTime; studentName: string | null }[];
}

/** `POST /api/counselor/extra-hours`. */
export interface CounselorExtraHoursRequest {
  date: IsoDate;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  capacity?: number;
  mode: AppointmentMode;
  location?: string | null;
}

/** `GET /api/counselor/calendar-feed`: the secret feed URL (rotate to revoke the old one). */
export interface CounselorCalendarFeedResponse {
  url: string;
  /** `webcal://` form that phones open as a subscription. */
  webcalUrl: string;
  rotatedAt: IsoDateTime;
}

export interface AcceptCounselorInviteRequest {
  code: string;
}

// Staff

export interface CreateCounselorInviteRequest {
  advisorId: string;
}

export interface CounselorInviteResponse {
  id: string;
  advisorId: string;
  advisorName: string;
  /** Shown once: the counselor types it or scans the QR code built from `path`. */
  code: string;
  /** Mini-program page that accepts the invite. */
  path: string;
  /** The same page under PUBLIC_URL: what the QR code carries. */
  url: string;
  /** PNG data URL of a QR code carrying `url`. */
  qrDataUrl: string;
  expiresAt: IsoDateTime;
}

export interface CounselorSupervisorDto {
  id: string;
  supervisor: { id: string; name: string | null };
  counselor: { id: string; name: string | null };
  createdAt: IsoDateTime;
}

export interface CreateCounselorSupervisorRequest {
  supervisorId: string;
  counselorId: string;
}

export interface NoteAccessLogEntryDto {
  id: string;
  noteId: string;
  appointmentId: string;
  author: { id: string; name: string | null };
  reader: { id: string; name: string | null };
  studentId: string;
  via: NoteReadVia;
  readAt: IsoDateTime;
}

export interface NoteAccessLogQuery {
  counselorId?: string;
  cursor?: string;
}

/** `GET /api/counselor/supervision`: the counselors staff designated the signed-in counselor to supervise. */
export interface SupervisionResponse {
  items: { id: string; name: string | null }[];
}

/** `GET /api/counselor/supervision/notes?counselorId=`: notes of a counselor the reader supervises. */
export interface SupervisedNotesQuery {
  counselorId: string;
}

export interface SupervisedNoteDto extends CounselorNoteDto {
  student: { id: string; name: string | null };
  appointmentStartsAt: IsoDateTime;
}

export interface CounselorStatsQuery {
  from: IsoDate;
  to: IsoDate;
}

/** Per advisor profile over [from, to]. */
export interface CounselorStatsDto {
  advisorId: string;
  advisorName: string;
  counselorNames: string[];
  offeredSeats: number;
  bookedSeats: number;
  /** booked / offered, 0..1; null when nothing was offered. */
  utilisation: number | null;
  attended: number;
  noShows: number;
  /** no-shows / (attended + no-shows); null before any attendance is known. */
  noShowRate: number | null;
  averageRating: number | null;
  ratings: number;
}

export interface CounselorStatsResponse {
  from: IsoDate;
  to: IsoDate;
  items: CounselorStatsDto[];
}
