import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  IsNotEmpty,
} from 'class-validator';
import {
  type AdminListJobsQuery,
  type Degree,
  type Industry,
  JOB_LIMITS,
  JOB_STATUSES,
  type JobStatus,
  type KeySector,
  type ListJobsQuery,
} from '@careerside/shared';
import { trim } from '../../../common/decorators/trim.transform';
import { DEGREE_CODES, INDUSTRY_CODES, KEY_SECTOR_CODES } from './job-fields';

/** `?flag=true` arrives as text. */
function queryBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

export class ListJobsQueryDto implements ListJobsQuery {
  @ApiPropertyOptional({
    description:
      'Words that must all appear in the title, employer, majors or description (case and width ignored)',
    maxLength: JOB_LIMITS.keywordMax,
    example: '结构 设计',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(JOB_LIMITS.keywordMax)
  keyword?: string;

  @ApiPropertyOptional({ enum: INDUSTRY_CODES })
  @IsOptional()
  @IsIn(INDUSTRY_CODES)
  industry?: Industry;

  @ApiPropertyOptional({ enum: KEY_SECTOR_CODES })
  @IsOptional()
  @IsIn(KEY_SECTOR_CODES)
  keySector?: KeySector;

  @ApiPropertyOptional({
    description: 'Also lists postings open anywhere',
    maxLength: JOB_LIMITS.locationMax,
    example: '西安',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(JOB_LIMITS.locationMax)
  location?: string;

  @ApiPropertyOptional({ enum: DEGREE_CODES, description: 'Postings open to a student with this degree' })
  @IsOptional()
  @IsIn(DEGREE_CODES)
  degree?: Degree;

  @ApiPropertyOptional({ type: Boolean, description: 'Only postings tagged with a key sector' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  keySectorsOnly?: boolean;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class AdminListJobsQueryDto implements AdminListJobsQuery {
  @ApiPropertyOptional({ enum: JOB_STATUSES })
  @IsOptional()
  @IsIn(JOB_STATUSES)
  status?: JobStatus;

  @ApiPropertyOptional({ maxLength: JOB_LIMITS.keywordMax })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(JOB_LIMITS.keywordMax)
  keyword?: string;

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

export class CursorQueryDto {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}
