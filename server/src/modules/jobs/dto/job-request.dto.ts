import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import {
  APPLY_METHODS,
  type ApplyMethod,
  type CreateJobRequest,
  type Degree,
  type EmployerType,
  type Industry,
  JOB_LIMITS,
  type KeySector,
  type UpdateJobRequest,
} from '@careerside/shared';
import {
  DEGREE_CODES,
  EMPLOYER_TYPE_CODES,
  FieldRules,
  INDUSTRY_CODES,
  KEY_SECTOR_CODES,
  Present,
} from './job-fields';

const DEADLINE_DESCRIPTION =
  'ISO 8601 date-time with an offset, or YYYY-MM-DD for the end of that day in the center time zone; must be in the future';

export class CreateJobDto implements CreateJobRequest {
  @ApiProperty({ maxLength: JOB_LIMITS.titleMax, example: '飞行器结构设计工程师' })
  @FieldRules.title()
  title: string;

  @ApiProperty({ maxLength: JOB_LIMITS.employerMax, example: '某航天科技研究院' })
  @FieldRules.employer()
  employer: string;

  @ApiPropertyOptional({ enum: EMPLOYER_TYPE_CODES, default: 'other' })
  @IsOptional()
  @FieldRules.employerType()
  employerType?: EmployerType;

  @ApiProperty({ enum: INDUSTRY_CODES })
  @FieldRules.industry()
  industry: Industry;

  @ApiPropertyOptional({ enum: KEY_SECTOR_CODES, isArray: true, default: [] })
  @FieldRules.keySectors()
  keySectors?: KeySector[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: JOB_LIMITS.locationsMax,
    description: 'Empty: open anywhere',
    example: ['西安'],
  })
  @FieldRules.locations()
  locations?: string[];

  @ApiPropertyOptional({ enum: DEGREE_CODES, nullable: true, description: 'The lowest degree accepted' })
  @FieldRules.degree()
  degree?: Degree | null;

  @ApiPropertyOptional({ type: [String], maxItems: JOB_LIMITS.majorsMax })
  @FieldRules.majors()
  majors?: string[];

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, description: 'Monthly, in yuan' })
  @FieldRules.salary()
  salaryMin?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, description: 'Monthly, in yuan' })
  @FieldRules.salaryMax()
  salaryMax?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1 })
  @FieldRules.headcount()
  headcount?: number | null;

  @ApiProperty({ description: DEADLINE_DESCRIPTION, example: '2026-12-31' })
  @FieldRules.deadline()
  deadline: string;

  @ApiPropertyOptional({
    enum: APPLY_METHODS,
    description: 'Default: inferred from applyUrl, applyEmail or applyAddress',
  })
  @IsOptional()
  @FieldRules.applyMethod()
  applyMethod?: ApplyMethod;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uri' })
  @FieldRules.applyUrl()
  applyUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email' })
  @FieldRules.applyEmail()
  applyEmail?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'On site: where and when' })
  @FieldRules.applyAddress()
  applyAddress?: string | null;

  @ApiProperty({ maxLength: JOB_LIMITS.descriptionMax })
  @FieldRules.description()
  description: string;
}

/** Only what is sent changes; null clears a field that may be empty. */
export class UpdateJobDto implements UpdateJobRequest {
  @ApiPropertyOptional({ maxLength: JOB_LIMITS.titleMax })
  @Present()
  @FieldRules.title()
  title?: string;

  @ApiPropertyOptional({ maxLength: JOB_LIMITS.employerMax })
  @Present()
  @FieldRules.employer()
  employer?: string;

  @ApiPropertyOptional({ enum: EMPLOYER_TYPE_CODES })
  @Present()
  @FieldRules.employerType()
  employerType?: EmployerType;

  @ApiPropertyOptional({ enum: INDUSTRY_CODES })
  @Present()
  @FieldRules.industry()
  industry?: Industry;

  @ApiPropertyOptional({ enum: KEY_SECTOR_CODES, isArray: true })
  @FieldRules.keySectors()
  keySectors?: KeySector[];

  @ApiPropertyOptional({ type: [String] })
  @FieldRules.locations()
  locations?: string[];

  @ApiPropertyOptional({ enum: DEGREE_CODES, nullable: true })
  @FieldRules.degree()
  degree?: Degree | null;

  @ApiPropertyOptional({ type: [String] })
  @FieldRules.majors()
  majors?: string[];

  @ApiPropertyOptional({ type: Number, nullable: true })
  @FieldRules.salary()
  salaryMin?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @FieldRules.salaryMax()
  salaryMax?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @FieldRules.headcount()
  headcount?: number | null;

  @ApiPropertyOptional({ description: DEADLINE_DESCRIPTION })
  @Present()
  @FieldRules.deadline()
  deadline?: string;

  @ApiPropertyOptional({ enum: APPLY_METHODS })
  @Present()
  @FieldRules.applyMethod()
  applyMethod?: ApplyMethod;

  @ApiPropertyOptional({ type: String, nullable: true })
  @FieldRules.applyUrl()
  applyUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @FieldRules.applyEmail()
  applyEmail?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @FieldRules.applyAddress()
  applyAddress?: string | null;

  @ApiPropertyOptional({ maxLength: JOB_LIMITS.descriptionMax })
  @Present()
  @FieldRules.description()
  description?: string;
}
