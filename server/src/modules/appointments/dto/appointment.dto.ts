import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  ADVISING_TOPICS,
  APPOINTMENT_MODES,
  APPOINTMENT_STATUSES,
  ATTENDANCE_STATUSES,
  type AdvisingTopic,
  type AppointmentDto,
  type AppointmentListResponse,
  type AppointmentMode,
  type AppointmentStatus,
  type AttendanceRequest,
  type AttendanceStatus,
  type BookAppointmentRequest,
  type BookingRulesDto,
  type BookingStatusResponse,
  type CancelledBy,
  type CheckInRequest,
  type CheckInResponse,
  type FeedbackRequest,
  type MyAppointmentsQuery,
  type RescheduleAppointmentRequest,
  type StrikeDto,
  type StrikeKind,
  taxonomyCodes,
} from '@careerside/shared';
import { trim } from '../../../common/decorators/trim.transform';

const TOPIC_CODES = taxonomyCodes(ADVISING_TOPICS);
const MODE_CODES = taxonomyCodes(APPOINTMENT_MODES);
const ID = /^[A-Za-z0-9_-]{1,36}$/;

export class BookAppointmentDto implements BookAppointmentRequest {
  @ApiProperty({ description: 'A slot id from GET /api/advisors/:id/slots' })
  @IsString()
  @Matches(ID, { message: 'slotId must be a slot id' })
  slotId: string;

  @ApiProperty({ enum: TOPIC_CODES })
  @IsIn(TOPIC_CODES)
  topic: AdvisingTopic;

  @ApiPropertyOptional({ maxLength: 300, description: 'What the student would like to talk about' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  note?: string;
}

export class RescheduleAppointmentDto implements RescheduleAppointmentRequest {
  @ApiProperty({ description: 'The new slot' })
  @IsString()
  @Matches(ID, { message: 'slotId must be a slot id' })
  slotId: string;

  @ApiPropertyOptional({ enum: TOPIC_CODES, description: 'Default: the old appointment’s topic' })
  @IsOptional()
  @IsIn(TOPIC_CODES)
  topic?: AdvisingTopic;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  note?: string;
}

export class MyAppointmentsQueryDto implements MyAppointmentsQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'past'], default: 'upcoming' })
  @IsOptional()
  @IsIn(['upcoming', 'past'])
  scope?: 'upcoming' | 'past';
}

export class FeedbackDto implements FeedbackRequest {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: 1 | 2 | 3 | 4 | 5;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class AttendanceDto implements AttendanceRequest {
  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status: AttendanceStatus;
}

export class CheckInDto implements CheckInRequest {
  @ApiProperty({ description: 'The advisor id or short code the scanned code names', example: 'advisor-1' })
  @IsString()
  @Matches(ID, { message: 'advisor must be an advisor id or short code' })
  advisor: string;
}

class AppointmentAdvisorDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() title: string;
  @ApiProperty() location: string;
}

export class AppointmentResponseDto implements AppointmentDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: APPOINTMENT_STATUSES }) status: AppointmentStatus;
  @ApiProperty() slotId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: TOPIC_CODES }) topic: AdvisingTopic;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ enum: MODE_CODES }) mode: AppointmentMode;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ nullable: true, type: String }) meetingUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ type: AppointmentAdvisorDto }) advisor: AppointmentAdvisorDto;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) checkedInAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, enum: ['student', 'staff', 'system'] }) cancelledBy: CancelledBy | null;
  @ApiProperty() lateCancellation: boolean;
  @ApiProperty({ format: 'date-time' }) cancellableUntil: string;
  @ApiProperty({ nullable: true, type: Number }) rating: number | null;
  @ApiProperty({ nullable: true, type: String }) feedback: string | null;
  @ApiProperty() canRate: boolean;
  @ApiProperty({ nullable: true, type: String }) rescheduledFromId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The appointment this one was moved to' })
  rescheduledToId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AppointmentListResponseDto implements AppointmentListResponse {
  @ApiProperty({ type: [AppointmentResponseDto] }) items: AppointmentResponseDto[];
}

export class CheckInResponseDto implements CheckInResponse {
  @ApiProperty({ type: AppointmentResponseDto }) appointment: AppointmentResponseDto;
  @ApiProperty({ description: 'False when already checked in' }) firstCheckIn: boolean;
}

class SuspensionDto {
  @ApiProperty({ enum: ['no_show', 'late_cancellation'], isArray: true }) reason: StrikeKind[];
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

class StrikeResponseDto implements StrikeDto {
  @ApiProperty({ enum: ['no_show', 'late_cancellation'] }) kind: StrikeKind;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty() appointmentId: string;
}

class BookingRulesResponseDto implements BookingRulesDto {
  @ApiProperty() minNoticeMinutes: number;
  @ApiProperty() horizonDays: number;
  @ApiProperty() maxActiveAppointments: number;
  @ApiProperty() cancellationCutoffMinutes: number;
  @ApiProperty() strikeLimit: number;
  @ApiProperty() strikeWindowDays: number;
  @ApiProperty() suspensionDays: number;
  @ApiProperty() waitlistHoldMinutes: number;
  @ApiProperty() maxWaitlistEntries: number;
  @ApiProperty() checkInOpensMinutesBefore: number;
  @ApiProperty() checkInClosesMinutesAfter: number;
  @ApiProperty() timezone: string;
}

export class BookingStatusResponseDto implements BookingStatusResponse {
  @ApiProperty({ type: SuspensionDto, nullable: true }) suspension: SuspensionDto | null;
  @ApiProperty({ type: [StrikeResponseDto] }) strikes: StrikeResponseDto[];
  @ApiProperty() strikeLimit: number;
  @ApiProperty() activeAppointments: number;
  @ApiProperty() maxActiveAppointments: number;
  @ApiProperty({ type: BookingRulesResponseDto }) rules: BookingRulesResponseDto;
}
