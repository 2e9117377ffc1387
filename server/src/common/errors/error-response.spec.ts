import { describe, expect, it } from '@jest/globals';
import { BadRequestException, ForbiddenException, HttpException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ErrorCode } from '@careerside/shared';
import { DomainException } from './domain.exception';
import { toErrorResponse } from './error-response';

const fastifyError = (code: string, statusCode: number) =>
  Object.assign(new Error('fastify'), { code, statusCode, name: 'FastifyError' });

describe(toErrorResponse.name, () => {
  it('keeps a domain exception as thrown, with its details and headers', () => {
    const exception = new DomainException(
      ErrorCode.SlotFull,
      409,
      'The slot is full',
      [{ field: 'slotId', message: 'full' }],
      {
        headers: { 'retry-after': '5' },
      },
    );
    expect(toErrorResponse(exception, 'POST', '/api/appointments')).toEqual({
      body: {
        statusCode: 409,
        code: 'SLOT_FULL',
        message: 'The slot is full',
        details: [{ field: 'slotId', message: 'full' }],
      },
      headers: { 'retry-after': '5' },
      unexpected: false,
    });
  });

  it.each([
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, ErrorCode.InvalidJson],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, ErrorCode.InvalidJson],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, ErrorCode.PayloadTooLarge],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, ErrorCode.UnsupportedMediaType],
    ['FST_ERR_BAD_URL', 400, ErrorCode.BadRequest],
    ['FST_ERR_MAX_PARAM_LENGTH', 404, ErrorCode.NotFound],
  ])('maps Fastify %s to %i %s, also when Nest wrapped it', (code, status, errorCode) => {
    const raw = fastifyError(code, status);
    const wrapped = new HttpException('wrapped', status, { cause: raw });
    for (const exception of [raw, wrapped]) {
      expect(toErrorResponse(exception, 'POST', '/api/x').body).toEqual(
        expect.objectContaining({ statusCode: status, code: errorCode }),
      );
    }
  });

  it('maps the throttler to 429 RATE_LIMITED', () => {
    expect(toErrorResponse(new ThrottlerException(), 'POST', '/api/auth/wechat').body.code).toBe(
      ErrorCode.RateLimited,
    );
  });

  it("maps Nest's route-not-found to ROUTE_NOT_FOUND without the query string", () => {
    expect(
      toErrorResponse(new NotFoundException('Cannot GET /api/x'), 'GET', '/api/x?token=secret').body,
    ).toEqual({
      statusCode: 404,
      code: ErrorCode.RouteNotFound,
      message: 'No route for GET /api/x',
    });
    expect(toErrorResponse(new NotFoundException(), 'POST', '/api/x?token=secret').params).toEqual({
      method: 'POST',
      path: '/api/x',
    });
  });

  it('keeps the status of other client errors and picks the code from it', () => {
    expect(toErrorResponse(new ForbiddenException(), 'GET', '/').body.code).toBe(ErrorCode.Forbidden);
    expect(toErrorResponse(new BadRequestException(['a is wrong', 'b is wrong']), 'GET', '/').body).toEqual({
      statusCode: 400,
      code: ErrorCode.BadRequest,
      message: 'a is wrong; b is wrong',
      details: [{ message: 'a is wrong' }, { message: 'b is wrong' }],
    });
  });

  it.each([
    ['a plain error', new Error('connect ECONNREFUSED 10.0.0.5:3306')],
    ['a 5xx HttpException', new HttpException('upstream exploded', 502)],
    ['a thrown string', 'oops'],
    ['a 5xx Fastify error', fastifyError('FST_ERR_HANDLER_TIMEOUT', 503)],
  ])('turns %s into 500 INTERNAL_ERROR without its message', (_, exception) => {
    const response = toErrorResponse(exception, 'GET', '/api/me');
    expect(response).toEqual({
      body: { statusCode: 500, code: ErrorCode.InternalError, message: 'Something went wrong on our side' },
      headers: {},
      unexpected: true,
    });
  });
});
