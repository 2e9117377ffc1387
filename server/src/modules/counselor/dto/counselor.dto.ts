import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  APPOINTMENT_MODES,
  type AcceptCounselorInviteRequest,
  type AppointmentMode,
  type CounselorExtraHoursRequest,
  type CounselorScheduleQuery,
  type CounselorStatsQuery,
  type CounselorTimeOffRequest,
  type CreateCounselorInviteRequest,
  type CreateCounselorNoteRequest,
  type CreateCounselorSupervisorRequest,
  type NoteAccessLogQuery,
  type SupervisedNotesQuery,
  taxonomyCodes,
} from '@careerside/shared';
import { trim } from '../../../common/decorators/trim.transform';
import { IsCalendarDate, IsNotBeforeFrom } from '../../../common/time/calendar-date';

const MODE_CODES = taxonomyCodes(APPOINTMENT_MODES);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ID = /^[A-Za-z0-9_-]{1,36}$/;
const timeMessage = (field: string) => `${field} must be HH:MM (24-hour)`;

export const NOTE_MAX_LENGTH = 2000;

export class CounselorScheduleQueryDto implements CounselorScheduleQuery {
  @ApiPropertyOptional({ example: '2026-11-26', description: 'Default: today in the center time zone' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class CreateCounselorNoteDto implements CreateCounselorNoteRequest {
  @ApiProperty({ maxLength: NOTE_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(NOTE_MAX_LENGTH)
  text: string;
}

export class CounselorTimeOffDto implements CounselorTimeOffRequest {
  @ApiProperty({ example: '2026-12-01' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ nullable: true, type: String, description: 'Null with endTime: the whole day' })
  @ValidateIf((_, value) => value !== null)
  @Matches(TIME, { message: timeMessage('startTime') })
  startTime: string | null;

  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((_, value) => value !== null)
  @Matches(TIME, { message: timeMessage('endTime') })
  endTime: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  note?: string | null;
}

export class CounselorExtraHoursDto implements CounselorExtraHoursRequest {
  @ApiProperty({ example: '2026-12-05' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: '18:00' })
  @Matches(TIME, { message: timeMessage('startTime') })
  startTime: string;

  @ApiProperty({ example: '20:00' })
  @Matches(TIME, { message: timeMessage('endTime') })
  endTime: string;

  @ApiProperty({ minimum: 10, maximum: 480, example: 30 })
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(480)
  slotMinutes: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  capacity?: number;

  @ApiProperty({ enum: MODE_CODES })
  @IsIn(MODE_CODES)
  mode: AppointmentMode;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  location?: string | null;
}

export class AcceptCounselorInviteDto implements AcceptCounselorInviteRequest {
  @ApiProperty({ example: 'K7PD3QXM' })
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9]{6,16}$/, { message: 'code must be the invite code (letters and digits)' })
  code: string;
}

export class CreateCounselorInviteDto implements CreateCounselorInviteRequest {
  @ApiProperty()
  @IsString()
  @Matches(ID, { message: 'advisorId must be an advisor id' })
  advisorId: string;
}

export class CreateCounselorSupervisorDto implements CreateCounselorSupervisorRequest {
  @ApiProperty({ description: 'The counselor account that may read the notes' })
  @IsString()
  @Matches(ID, { message: 'supervisorId must be a user id' })
  supervisorId: string;

  @ApiProperty({ description: 'The counselor account whose notes they may read' })
  @IsString()
  @Matches(ID, { message: 'counselorId must be a user id' })
  counselorId: string;
}

export class NoteAccessLogQueryDto implements NoteAccessLogQuery {
  @ApiPropertyOptional({ description: 'Only reads of this counselor’s notes' })
  @IsOptional()
  @Matches(ID, { message: 'counselorId must be a user id' })
  counselorId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID, { message: 'cursor must be a nextCursor value' })
  cursor?: string;
}

export class SupervisedNotesQueryDto implements SupervisedNotesQuery {
  @ApiProperty()
  @Matches(ID, { message: 'counselorId must be a user id' })
  counselorId: string;
}

export class CounselorStatsQueryDto implements CounselorStatsQuery {
  @ApiProperty({ example: '2026-11-01' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-11-30' })
  @IsCalendarDate()
  @IsNotBeforeFrom()
  to: string;
}

/** Swagger shapes; the shared types are the contract. */
export class CounselorScheduleResponseDto {
  @ApiProperty({ example: '2026-11-26' }) date: string;
  @ApiProperty({ nullable: true, type: Object }) closure: { reason: string } | null;
  @ApiProperty() onLeave: boolean;
  @ApiProperty({ type: [Object] }) items: object[];
}

export class CounselorObjectResponseDto {
  @ApiProperty({ description: 'See the shared contract type named in the summary' }) id?: string;
}
