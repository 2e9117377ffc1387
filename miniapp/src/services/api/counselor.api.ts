import {
  ApiRoute,
  type AttendanceRequest,
  type AppointmentDto,
  type AvailabilityExceptionDto,
  type Collection,
  type CounselorAppointmentDetailResponse,
  type CounselorCalendarFeedResponse,
  type CounselorExtraHoursRequest,
  type CounselorInviteResponse,
  type CounselorNoteDto,
  CounselorRoute,
  type CounselorScheduleItemDto,
  type CounselorScheduleResponse,
  type CounselorStatsResponse,
  type CounselorSupervisorDto,
  type CounselorTimeOffRequest,
  type CounselorTimeOffResponse,
  type CounselorWeekResponse,
  type CreateCounselorSupervisorRequest,
  type NoteAccessLogEntryDto,
  type SupervisedNoteDto,
  type SupervisionResponse,
  type UserDto,
  type UserListResponse,
  routePath,
} from '@careerside/shared';
import { request } from '@/services/http/request';

const R = CounselorRoute;

/** The counselor workspace: the day, attendance, private notes, time off and the calendar feed. */
export const counselorApi = {
  schedule: (date: string) => request<CounselorScheduleResponse>({ path: R.schedule, query: { date } }),
  week: (date: string) => request<CounselorWeekResponse>({ path: R.week, query: { date } }),
  appointment: (id: string) =>
    request<CounselorAppointmentDetailResponse>({ path: routePath(R.appointment, { id }) }),
  arrived: (id: string) =>
    request<CounselorScheduleItemDto>({ method: 'POST', path: routePath(R.arrival, { id }) }),
  attendance: (id: string, body: AttendanceRequest) =>
    request<AppointmentDto>({ method: 'POST', path: routePath(ApiRoute.booking.attendance, { id }), body }),
  addNote: (id: string, text: string) =>
    request<CounselorNoteDto>({ method: 'POST', path: routePath(R.notes, { id }), body: { text } }),
  timeOff: (body: CounselorTimeOffRequest) =>
    request<CounselorTimeOffResponse>({ method: 'POST', path: R.timeOff, body }),
  extraHours: (body: CounselorExtraHoursRequest) =>
    request<AvailabilityExceptionDto>({ method: 'POST', path: R.extraHours, body }),
  exceptions: (advisorId: string) =>
    request<Collection<AvailabilityExceptionDto>>({
      path: routePath(ApiRoute.booking.advisorExceptions, { id: advisorId }),
    }),
  removeException: (advisorId: string, exceptionId: string) =>
    request<void>({
      method: 'DELETE',
      path: routePath(ApiRoute.booking.advisorException, { id: advisorId, exceptionId }),
    }),
  calendarFeed: () => request<CounselorCalendarFeedResponse>({ path: R.calendarFeed }),
  rotateCalendarFeed: () =>
    request<CounselorCalendarFeedResponse>({ method: 'POST', path: R.calendarFeedRotate }),
  supervision: () => request<SupervisionResponse>({ path: R.supervision }),
  supervisedNotes: (counselorId: string) =>
    request<Collection<SupervisedNoteDto>>({ path: R.supervisedNotes, query: { counselorId } }),
  acceptInvite: (code: string) => request<UserDto>({ method: 'POST', path: R.inviteAccept, body: { code } }),
};

/** Staff: counselor invites, supervisor designations, the note access log and per-counselor figures. */
export const counselorStaffApi = {
  invite: (advisorId: string) =>
    request<CounselorInviteResponse>({ method: 'POST', path: R.admin.invites, body: { advisorId } }),
  supervisors: () => request<Collection<CounselorSupervisorDto>>({ path: R.admin.supervisors }),
  designate: (body: CreateCounselorSupervisorRequest) =>
    request<CounselorSupervisorDto>({ method: 'POST', path: R.admin.supervisors, body }),
  revoke: (id: string) => request<void>({ method: 'DELETE', path: routePath(R.admin.supervisor, { id }) }),
  accessLog: (cursor?: string) =>
    request<Collection<NoteAccessLogEntryDto>>({ path: R.admin.noteAccessLog, query: { cursor } }),
  counselors: () =>
    request<UserListResponse>({ path: ApiRoute.admin.users, query: { role: 'counselor', limit: 100 } }),
  stats: (from: string, to: string) =>
    request<CounselorStatsResponse>({ path: R.admin.stats, query: { from, to } }),
};
