import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@careerside/shared';
import { DomainException } from '../../common/errors/domain.exception';

// Each refusal has its own code; the person-facing text (zh-CN and en-US) lives in the shared
// ERROR_MESSAGES, filled from `params`. The English message here is for logs and developers.

export class SlotFullException extends DomainException {
  constructor() {
    super(ErrorCode.SlotFull, HttpStatus.CONFLICT, 'The slot has no seat left');
  }
}

export class SlotNotAvailableException extends DomainException {
  constructor() {
    super(ErrorCode.SlotNotAvailable, HttpStatus.CONFLICT, 'The slot is no longer offered');
  }
}

export class BookingTooSoonException extends DomainException {
  constructor(minNoticeMinutes: number) {
    super(
      ErrorCode.BookingTooSoon,
      HttpStatus.UNPROCESSABLE_ENTITY,
      `Book at least ${minNoticeMinutes} minutes ahead`,
      undefined,
      {
        params: { hours: formatHours(minNoticeMinutes), minutes: minNoticeMinutes },
      },
    );
  }
}

export class BookingTooFarException extends DomainException {
  constructor(horizonDays: number) {
    super(
      ErrorCode.BookingTooFar,
      HttpStatus.UNPROCESSABLE_ENTITY,
      `Book at most ${horizonDays} days ahead`,
      undefined,
      {
        params: { days: horizonDays },
      },
    );
  }
}

export class TooManyActiveException extends DomainException {
  constructor(max: number) {
    super(
      ErrorCode.TooManyActive,
      HttpStatus.CONFLICT,
      `At most ${max} upcoming appointments at a time`,
      undefined,
      {
        params: { max },
      },
    );
  }
}

export class OverlappingAppointmentException extends DomainException {
  constructor() {
    super(
      ErrorCode.OverlappingAppointment,
      HttpStatus.CONFLICT,
      'Another appointment of yours overlaps this time',
    );
  }
}

export class OnePerAdvisorPerDayException extends DomainException {
  constructor() {
    super(ErrorCode.OnePerAdvisorPerDay, HttpStatus.CONFLICT, 'One appointment per advisor per day');
  }
}

export class AlreadyBookedException extends DomainException {
  constructor() {
    super(ErrorCode.AlreadyBooked, HttpStatus.CONFLICT, 'You already have a seat in this slot');
  }
}

export class BookingSuspendedException extends DomainException {
  constructor(until: string, untilDate: string, reasons: string) {
    super(
      ErrorCode.BookingSuspended,
      HttpStatus.FORBIDDEN,
      `Booking is suspended until ${until} (${reasons})`,
      [
        { field: 'suspendedUntil', message: until },
        { field: 'reason', message: reasons },
      ],
      { params: { until: untilDate, reasons } },
    );
  }
}

export class ProfileIncompleteException extends DomainException {
  constructor(missing: string[]) {
    super(
      ErrorCode.ProfileIncomplete,
      HttpStatus.UNPROCESSABLE_ENTITY,
      `Complete your profile first: ${missing.join(', ')}`,
      missing.map((field) => ({ field: `profile.${field}`, message: `${field} is required to book` })),
    );
  }
}

export class AdvisorInactiveException extends DomainException {
  constructor() {
    super(ErrorCode.AdvisorInactive, HttpStatus.CONFLICT, 'The advisor is not taking appointments');
  }
}

export class CancellationClosedException extends DomainException {
  constructor(reason: 'started' | 'reschedule_cutoff', cutoffMinutes: number) {
    super(
      ErrorCode.CancellationClosed,
      HttpStatus.CONFLICT,
      reason === 'started'
        ? 'The appointment has started; it can no longer be cancelled'
        : `Rescheduling closes ${cutoffMinutes} minutes before the start`,
      undefined,
      { params: { hours: formatHours(cutoffMinutes) } },
    );
  }
}

export class AppointmentNotActiveException extends DomainException {
  constructor() {
    super(ErrorCode.AppointmentNotActive, HttpStatus.CONFLICT, 'The appointment is not active');
  }
}

export class SlotHasSeatsException extends DomainException {
  constructor() {
    super(ErrorCode.SlotHasSeats, HttpStatus.CONFLICT, 'The slot has seats left: book it instead of waiting');
  }
}

export class AlreadyOnWaitlistException extends DomainException {
  constructor() {
    super(ErrorCode.AlreadyOnWaitlist, HttpStatus.CONFLICT, 'You are already on the waitlist of this slot');
  }
}

export class WaitlistLimitReachedException extends DomainException {
  constructor(max: number) {
    super(
      ErrorCode.WaitlistLimitReached,
      HttpStatus.CONFLICT,
      `At most ${max} waitlists at a time`,
      undefined,
      { params: { max } },
    );
  }
}

export class WaitlistOfferExpiredException extends DomainException {
  constructor() {
    super(
      ErrorCode.WaitlistOfferExpired,
      HttpStatus.CONFLICT,
      'The held seat was released when the offer ran out',
    );
  }
}

export class WaitlistNotOfferedException extends DomainException {
  constructor() {
    super(
      ErrorCode.WaitlistNotOffered,
      HttpStatus.CONFLICT,
      'No seat is being offered on this waitlist entry',
    );
  }
}

export class CheckInTooEarlyException extends DomainException {
  constructor(opensAt: string, opensMinutes: number) {
    super(
      ErrorCode.CheckInTooEarly,
      HttpStatus.CONFLICT,
      `Check-in opens at ${opensAt}`,
      [{ field: 'opensAt', message: opensAt }],
      {
        params: { time: opensAt.slice(11, 16), minutes: opensMinutes },
      },
    );
  }
}

export class CheckInTooLateException extends DomainException {
  constructor(closedAt: string, closesMinutes: number) {
    super(
      ErrorCode.CheckInTooLate,
      HttpStatus.CONFLICT,
      `Check-in closed at ${closedAt}`,
      [{ field: 'closedAt', message: closedAt }],
      {
        params: { time: closedAt.slice(11, 16), minutes: closesMinutes },
      },
    );
  }
}

export class NoAppointmentToCheckInException extends DomainException {
  constructor() {
    super(
      ErrorCode.NoAppointmentToCheckIn,
      HttpStatus.NOT_FOUND,
      'You have no appointment with this advisor today',
    );
  }
}

export class FeedbackNotAllowedException extends DomainException {
  constructor() {
    super(ErrorCode.FeedbackNotAllowed, HttpStatus.CONFLICT, 'Only a completed session can be rated');
  }
}

export class FeedbackAlreadyGivenException extends DomainException {
  constructor() {
    super(ErrorCode.FeedbackAlreadyGiven, HttpStatus.CONFLICT, 'This session has already been rated');
  }
}

export class AttendanceTooEarlyException extends DomainException {
  constructor() {
    super(
      ErrorCode.AttendanceTooEarly,
      HttpStatus.CONFLICT,
      'Attendance can be recorded once the appointment has started',
    );
  }
}

function formatHours(minutes: number): string {
  const hours = minutes / 60;
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
}
