import type { AdvisorDto, AppointmentAdvisorSummary } from '@careerside/shared';
import { isoInZone } from '../slots/slot-time';
import type { AdvisorEntity } from './advisor.entity';

/** The H5 and mini-program page an advisor's QR code opens. */
export const ADVISOR_PAGE = 'subpackages/booking/pages/advisor/index';

export function advisorBookingUrl(publicUrl: string, advisorId: string): string {
  return `${publicUrl}/${ADVISOR_PAGE}?id=${encodeURIComponent(advisorId)}`;
}

export function toAdvisorDto(
  advisor: AdvisorEntity,
  context: { publicUrl: string; timeZone: string; nextAvailableAt: Date | null },
): AdvisorDto {
  return {
    id: advisor.id,
    shortCode: advisor.shortCode,
    name: advisor.name,
    title: advisor.title,
    photoUrl: advisor.photoUrl,
    bio: advisor.bio,
    topics: advisor.topics,
    location: advisor.location,
    modes: advisor.modes,
    meetingUrl: advisor.meetingUrl,
    phone: advisor.phone,
    active: advisor.active,
    nextAvailableAt: context.nextAvailableAt ? isoInZone(context.nextAvailableAt, context.timeZone) : null,
    bookingUrl: advisorBookingUrl(context.publicUrl, advisor.id),
  };
}

export function toAdvisorSummary(advisor: AdvisorEntity): AppointmentAdvisorSummary {
  return { id: advisor.id, name: advisor.name, title: advisor.title, location: advisor.location };
}
