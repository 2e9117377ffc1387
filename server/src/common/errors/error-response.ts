import { HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ErrorCode, type ErrorBody, type ErrorDetail } from '@careerside/shared';
import { isDatabaseUnavailable } from './database-unavailable';
import { DomainException } from './domain.exception';

export interface ErrorResponse {
  body: Omit<ErrorBody, 'requestId'>;
  headers: Record<string, string>;
  /** Unexpected: logged with its stack, and its message never reaches the client. */
  unexpected: boolean;
  /** Placeholders of the code's localized message, when the exception is not a DomainException. */
  params?: Record<string, string | number>;
}

// Fastify's own request errors, before any controller runs.
const FASTIFY_ERRORS: Record<
  string,
  { status: number; code: ErrorCode; message: string; details?: ErrorDetail[] }
> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: ErrorCode.InvalidJson,
    message: 'The request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: ErrorCode.InvalidJson,
    message: 'The request body is empty but Content-Type says application/json',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: ErrorCode.PayloadTooLarge,
    message: 'The request body is too large',
    details: [
      { field: 'body', constraint: 'bodyTooLarge', message: 'body is larger than this route accepts' },
    ],
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: ErrorCode.UnsupportedMediaType,
    message: 'Send the request body as application/json',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: ErrorCode.BadRequest,
    message: 'The URL is malformed',
  },
  // A path segment longer than Fastify's maxParamLength (100) names nothing: no id or token is that long.
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 404,
    code: ErrorCode.NotFound,
    message: 'Nothing here has an id that long',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: ErrorCode.BadRequest,
    message: 'The request body does not match its Content-Length',
  },
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.BadRequest,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.MethodNotAllowed,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
  503: ErrorCode.ServiceUnavailable,
};

/** Turns anything thrown while handling a request into the one error body clients see. */
export function toErrorResponse(exception: unknown, method: string, url: string): ErrorResponse {
  if (exception instanceof DomainException) {
    return {
      body: compact({
        statusCode: exception.getStatus(),
        code: exception.code,
        message: exception.message,
        details: exception.details,
      }),
      headers: exception.headers,
      unexpected: false,
    };
  }

  const fastifyCode = fastifyErrorCode(exception);
  if (fastifyCode && fastifyCode in FASTIFY_ERRORS) {
    const known = FASTIFY_ERRORS[fastifyCode];
    return {
      body: compact({
        statusCode: known.status,
        code: known.code,
        message: known.message,
        details: known.details,
      }),
      headers: {},
      unexpected: false,
    };
  }

  // Unreachable or locked by another process: a prompt 503 that the client may retry, not a 500 after a long wait.
  if (isDatabaseUnavailable(exception)) {
    return {
      body: {
        statusCode: 503,
        code: ErrorCode.DatabaseUnavailable,
        message: 'The database is not answering right now; try again shortly',
      },
      headers: { 'retry-after': '5' },
      unexpected: false,
    };
  }

  if (exception instanceof ThrottlerException) {
    return {
      body: {
        statusCode: 429,
        code: ErrorCode.RateLimited,
        message: 'Too many requests; try again in a minute',
      },
      headers: {},
      unexpected: false,
    };
  }

  // Nest answers a request that matches no route with a plain NotFoundException; services throw DomainExceptions.
  if (exception instanceof NotFoundException) {
    return {
      body: {
        statusCode: 404,
        code: ErrorCode.RouteNotFound,
        message: `No route for ${method} ${pathOf(url)}`,
      },
      headers: {},
      unexpected: false,
      params: { method, path: pathOf(url) },
    };
  }

  if (exception instanceof HttpException && exception.getStatus() < 500) {
    const status = exception.getStatus();
    return {
      body: compact({
        statusCode: status,
        code: CODE_BY_STATUS[status] ?? ErrorCode.BadRequest,
        message: httpExceptionMessage(exception),
        details: httpExceptionDetails(exception),
      }),
      headers: {},
      unexpected: false,
    };
  }

  return {
    body: { statusCode: 500, code: ErrorCode.InternalError, message: 'Something went wrong on our side' },
    headers: {},
    unexpected: true,
  };
}

function fastifyErrorCode(exception: unknown): string | undefined {
  const candidates = [exception, exception instanceof Error ? exception.cause : undefined];
  for (const candidate of candidates) {
    if (
      candidate &&
      typeof candidate === 'object' &&
      'code' in candidate &&
      typeof candidate.code === 'string'
    ) {
      if (candidate.code.startsWith('FST_')) return candidate.code;
    }
  }
  return undefined;
}

function httpExceptionMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  if (response && typeof response === 'object' && 'message' in response) {
    const message = response.message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.map(String).join('; ');
  }
  return exception.message || (HttpStatus[exception.getStatus()] ?? 'Bad request');
}

function httpExceptionDetails(exception: HttpException): ErrorDetail[] | undefined {
  const response = exception.getResponse();
  if (response && typeof response === 'object' && 'message' in response && Array.isArray(response.message)) {
    return response.message.map((message) => ({ message: String(message) }));
  }
  return undefined;
}

function pathOf(url: string): string {
  const path = url.split('?')[0] ?? url;
  return path.length > 200 ? `${path.slice(0, 200)}...` : path;
}

function compact<T extends { details?: ErrorDetail[] }>(body: T): T {
  if (body.details === undefined || body.details.length === 0) {
    const { details: _details, ...rest } = body;
    return rest as T;
  }
  return body;
}
