import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  APPOINTMENT_MODES,
  AVAILABILITY_EXCEPTION_KINDS,
  type AppointmentMode,
  type AvailabilityExceptionDto,
  type AvailabilityExceptionKind,
  type ClosureDto,
  type CreateAvailabilityExceptionRequest,
  type CreateClosureRequest,
  ISO_WEEKDAYS,
  type IsoWeekday,
  type ReplaceWeeklyRulesRequest,
  type SlotAvailability,
  type SlotDto,
  type SlotListQuery,
  type SlotListResponse,
  type WeeklyRuleDto,
  type WeeklyRuleInput,
  taxonomyCodes,
} from '@careerside/shared';
import { trim } from '../../../common/decorators/trim.transform';
import { IsCalendarDate, IsNotBeforeFrom } from '../../../common/time/calendar-date';

const MODE_CODES = taxonomyCodes(APPOINTMENT_MODES);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const timeMessage = (field: string) => `${field} must be HH:MM (24-hour)`;

export class WeeklyRuleInputDto implements WeeklyRuleInput {
  @ApiProperty({ enum: ISO_WEEKDAYS, description: '1 = Monday ... 7 = Sunday' })
  @IsIn(ISO_WEEKDAYS)
  weekday: IsoWeekday;

  @ApiProperty({ example: '09:00' })
  @Matches(TIME, { message: timeMessage('startTime') })
  startTime: string;

  @ApiProperty({ example: '12:00' })
  @Matches(TIME, { message: timeMessage('endTime') })
  endTime: string;

  @ApiProperty({ minimum: 10, maximum: 480, example: 30 })
  @IsInt()
  @Min(10)
  @Max(480)
  slotMinutes: number;

  @ApiProperty({ minimum: 0, maximum: 120, example: 0 })
  @IsInt()
  @Min(0)
  @Max(120)
  bufferMinutes: number;

  @ApiProperty({ minimum: 1, maximum: 500, description: 'Above 1 for group sessions (workshops)' })
  @IsInt()
  @Min(1)
  @Max(500)
  capacity: number;

  @ApiProperty({ enum: MODE_CODES })
  @IsIn(MODE_CODES)
  mode: AppointmentMode;

  @ApiProperty({ nullable: true, type: String, maxLength: 100 })
  @ValidateIf((_, value) => value !== null)
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  location: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 100, description: 'A workshop title' })
  @ValidateIf((_, value) => value !== null)
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  title: string | null;
}

export class ReplaceWeeklyRulesDto implements ReplaceWeeklyRulesRequest {
  @ApiProperty({ type: [WeeklyRuleInputDto] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklyRuleInputDto)
  rules: WeeklyRuleInputDto[];
}

export class WeeklyRuleResponseDto extends WeeklyRuleInputDto implements WeeklyRuleDto {
  @ApiProperty() id: string;
}

export class WeeklyRuleListResponseDto {
  @ApiProperty({ type: [WeeklyRuleResponseDto] }) items: WeeklyRuleResponseDto[];
}

export class CreateAvailabilityExceptionDto implements CreateAvailabilityExceptionRequest {
  @ApiProperty({ example: '2026-12-24' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ enum: AVAILABILITY_EXCEPTION_KINDS })
  @IsIn(AVAILABILITY_EXCEPTION_KINDS)
  kind: AvailabilityExceptionKind;

  @ApiProperty({ nullable: true, type: String, description: 'Null with endTime on leave: the whole day' })
  @ValidateIf((object: CreateAvailabilityExceptionDto, value) => value !== null || object.kind === 'extra')
  @Matches(TIME, { message: timeMessage('startTime') })
  startTime: string | null;

  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((object: CreateAvailabilityExceptionDto, value) => value !== null || object.kind === 'extra')
  @Matches(TIME, { message: timeMessage('endTime') })
  endTime: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Extra hours: slot length' })
  @ValidateIf((object: CreateAvailabilityExceptionDto, value) => value !== null || object.kind === 'extra')
  @IsInt()
  @Min(10)
  @Max(480)
  slotMinutes: number | null;

  @ApiProperty({ nullable: true, type: Number })
  @ValidateIf((object: CreateAvailabilityExceptionDto, value) => value !== null || object.kind === 'extra')
  @IsInt()
  @Min(1)
  @Max(500)
  capacity: number | null;

  @ApiProperty({ nullable: true, enum: MODE_CODES })
  @ValidateIf((object: CreateAvailabilityExceptionDto, value) => value !== null || object.kind === 'extra')
  @IsIn(MODE_CODES)
  mode: AppointmentMode | null;

  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(100)
  location: string | null;

  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(100)
  title: string | null;

  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(200)
  note: string | null;
}

export class AvailabilityExceptionResponseDto
  extends CreateAvailabilityExceptionDto
  implements AvailabilityExceptionDto
{
  @ApiProperty() id: string;
}

export class AvailabilityExceptionListResponseDto {
  @ApiProperty({ type: [AvailabilityExceptionResponseDto] }) items: AvailabilityExceptionResponseDto[];
}

export class CreateClosureDto implements CreateClosureRequest {
  @ApiProperty({ example: '2027-01-01' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ maxLength: 100, example: '元旦' })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  reason: string;
}

export class ClosureResponseDto extends CreateClosureDto implements ClosureDto {
  @ApiProperty() id: string;
}

export class ClosureListResponseDto {
  @ApiProperty({ type: [ClosureResponseDto] }) items: ClosureResponseDto[];
}

export class SlotListQueryDto implements SlotListQuery {
  @ApiPropertyOptional({ example: '2026-11-30', description: 'Default today (center time)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-13', description: 'Default the last day of the booking horizon' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBeforeFrom()
  to?: string;
}

export class SlotResponseDto implements SlotDto {
  @ApiProperty() id: string;
  @ApiProperty() advisorId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() capacity: number;
  @ApiProperty() remaining: number;
  @ApiProperty({ enum: ['available', 'full', 'closed'] }) availability: SlotAvailability;
  @ApiProperty() waitlistLength: number;
  @ApiProperty({ enum: MODE_CODES }) mode: AppointmentMode;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
}

export class SlotListResponseDto implements SlotListResponse {
  @ApiProperty({ type: [SlotResponseDto] }) items: SlotResponseDto[];
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone: string;
}
