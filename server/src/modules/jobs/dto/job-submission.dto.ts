import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  IsNotEmpty,
} from 'class-validator';
import {
  type ApproveJobSubmissionRequest,
  type CreateJobSubmissionRequest,
  type DeclineJobSubmissionRequest,
  JOB_LIMITS,
  type ListJobSubmissionsQuery,
  SUBMISSION_STATUSES,
  type SubmissionStatus,
} from '@careerside/shared';
import { trim } from '../../../common/decorators/trim.transform';
import { CreateJobDto } from './job-request.dto';

export class CreateJobSubmissionDto extends CreateJobDto implements CreateJobSubmissionRequest {
  @ApiProperty({ maxLength: JOB_LIMITS.contactNameMax, example: '王经理' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(JOB_LIMITS.contactNameMax)
  contactName: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '029-8888 6666',
    description: 'A phone or an email is needed',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{4,30}$/, { message: 'contactPhone must be a phone number' })
  contactPhone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(JOB_LIMITS.applyEmailMax)
  @IsEmail()
  contactEmail?: string | null;
}

export class ListJobSubmissionsQueryDto implements ListJobSubmissionsQuery {
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES)
  status?: SubmissionStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class ApproveJobSubmissionDto implements ApproveJobSubmissionRequest {
  @ApiPropertyOptional({ default: true, description: 'False creates a draft to edit and publish later' })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;
}

export class DeclineJobSubmissionDto implements DeclineJobSubmissionRequest {
  @ApiProperty({
    maxLength: JOB_LIMITS.declineReasonMax,
    example: '岗位信息不完整，请补充薪资与工作地点后重新提交',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(JOB_LIMITS.declineReasonMax)
  reason: string;
}
