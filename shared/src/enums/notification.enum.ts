/**
 * What a notification is about. Later features pick one of these; the server maps each kind to a WeChat
 * subscribe-message template (or none) and the app to an icon and a label.
 */
export const NotificationKind = {
  AppointmentBooked: 'appointment_booked',
  AppointmentReminder: 'appointment_reminder',
  AppointmentCancelled: 'appointment_cancelled',
  WaitlistOffer: 'waitlist_offer',
  JobAlert: 'job_alert',
  JobDigest: 'job_digest',
  CounselorAgenda: 'counselor_agenda',
  MuseumNewExhibit: 'museum_new_exhibit',
  /** Pushes folded by the daily cap, summarised the next morning. */
  Digest: 'digest',
  /** Announcements from the center. */
  System: 'system',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];
export const NOTIFICATION_KINDS: readonly NotificationKind[] = Object.values(NotificationKind);

/** One-time templates allow one message per "accept"; long-term ones (education services only) are not counted. */
export const SubscriptionMode = {
  OneTime: 'one_time',
  LongTerm: 'long_term',
} as const;
export type SubscriptionMode = (typeof SubscriptionMode)[keyof typeof SubscriptionMode];
export const SUBSCRIPTION_MODES: readonly SubscriptionMode[] = Object.values(SubscriptionMode);

/** What `wx.requestSubscribeMessage` answers per template id. */
export const SubscribeResult = {
  Accept: 'accept',
  Reject: 'reject',
  /** WeChat has banned the template. */
  Ban: 'ban',
  /** WeChat filtered the template (e.g. a duplicate title in one request). */
  Filter: 'filter',
} as const;
export type SubscribeResult = (typeof SubscribeResult)[keyof typeof SubscribeResult];
export const SUBSCRIBE_RESULTS: readonly SubscribeResult[] = Object.values(SubscribeResult);

/** WeChat lets one `wx.requestSubscribeMessage` call ask for at most this many templates. */
export const MAX_TEMPLATES_PER_SUBSCRIBE_REQUEST = 3;

/** Where a WeChat push stands. The inbox entry exists whatever this says. */
export const DeliveryStatus = {
  Queued: 'queued',
  Sending: 'sending',
  Sent: 'sent',
  /** Failed for a reason worth retrying; the next attempt is scheduled. */
  Failed: 'failed',
  /** Out of attempts, or refused for good (the reason is kept); staff can retry it. */
  Dead: 'dead',
  SkippedNoConsent: 'skipped_no_consent',
  /** Over the daily cap: summarised in the next digest instead. */
  Folded: 'folded',
  /** A worker died while this was on the wire: WeChat may or may not have it, so it is not resent by itself. */
  Unconfirmed: 'unconfirmed',
  /** The sender took the message back before it went out (a reminder of a cancelled appointment). */
  Withdrawn: 'withdrawn',
} as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = Object.values(DeliveryStatus);
