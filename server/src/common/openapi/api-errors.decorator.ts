import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: VALIDATION_FAILED names each field; INVALID_JSON for a body that does not parse',
  401: 'UNAUTHENTICATED (no token), TOKEN_EXPIRED, TOKEN_INVALID or TOKEN_REVOKED (signed out)',
  403: 'FORBIDDEN: signed in without the role this needs',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE: send application/json',
  429: 'Rate limited',
  503: 'A service this depends on is unavailable',
};

/** Documents error answers, all with the shared ErrorBody; pass a description to say which codes apply. */
export function ApiErrors(
  ...responses: (number | [status: number, description: string])[]
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...responses.map((entry) => {
      const [status, description] = Array.isArray(entry) ? entry : [entry, DESCRIPTIONS[entry] ?? 'Error'];
      return ApiResponse({ status, description, type: ErrorBodyDto });
    }),
  );
}

/** The errors any authenticated route can answer. */
export const ApiAuthErrors = (): MethodDecorator & ClassDecorator => ApiErrors(401);
