import { NotificationKind, Role } from '@careerside/shared';
import { NOTIFICATION_FIELDS } from '../../../config/notification-templates';
import type { FieldValue } from '../../wechat/value-fitting';

export interface KindPolicy {
  /** Who the app asks for consent to this kind's template. */
  audience: readonly Role[];
  /**
   * Informational kinds count against a student's daily push cap and fold into a digest beyond it;
   * transactional ones (a booking, a waitlist offer) always go out.
   */
  capped: boolean;
}

const students = [Role.Student] as const;

export const KIND_POLICY: Readonly<Record<NotificationKind, KindPolicy>> = {
  [NotificationKind.AppointmentBooked]: { audience: students, capped: false },
  [NotificationKind.AppointmentReminder]: { audience: students, capped: false },
  [NotificationKind.AppointmentCancelled]: { audience: students, capped: false },
  [NotificationKind.WaitlistOffer]: { audience: students, capped: false },
  [NotificationKind.JobAlert]: { audience: students, capped: true },
  [NotificationKind.JobDigest]: { audience: students, capped: true },
  [NotificationKind.CounselorAgenda]: { audience: [Role.Counselor], capped: false },
  [NotificationKind.MuseumNewExhibit]: { audience: students, capped: true },
  [NotificationKind.Digest]: { audience: students, capped: false },
  [NotificationKind.System]: { audience: [Role.Student, Role.Counselor, Role.Admin], capped: true },
};

/** The facts a notification of kind K carries for its WeChat template (null where there is nothing to say). */
export type NotificationFieldsOf<K extends NotificationKind> = Record<
  (typeof NOTIFICATION_FIELDS)[K][number],
  FieldValue
>;
