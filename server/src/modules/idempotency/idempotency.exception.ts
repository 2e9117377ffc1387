import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@careerside/shared';
import { DomainException } from '../../common/errors/domain.exception';
import { RequestValidationException } from '../../common/errors/common.exceptions';

export class IdempotencyKeyReusedException extends DomainException {
  constructor() {
    super(
      ErrorCode.IdempotencyKeyReused,
      HttpStatus.UNPROCESSABLE_ENTITY,
      'This Idempotency-Key was already used with a different request body',
    );
  }
}

export class IdempotencyKeyInProgressException extends DomainException {
  constructor() {
    super(
      ErrorCode.IdempotencyKeyInProgress,
      HttpStatus.CONFLICT,
      'The first request with this Idempotency-Key is still running',
      undefined,
      {
        headers: { 'retry-after': '1' },
      },
    );
  }
}

export class InvalidIdempotencyKeyException extends RequestValidationException {
  constructor() {
    super([
      {
        field: 'Idempotency-Key',
        constraint: 'matches',
        message: 'Idempotency-Key must be 8-128 characters: letters, digits, - _ . :',
      },
    ]);
  }
}
