import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  ADVISING_TOPICS,
  APPOINTMENT_MODES,
  type AdvisingTopic,
  type AdvisorDto,
  type AdvisorListResponse,
  type AppointmentMode,
  type CreateAdvisorRequest,
  type ListAdvisorsQuery,
  type UpdateAdvisorRequest,
  taxonomyCodes,
} from '@careerside/shared';
import { trim } from '../../../common/decorators/trim.transform';

const TOPIC_CODES = taxonomyCodes(ADVISING_TOPICS);
const MODE_CODES = taxonomyCodes(APPOINTMENT_MODES);

export class ListAdvisorsQueryDto implements ListAdvisorsQuery {
  @ApiPropertyOptional({ enum: TOPIC_CODES })
  @IsOptional()
  @IsIn(TOPIC_CODES)
  topic?: AdvisingTopic;

  @ApiPropertyOptional({ description: 'Staff only: include inactive advisors' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeInactive?: boolean;
}

export class CreateAdvisorDto implements CreateAdvisorRequest {
  @ApiPropertyOptional({ description: 'Stable id; a UUID when omitted', example: 'advisor-7' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,36}$/, { message: 'id must be 1-36 letters, digits, _ or -' })
  id?: string;

  @ApiProperty({ maxLength: 50, example: '王老师' })
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  name: string;

  @ApiProperty({ maxLength: 50, example: '职业生涯规划师' })
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  title: string;

  @ApiPropertyOptional({ nullable: true, maxLength: 500 })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  photoUrl?: string | null;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  bio?: string;

  @ApiProperty({ enum: TOPIC_CODES, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsIn(TOPIC_CODES, { each: true })
  topics: AdvisingTopic[];

  @ApiProperty({ maxLength: 100, example: '学生活动中心 305' })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  location: string;

  @ApiProperty({ enum: MODE_CODES, isArray: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MODE_CODES, { each: true })
  modes: AppointmentMode[];

  @ApiPropertyOptional({ nullable: true, maxLength: 500 })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  meetingUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 32 })
  @IsOptional()
  @Matches(/^[0-9+\- ]{3,32}$/, { message: 'phone must be digits, +, - or spaces' })
  phone?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateAdvisorDto implements UpdateAdvisorRequest {
  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  name?: string;

  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  title?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  photoUrl?: string | null;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  bio?: string;

  @ApiPropertyOptional({ enum: TOPIC_CODES, isArray: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsIn(TOPIC_CODES, { each: true })
  topics?: AdvisingTopic[];

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  location?: string;

  @ApiPropertyOptional({ enum: MODE_CODES, isArray: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MODE_CODES, { each: true })
  modes?: AppointmentMode[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  meetingUrl?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(/^[0-9+\- ]{3,32}$/, { message: 'phone must be digits, +, - or spaces' })
  phone?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class AdvisorResponseDto implements AdvisorDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Scene of the mini-program code is a=<shortCode>' }) shortCode: string;
  @ApiProperty() name: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) photoUrl: string | null;
  @ApiProperty() bio: string;
  @ApiProperty({ enum: TOPIC_CODES, isArray: true }) topics: AdvisingTopic[];
  @ApiProperty() location: string;
  @ApiProperty({ enum: MODE_CODES, isArray: true }) modes: AppointmentMode[];
  @ApiProperty({ nullable: true, type: String }) meetingUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) nextAvailableAt: string | null;
  @ApiProperty({ description: 'The link the QR code encodes' }) bookingUrl: string;
}

export class AdvisorListResponseDto implements AdvisorListResponse {
  @ApiProperty({ type: [AdvisorResponseDto] }) items: AdvisorResponseDto[];
}
