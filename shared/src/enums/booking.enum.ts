/** Where an appointment stands. `booked` is active; the others are final. */
export const AppointmentStatus = {
  Booked: 'booked',
  Cancelled: 'cancelled',
  Attended: 'attended',
  NoShow: 'no_show',
} as const;
export type AppointmentStatus = (typeof AppointmentStatus)[keyof typeof AppointmentStatus];
export const APPOINTMENT_STATUSES: readonly AppointmentStatus[] = Object.values(AppointmentStatus);

/** What a counselor records after the start time. */
export const AttendanceStatus = {
  Attended: 'attended',
  NoShow: 'no_show',
} as const;
export type AttendanceStatus = (typeof AttendanceStatus)[keyof typeof AttendanceStatus];
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = Object.values(AttendanceStatus);

/** Who cancelled: the student, staff (advisor or admin), or the system (a withdrawn slot). */
export const CancelledBy = {
  Student: 'student',
  Staff: 'staff',
  System: 'system',
} as const;
export type CancelledBy = (typeof CancelledBy)[keyof typeof CancelledBy];

/** What a slot looks like to someone about to book it. */
export const SlotAvailability = {
  /** Seats left and bookable now. */
  Available: 'available',
  /** No seat left; the waitlist is open. */
  Full: 'full',
  /** Inside the minimum notice, started, or withdrawn: neither bookable nor waitlistable. */
  Closed: 'closed',
} as const;
export type SlotAvailability = (typeof SlotAvailability)[keyof typeof SlotAvailability];

export const WaitlistStatus = {
  Waiting: 'waiting',
  /** A seat is held for this entry until `holdExpiresAt`. */
  Offered: 'offered',
  Accepted: 'accepted',
  /** The hold ran out; the seat passed on. */
  Expired: 'expired',
  Declined: 'declined',
  Left: 'left',
  /** The slot started or was withdrawn before a seat came up. */
  Closed: 'closed',
} as const;
export type WaitlistStatus = (typeof WaitlistStatus)[keyof typeof WaitlistStatus];

/** Counted towards a booking suspension. */
export const StrikeKind = {
  NoShow: 'no_show',
  LateCancellation: 'late_cancellation',
} as const;
export type StrikeKind = (typeof StrikeKind)[keyof typeof StrikeKind];

/** Date exceptions to an advisor's weekly rules. */
export const AvailabilityExceptionKind = {
  /** Leave: no slots that day, or within the given hours. */
  Unavailable: 'unavailable',
  /** Extra hours on that date, with their own slot settings. */
  Extra: 'extra',
} as const;
export type AvailabilityExceptionKind =
  (typeof AvailabilityExceptionKind)[keyof typeof AvailabilityExceptionKind];
export const AVAILABILITY_EXCEPTION_KINDS: readonly AvailabilityExceptionKind[] =
  Object.values(AvailabilityExceptionKind);

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Prefix of the mini-program code scene that names an advisor: `a=<shortCode>`; the center is `c=1`. */
export const QR_SCENE = { advisorPrefix: 'a=', center: 'c=1' } as const;
