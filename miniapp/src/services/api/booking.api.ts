import {
  type AdvisorDto,
  type AdvisorListResponse,
  ApiRoute,
  type AppointmentDto,
  type AppointmentListResponse,
  type AvailabilityExceptionDto,
  type BookAppointmentRequest,
  type BookingStatusResponse,
  type CheckInResponse,
  type ClosureDto,
  type Collection,
  type CreateAdvisorRequest,
  type CreateAvailabilityExceptionRequest,
  type CreateClosureRequest,
  type FeedbackRequest,
  IDEMPOTENCY_KEY_HEADER,
  type JoinWaitlistRequest,
  type ListAdvisorsQuery,
  type RescheduleAppointmentRequest,
  type SlotListQuery,
  type SlotListResponse,
  type UpdateAdvisorRequest,
  type WaitlistEntryDto,
  type WaitlistListResponse,
  type WeeklyRuleDto,
  type WeeklyRuleInput,
  routePath,
} from '@careerside/shared';
import { request } from '@/services/http/request';

const R = ApiRoute.booking;

export const bookingApi = {
  advisors: (query: ListAdvisorsQuery = {}) =>
    request<AdvisorListResponse>({
      path: R.advisors,
      query: { topic: query.topic, includeInactive: query.includeInactive ? 'true' : undefined },
    }),
  advisor: (id: string) => request<AdvisorDto>({ path: routePath(R.advisor, { id }) }),
  slots: (advisorId: string, query: SlotListQuery = {}) =>
    request<SlotListResponse>({ path: routePath(R.advisorSlots, { id: advisorId }), query: { ...query } }),

  book: (body: BookAppointmentRequest, idempotencyKey: string) =>
    request<AppointmentDto>({
      method: 'POST',
      path: R.appointments,
      body,
      headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
    }),
  reschedule: (id: string, body: RescheduleAppointmentRequest, idempotencyKey: string) =>
    request<AppointmentDto>({
      method: 'POST',
      path: routePath(R.appointmentReschedule, { id }),
      body,
      headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
    }),
  appointment: (id: string) => request<AppointmentDto>({ path: routePath(R.appointment, { id }) }),
  myAppointments: (scope: 'upcoming' | 'past') =>
    request<AppointmentListResponse>({ path: R.myAppointments, query: { scope } }),
  bookingStatus: () => request<BookingStatusResponse>({ path: R.myBookingStatus }),
  cancel: (id: string) =>
    request<AppointmentDto>({ method: 'POST', path: routePath(R.appointmentCancel, { id }) }),
  rate: (id: string, body: FeedbackRequest) =>
    request<AppointmentDto>({ method: 'POST', path: routePath(R.appointmentFeedback, { id }), body }),
  checkIn: (advisor: string) =>
    request<CheckInResponse>({ method: 'POST', path: R.checkIns, body: { advisor } }),

  joinWaitlist: (slotId: string, body: JoinWaitlistRequest) =>
    request<WaitlistEntryDto>({ method: 'POST', path: routePath(R.slotWaitlist, { id: slotId }), body }),
  myWaitlist: () => request<WaitlistListResponse>({ path: R.myWaitlist }),
  acceptOffer: (id: string) =>
    request<AppointmentDto>({ method: 'POST', path: routePath(R.waitlistAccept, { id }) }),
  declineOffer: (id: string) =>
    request<WaitlistEntryDto>({ method: 'POST', path: routePath(R.waitlistDecline, { id }) }),
  leaveWaitlist: (id: string) =>
    request<WaitlistEntryDto>({ method: 'POST', path: routePath(R.waitlistLeave, { id }) }),
};

/** Staff: advisors, weekly rules, date exceptions and center closures. */
export const staffApi = {
  createAdvisor: (body: CreateAdvisorRequest) =>
    request<AdvisorDto>({ method: 'POST', path: R.advisors, body }),
  updateAdvisor: (id: string, body: UpdateAdvisorRequest) =>
    request<AdvisorDto>({ method: 'PATCH', path: routePath(R.advisor, { id }), body }),
  rules: (id: string) => request<Collection<WeeklyRuleDto>>({ path: routePath(R.advisorRules, { id }) }),
  replaceRules: (id: string, rules: WeeklyRuleInput[]) =>
    request<Collection<WeeklyRuleDto>>({
      method: 'PUT',
      path: routePath(R.advisorRules, { id }),
      body: { rules },
    }),
  exceptions: (id: string) =>
    request<Collection<AvailabilityExceptionDto>>({ path: routePath(R.advisorExceptions, { id }) }),
  addException: (id: string, body: CreateAvailabilityExceptionRequest) =>
    request<AvailabilityExceptionDto>({ method: 'POST', path: routePath(R.advisorExceptions, { id }), body }),
  removeException: (id: string, exceptionId: string) =>
    request<void>({ method: 'DELETE', path: routePath(R.advisorException, { id, exceptionId }) }),
  closures: () => request<Collection<ClosureDto>>({ path: R.closures }),
  addClosure: (body: CreateClosureRequest) => request<ClosureDto>({ method: 'POST', path: R.closures, body }),
  removeClosure: (id: string) => request<void>({ method: 'DELETE', path: routePath(R.closure, { id }) }),
};
