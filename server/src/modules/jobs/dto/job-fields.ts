import { applyDecorators } from '@nestjs/common';
import { Transform, type TransformFnParams } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  IsNotEmpty,
} from 'class-validator';
import {
  APPLY_METHODS,
  DEGREES,
  EMPLOYER_TYPES,
  INDUSTRIES,
  JOB_LIMITS,
  KEY_SECTORS,
  taxonomyCodes,
} from '@careerside/shared';
import { trim } from '../../../common/decorators/trim.transform';

// Each posting field's rules, shared by the create, edit and employer-submission DTOs.

export const INDUSTRY_CODES = taxonomyCodes(INDUSTRIES);
export const KEY_SECTOR_CODES = taxonomyCodes(KEY_SECTORS);
export const DEGREE_CODES = taxonomyCodes(DEGREES);
export const EMPLOYER_TYPE_CODES = taxonomyCodes(EMPLOYER_TYPES);

function trimEach({ value }: TransformFnParams): unknown {
  return Array.isArray(value)
    ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item))
    : value;
}

/** On an edit: absent means unchanged; null is refused for fields that cannot be empty. */
export const Present = (): PropertyDecorator => ValidateIf((_, value: unknown) => value !== undefined);

const salaryRules = () => applyDecorators(IsOptional(), IsInt(), Min(0), Max(JOB_LIMITS.salaryMax));

/**
 * Salary order checked with the field rules, so a form with other problems hears of this one in the same
 * answer; edits that send only one end are checked against the stored posting by postingProblems.
 */
const NotBelowSalaryMin = (): PropertyDecorator =>
  ValidateBy({
    name: 'salaryRange',
    validator: {
      validate: (value: unknown, args) => {
        const min = (args?.object as { salaryMin?: unknown } | undefined)?.salaryMin;
        return typeof value !== 'number' || typeof min !== 'number' || value >= min;
      },
      defaultMessage: () => '$property must not be below salaryMin',
    },
  });

export const FieldRules = {
  title: () => applyDecorators(Transform(trim), IsString(), IsNotEmpty(), MaxLength(JOB_LIMITS.titleMax)),
  employer: () =>
    applyDecorators(Transform(trim), IsString(), IsNotEmpty(), MaxLength(JOB_LIMITS.employerMax)),
  employerType: () => IsIn(EMPLOYER_TYPE_CODES),
  industry: () => IsIn(INDUSTRY_CODES),
  keySectors: () =>
    applyDecorators(
      IsOptional(),
      IsArray(),
      ArrayMaxSize(KEY_SECTOR_CODES.length),
      IsIn(KEY_SECTOR_CODES, { each: true }),
    ),
  locations: () =>
    applyDecorators(
      IsOptional(),
      Transform(trimEach),
      IsArray(),
      ArrayMaxSize(JOB_LIMITS.locationsMax),
      IsString({ each: true }),
      IsNotEmpty({ each: true }),
      MaxLength(JOB_LIMITS.locationMax, { each: true }),
    ),
  degree: () => applyDecorators(IsOptional(), IsIn(DEGREE_CODES)),
  majors: () =>
    applyDecorators(
      IsOptional(),
      Transform(trimEach),
      IsArray(),
      ArrayMaxSize(JOB_LIMITS.majorsMax),
      IsString({ each: true }),
      IsNotEmpty({ each: true }),
      MaxLength(JOB_LIMITS.majorMax, { each: true }),
    ),
  salary: () => salaryRules(),
  salaryMax: () => applyDecorators(salaryRules(), NotBelowSalaryMin()),
  headcount: () => applyDecorators(IsOptional(), IsInt(), Min(1), Max(JOB_LIMITS.headcountMax)),
  // The format is checked when it is parsed against the center's time zone (constraint isDeadline).
  deadline: () => applyDecorators(Transform(trim), IsString(), IsNotEmpty(), MaxLength(40)),
  applyMethod: () => IsIn(APPLY_METHODS),
  applyUrl: () =>
    applyDecorators(
      IsOptional(),
      Transform(trim),
      IsString(),
      MaxLength(JOB_LIMITS.applyUrlMax),
      IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }),
    ),
  applyEmail: () =>
    applyDecorators(
      IsOptional(),
      Transform(trim),
      IsString(),
      MaxLength(JOB_LIMITS.applyEmailMax),
      IsEmail(),
    ),
  applyAddress: () =>
    applyDecorators(
      IsOptional(),
      Transform(trim),
      IsString(),
      IsNotEmpty(),
      MaxLength(JOB_LIMITS.applyAddressMax),
    ),
  description: () =>
    applyDecorators(Transform(trim), IsString(), IsNotEmpty(), MaxLength(JOB_LIMITS.descriptionMax)),
};
