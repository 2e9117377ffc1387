import { describe, expect, it } from '@jest/globals';
import { type ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, ValidateNested } from 'class-validator';
import { ErrorCode } from '@careerside/shared';
import { RequestValidationException } from '../errors/common.exceptions';
import { createValidationPipe, flattenValidationErrors } from './validation.pipe';

class ProfileDto {
  @IsInt()
  @Max(2100)
  graduationYear: number;
}

class SignUpDto {
  @IsString()
  name: string;

  @ValidateNested()
  @Type(() => ProfileDto)
  profile: ProfileDto;

  @ValidateNested({ each: true })
  @Type(() => ProfileDto)
  history: ProfileDto[];
}

class RangeQueryDto {
  @Matches(/^\d{4}-\d\d-\d\d$/)
  from: string;
}

const body: ArgumentMetadata = { type: 'body', metatype: SignUpDto };

async function validationErrorOf(value: unknown): Promise<RequestValidationException> {
  try {
    await createValidationPipe().transform(value, body);
  } catch (error) {
    if (error instanceof RequestValidationException) return error;
    throw error;
  }
  throw new Error('expected the value to be rejected');
}

describe(createValidationPipe.name, () => {
  it('names nested fields with a dotted path, array items by index', async () => {
    const error = await validationErrorOf({
      name: 'x',
      profile: { graduationYear: 3000 },
      history: [{ graduationYear: 2020 }, { graduationYear: 'soon' }],
    });
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details).toEqual([
      {
        field: 'profile.graduationYear',
        constraint: 'max',
        message: 'profile.graduationYear must not be greater than 2100',
      },
      {
        field: 'history.1.graduationYear',
        constraint: 'max',
        message: 'history.1.graduationYear must not be greater than 2100',
      },
      {
        field: 'history.1.graduationYear',
        constraint: 'isInt',
        message: 'history.1.graduationYear must be an integer number',
      },
    ]);
    expect(error.message).toBe('Invalid request: check profile.graduationYear, history.1.graduationYear');
  });

  it('rejects unknown fields, nested ones included', async () => {
    const error = await validationErrorOf({
      name: 'x',
      admin: true,
      profile: { graduationYear: 2026, hack: 1 },
      history: [],
    });
    expect(error.details?.map((detail) => [detail.field, detail.message])).toEqual([
      ['admin', 'admin is not a known field'],
      ['profile.hack', 'profile.hack is not a known field'],
    ]);
  });

  it('returns a class instance for valid input', async () => {
    const value: unknown = await createValidationPipe().transform(
      { name: 'x', profile: { graduationYear: 2026 }, history: [] },
      body,
    );
    expect(value).toBeInstanceOf(SignUpDto);
  });

  it('remembers a valid query: the same query gives an equal, separate copy; a bad one is still refused', async () => {
    const pipe = createValidationPipe();
    const query: ArgumentMetadata = { type: 'query', metatype: RangeQueryDto };
    const first = (await pipe.transform({ from: '2026-12-01' }, query)) as RangeQueryDto;
    expect(first).toBeInstanceOf(RangeQueryDto);
    first.from = 'changed by a handler';
    const second = (await pipe.transform({ from: '2026-12-01' }, query)) as RangeQueryDto;
    expect(second).toBeInstanceOf(RangeQueryDto);
    expect(second).toEqual({ from: '2026-12-01' });
    expect(second).not.toBe(first);
    await expect(pipe.transform({ from: 'soon' }, query)).rejects.toBeInstanceOf(RequestValidationException);
    await expect(pipe.transform({ from: '2026-12-01', extra: '1' }, query)).rejects.toBeInstanceOf(
      RequestValidationException,
    );
  });

  it('explains a body that is not an object', () => {
    expect(
      flattenValidationErrors([{ property: '', constraints: { unknownValue: 'x' }, children: [] }]),
    ).toEqual([{ constraint: 'unknownValue', message: 'The request body must be a JSON object' }]);
  });
});
