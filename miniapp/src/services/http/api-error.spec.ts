import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@careerside/shared';
import { ApiError } from './api-error';

describe(ApiError.name, () => {
  it('carries the server body and indexes field messages by path and by last segment', () => {
    const error = ApiError.fromResponse(400, {
      statusCode: 400,
      code: ErrorCode.ValidationFailed,
      message: 'Invalid request',
      details: [
        { field: 'graduationYear', message: 'too early', constraint: 'min' },
        { field: 'profile.degree', message: 'unknown degree' },
        { message: 'no field' },
      ],
    });
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid request',
    });
    expect(error.isValidation).toBe(true);
    expect(error.isUnauthorized).toBe(false);
    expect(error.fieldErrors()).toEqual({
      graduationYear: 'too early',
      'profile.degree': 'unknown degree',
      degree: 'unknown degree',
    });
  });

  it('makes do with a status when the body is not ours', () => {
    const error = ApiError.fromResponse(502, null);
    expect(error).toMatchObject({ kind: 'http', status: 502, code: null, message: 'HTTP 502', details: [] });
  });

  it('keeps network failures apart from HTTP answers', () => {
    const error = ApiError.network('request:fail timeout');
    expect(error).toMatchObject({ kind: 'network', status: 0, code: null });
    expect(error.isUnauthorized).toBe(false);
  });
});
