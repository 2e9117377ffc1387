import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type ErrorDetail } from '@careerside/shared';
import { DomainException } from './domain.exception';

export class RequestValidationException extends DomainException {
  constructor(details: ErrorDetail[]) {
    const fields = [...new Set(details.map((d) => d.field).filter(Boolean))];
    super(
      ErrorCode.ValidationFailed,
      HttpStatus.BAD_REQUEST,
      fields.length > 0 ? `Invalid request: check ${fields.join(', ')}` : 'Invalid request',
      details,
    );
  }
}

export class ResourceNotFoundException extends DomainException {
  constructor(resource: string) {
    super(ErrorCode.NotFound, HttpStatus.NOT_FOUND, `${resource} not found`);
  }
}
