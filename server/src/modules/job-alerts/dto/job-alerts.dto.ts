import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, type TransformFnParams } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  IsNotEmpty,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import {
  ALERT_FREQUENCIES,
  type AlertFrequency,
  type AlertOpenedResponse,
  type Degree,
  type Industry,
  type IsoWeekday,
  JOB_LIMITS,
  type JobAlertsResponse,
  type JobMatchDto,
  type JobMatchListResponse,
  type KeySector,
  type UpdateJobAlertsRequest,
} from '@careerside/shared';
import { DEGREE_CODES, INDUSTRY_CODES, KEY_SECTOR_CODES } from '../../jobs/dto/job-fields';
import { JobSummaryResponseDto } from '../../jobs/dto/job-response.dto';

function trimEach({ value }: TransformFnParams): unknown {
  return Array.isArray(value)
    ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item))
    : value;
}

/** A list may be left out (then it is empty); `null` is refused by name, not read as a list. */
const OptionalList = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** PUT replaces all preferences; a list left out is empty (no condition on that field). */
export class UpdateJobAlertsDto implements UpdateJobAlertsRequest {
  @ApiPropertyOptional({ enum: INDUSTRY_CODES, isArray: true, description: 'Empty: any industry' })
  @OptionalList()
  @IsArray()
  @ArrayMaxSize(INDUSTRY_CODES.length)
  @IsIn(INDUSTRY_CODES, { each: true })
  industries: Industry[] = [];

  @ApiPropertyOptional({
    enum: KEY_SECTOR_CODES,
    isArray: true,
    description: 'Empty: any key sector or none',
  })
  @OptionalList()
  @IsArray()
  @ArrayMaxSize(KEY_SECTOR_CODES.length)
  @IsIn(KEY_SECTOR_CODES, { each: true })
  keySectors: KeySector[] = [];

  @ApiPropertyOptional({ type: [String], description: 'Empty: anywhere', example: ['西安', '成都'] })
  @OptionalList()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(JOB_LIMITS.alertListMax)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(JOB_LIMITS.locationMax, { each: true })
  locations: string[] = [];

  @ApiPropertyOptional({
    type: [String],
    description: 'Any one appearing in the posting is enough; empty: no condition',
  })
  @OptionalList()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(JOB_LIMITS.alertListMax)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(JOB_LIMITS.alertKeywordMax, { each: true })
  keywords: string[] = [];

  @ApiPropertyOptional({
    enum: DEGREE_CODES,
    nullable: true,
    description: 'Absent: the degree on my profile; null: any',
  })
  @IsOptional()
  @IsIn(DEGREE_CODES)
  degree?: Degree | null;

  @ApiProperty({ enum: ALERT_FREQUENCIES })
  @IsIn(ALERT_FREQUENCIES)
  frequency: AlertFrequency;

  @ApiPropertyOptional({ example: '09:00', description: 'Digest time, center time zone' })
  @IsOptional()
  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'digestTime must be HH:MM' })
  digestTime?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 7, description: 'Weekly digests: 1 = Monday' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  digestWeekday?: IsoWeekday;
}

export class JobAlertsResponseDto implements JobAlertsResponse {
  @ApiProperty({ enum: INDUSTRY_CODES, isArray: true })
  industries: Industry[];
  @ApiProperty({ enum: KEY_SECTOR_CODES, isArray: true })
  keySectors: KeySector[];
  @ApiProperty({ type: [String] })
  locations: string[];
  @ApiProperty({ type: [String] })
  keywords: string[];
  @ApiProperty({ enum: DEGREE_CODES, nullable: true })
  degree: Degree | null;
  @ApiProperty({ enum: ALERT_FREQUENCIES })
  frequency: AlertFrequency;
  @ApiProperty({ example: '09:00' })
  digestTime: string;
  @ApiProperty({ minimum: 1, maximum: 7 })
  digestWeekday: IsoWeekday;
  @ApiProperty({ description: 'False until saved once; no alerts are sent before' })
  configured: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextDigestAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: string | null;
}

export class JobMatchResponseDto extends JobSummaryResponseDto implements JobMatchDto {
  @ApiProperty({ format: 'date-time' })
  matchedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  openedAt: string | null;
}

export class JobMatchListResponseDto implements JobMatchListResponse {
  @ApiProperty({ type: [JobMatchResponseDto] })
  items: JobMatchResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class AlertOpenedResponseDto implements AlertOpenedResponse {
  @ApiProperty({ description: 'True the first time this student opens this alert' })
  counted: boolean;
}
