import type {
  AppointmentStatus,
  AttendanceStatus,
  AvailabilityExceptionKind,
  CancelledBy,
  IsoWeekday,
  SlotAvailability,
  StrikeKind,
  WaitlistStatus,
} from '../enums/booking.enum';
import type { AdvisingTopic, AppointmentMode } from '../enums/taxonomy.enum';
import type { Collection, IsoDate, IsoDateTime } from './common.contract';

/** `HH:MM`, 24-hour, in the center's time zone. */
export type WallTime = string;

export interface AdvisorDto {
  id: string;
  /** Short code in the mini-program code scene (`a=<shortCode>`); also accepted wherever an advisor id is. */
  shortCode: string;
  name: string;
  title: string;
  photoUrl: string | null;
  bio: string;
  topics: AdvisingTopic[];
  /** Room or place, e.g. `学生活动中心 305`. */
  location: string;
  modes: AppointmentMode[];
  meetingUrl: string | null;
  phone: string | null;
  active: boolean;
  /** Soonest bookable slot start, when there is one within the horizon. */
  nextAvailableAt: IsoDateTime | null;
  /** Link that the advisor's QR code encodes. */
  bookingUrl: string;
}

export type AdvisorListResponse = Collection<AdvisorDto>;

export interface ListAdvisorsQuery {
  topic?: AdvisingTopic;
  /** Staff only: include inactive advisors. */
  includeInactive?: boolean;
}

export interface CreateAdvisorRequest {
  /** Optional stable id (letters, digits, `_`, `-`); a UUID otherwise. */
  id?: string;
  name: string;
  title: string;
  photoUrl?: string | null;
  bio?: string;
  topics: AdvisingTopic[];
  location: string;
  modes: AppointmentMode[];
  meetingUrl?: string | null;
  phone?: string | null;
  active?: boolean;
}

export type UpdateAdvisorRequest = Partial<Omit<CreateAdvisorRequest, 'id'>>;

export interface SlotDto {
  id: string;
  advisorId: string;
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  capacity: number;
  remaining: number;
  availability: SlotAvailability;
  /** Students waiting for a seat (or holding an offer). */
  waitlistLength: number;
  mode: AppointmentMode;
  location: string | null;
  /** A group session's title (a workshop or resume clinic); null for one-to-one sessions. */
  title: string | null;
}

export interface SlotListQuery {
  from?: IsoDate;
  to?: IsoDate;
}

export interface SlotListResponse extends Collection<SlotDto> {
  from: IsoDate;
  to: IsoDate;
  timezone: string;
}

export interface WeeklyRuleDto {
  id: string;
  weekday: IsoWeekday;
  startTime: WallTime;
  endTime: WallTime;
  slotMinutes: number;
  bufferMinutes: number;
  capacity: number;
  mode: AppointmentMode;
  location: string | null;
  title: string | null;
}

export type WeeklyRuleInput = Omit<WeeklyRuleDto, 'id'>;

/** `PUT /api/advisors/:id/rules`: the whole weekly schedule at once; future unbooked slots follow it. */
export interface ReplaceWeeklyRulesRequest {
  rules: WeeklyRuleInput[];
}

export interface AvailabilityExceptionDto {
  id: string;
  date: IsoDate;
  kind: AvailabilityExceptionKind;
  /** Both null on an `unavailable` day means the whole day. */
  startTime: WallTime | null;
  endTime: WallTime | null;
  slotMinutes: number | null;
  capacity: number | null;
  mode: AppointmentMode | null;
  location: string | null;
  title: string | null;
  note: string | null;
}

export type CreateAvailabilityExceptionRequest = Omit<AvailabilityExceptionDto, 'id'>;

export interface ClosureDto {
  id: string;
  date: IsoDate;
  reason: string;
}

export type CreateClosureRequest = Omit<ClosureDto, 'id'>;

export interface AppointmentAdvisorSummary {
  id: string;
  name: string;
  title: string;
  location: string;
}

export interface AppointmentDto {
  id: string;
  status: AppointmentStatus;
  slotId: string;
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  topic: AdvisingTopic;
  note: string | null;
  mode: AppointmentMode;
  location: string | null;
  meetingUrl: string | null;
  title: string | null;
  advisor: AppointmentAdvisorSummary;
  checkedInAt: IsoDateTime | null;
  cancelledAt: IsoDateTime | null;
  cancelledBy: CancelledBy | null;
  lateCancellation: boolean;
  /** Until when the student may cancel without it counting as a late cancellation. */
  cancellableUntil: IsoDateTime;
  rating: number | null;
  feedback: string | null;
  /** Ended, attended (or checked in) and not yet rated. */
  canRate: boolean;
  rescheduledFromId: string | null;
  /** Set on an appointment the student moved to another time: it was cancelled by the move, not dropped. */
  rescheduledToId: string | null;
  createdAt: IsoDateTime;
}

export interface BookAppointmentRequest {
  slotId: string;
  topic: AdvisingTopic;
  note?: string;
}

export interface RescheduleAppointmentRequest {
  slotId: string;
  topic?: AdvisingTopic;
  note?: string;
}

export interface MyAppointmentsQuery {
  scope?: 'upcoming' | 'past';
}

export type AppointmentListResponse = Collection<AppointmentDto>;

export interface FeedbackRequest {
  rating: 1 | 2 | 3 | 4 | 5;
  comment?: string;
}

export interface AttendanceRequest {
  status: AttendanceStatus;
}

export interface CheckInRequest {
  /** The advisor id or short code the scanned code names. */
  advisor: string;
}

export interface CheckInResponse {
  appointment: AppointmentDto;
  /** False when the student had already checked in. */
  firstCheckIn: boolean;
}

export interface JoinWaitlistRequest {
  topic: AdvisingTopic;
  note?: string;
}

export interface WaitlistEntryDto {
  id: string;
  status: WaitlistStatus;
  slot: SlotDto;
  advisor: AppointmentAdvisorSummary;
  topic: AdvisingTopic;
  /** 1 = next in line; null once the entry is no longer waiting. */
  position: number | null;
  holdExpiresAt: IsoDateTime | null;
  appointmentId: string | null;
  createdAt: IsoDateTime;
}

export type WaitlistListResponse = Collection<WaitlistEntryDto>;

export interface StrikeDto {
  kind: StrikeKind;
  occurredAt: IsoDateTime;
  appointmentId: string;
}

/** `GET /api/me/booking-status`: what a student may do right now, so the app can explain a refusal up front. */
export interface BookingStatusResponse {
  suspension: { reason: StrikeKind[]; startsAt: IsoDateTime; endsAt: IsoDateTime } | null;
  /** Strikes that count towards the next suspension. */
  strikes: StrikeDto[];
  strikeLimit: number;
  activeAppointments: number;
  maxActiveAppointments: number;
  rules: BookingRulesDto;
}

export interface BookingRulesDto {
  minNoticeMinutes: number;
  horizonDays: number;
  maxActiveAppointments: number;
  cancellationCutoffMinutes: number;
  strikeLimit: number;
  strikeWindowDays: number;
  suspensionDays: number;
  waitlistHoldMinutes: number;
  /** Waitlists one student may be on at once. */
  maxWaitlistEntries: number;
  checkInOpensMinutesBefore: number;
  checkInClosesMinutesAfter: number;
  timezone: string;
}

/** Header that makes `POST /api/appointments` safe to retry. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
