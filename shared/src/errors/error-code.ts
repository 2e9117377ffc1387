/** Stable upper-snake codes that clients switch on. Never rename one; add new ones. */
export const ErrorCode = {
  // Request shape
  ValidationFailed: 'VALIDATION_FAILED',
  InvalidJson: 'INVALID_JSON',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** The JSON body nests too deeply or holds too many items or too long a string (JSON_MAX_* settings). */
  BodyTooComplex: 'BODY_TOO_COMPLEX',
  /** The JSON body is not an object (`null`, a list, a number, a string). */
  BodyNotObject: 'BODY_NOT_OBJECT',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  BadRequest: 'BAD_REQUEST',
  NotFound: 'NOT_FOUND',
  RouteNotFound: 'ROUTE_NOT_FOUND',
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  InternalError: 'INTERNAL_ERROR',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  /** The database did not answer in time (unreachable, or locked by another process): retry shortly. */
  DatabaseUnavailable: 'DATABASE_UNAVAILABLE',
  // Authentication and authorization
  Unauthenticated: 'UNAUTHENTICATED',
  TokenExpired: 'TOKEN_EXPIRED',
  TokenInvalid: 'TOKEN_INVALID',
  /** The token was signed out (POST /api/auth/logout) or its user's role was changed: sign in again. */
  TokenRevoked: 'TOKEN_REVOKED',
  Forbidden: 'FORBIDDEN',
  DevLoginDisabled: 'DEV_LOGIN_DISABLED',
  CannotChangeOwnRole: 'CANNOT_CHANGE_OWN_ROLE',
  // WeChat sign-in
  WechatCodeInvalid: 'WECHAT_CODE_INVALID',
  WechatRateLimited: 'WECHAT_RATE_LIMITED',
  WechatUserBlocked: 'WECHAT_USER_BLOCKED',
  WechatUnavailable: 'WECHAT_UNAVAILABLE',
  WechatNotConfigured: 'WECHAT_NOT_CONFIGURED',
  // Notifications (issue 3)
  DeliveryNotRetryable: 'DELIVERY_NOT_RETRYABLE',
  // Appointments (issue 4)
  SlotFull: 'SLOT_FULL',
  SlotNotAvailable: 'SLOT_NOT_AVAILABLE',
  BookingTooSoon: 'BOOKING_TOO_SOON',
  BookingTooFar: 'BOOKING_TOO_FAR',
  TooManyActive: 'TOO_MANY_ACTIVE',
  OverlappingAppointment: 'OVERLAPPING_APPOINTMENT',
  OnePerAdvisorPerDay: 'ONE_PER_ADVISOR_PER_DAY',
  AlreadyBooked: 'ALREADY_BOOKED',
  BookingSuspended: 'BOOKING_SUSPENDED',
  ProfileIncomplete: 'PROFILE_INCOMPLETE',
  AdvisorInactive: 'ADVISOR_INACTIVE',
  CancellationClosed: 'CANCELLATION_CLOSED',
  AppointmentNotActive: 'APPOINTMENT_NOT_ACTIVE',
  IdempotencyKeyReused: 'IDEMPOTENCY_KEY_REUSED',
  IdempotencyKeyInProgress: 'IDEMPOTENCY_KEY_IN_PROGRESS',
  SlotHasSeats: 'SLOT_HAS_SEATS',
  AlreadyOnWaitlist: 'ALREADY_ON_WAITLIST',
  /** The student is already in WAITLIST_MAX_ACTIVE lines (waiting or holding a seat). */
  WaitlistLimitReached: 'WAITLIST_LIMIT_REACHED',
  WaitlistOfferExpired: 'WAITLIST_OFFER_EXPIRED',
  WaitlistNotOffered: 'WAITLIST_NOT_OFFERED',
  CheckInTooEarly: 'CHECK_IN_TOO_EARLY',
  CheckInTooLate: 'CHECK_IN_TOO_LATE',
  NoAppointmentToCheckIn: 'NO_APPOINTMENT_TO_CHECK_IN',
  FeedbackNotAllowed: 'FEEDBACK_NOT_ALLOWED',
  FeedbackAlreadyGiven: 'FEEDBACK_ALREADY_GIVEN',
  AttendanceTooEarly: 'ATTENDANCE_TOO_EARLY',
  RulesInvalid: 'RULES_INVALID',
  ClosureExists: 'CLOSURE_EXISTS',
  AdvisorExists: 'ADVISOR_EXISTS',
  MiniProgramCodeUnavailable: 'MINI_PROGRAM_CODE_UNAVAILABLE',
  // Museum, media and reflection (issue 7)
  MediaFileMissing: 'MEDIA_FILE_MISSING',
  MediaTypeNotAllowed: 'MEDIA_TYPE_NOT_ALLOWED',
  MediaTooLarge: 'MEDIA_TOO_LARGE',
  MediaUnreadable: 'MEDIA_UNREADABLE',
  MediaReferenceInvalid: 'MEDIA_REFERENCE_INVALID',
  ReorderMismatch: 'REORDER_MISMATCH',
  MuseumContentIncomplete: 'MUSEUM_CONTENT_INCOMPLETE',
  // Jobs and alerts (issue 6)
  JobNotEditable: 'JOB_NOT_EDITABLE',
  JobNotPublishable: 'JOB_NOT_PUBLISHABLE',
  JobDeadlinePassed: 'JOB_DEADLINE_PASSED',
  JobNotOpen: 'JOB_NOT_OPEN',
  SubmissionAlreadyReviewed: 'SUBMISSION_ALREADY_REVIEWED',
  // Counselor workspace (issue 5)
  NotBoundToAdvisor: 'NOT_BOUND_TO_ADVISOR',
  /** A counselor asked for another advisor's door poster or mini-program code: staff and their own counselor only. */
  NotOwnAdvisor: 'NOT_OWN_ADVISOR',
  InviteInvalid: 'INVITE_INVALID',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorDetail {
  /** The request field the problem is about, as a dotted path (`profile.graduationYear`). */
  field?: string;
  message: string;
  constraint?: string;
}

/** The one error body every endpoint answers with. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
  requestId?: string;
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).statusCode === 'number' &&
    typeof (value as ErrorBody).code === 'string'
  );
}
