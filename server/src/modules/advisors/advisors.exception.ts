import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type ErrorDetail } from '@careerside/shared';
import { DomainException } from '../../common/errors/domain.exception';

export class RulesInvalidException extends DomainException {
  constructor(details: ErrorDetail[]) {
    super(
      ErrorCode.RulesInvalid,
      HttpStatus.UNPROCESSABLE_ENTITY,
      'The availability does not add up',
      details,
      {
        params: { problems: details.map((detail) => detail.message).join('; ') },
      },
    );
  }
}

export class ClosureExistsException extends DomainException {
  constructor(date: string) {
    super(
      ErrorCode.ClosureExists,
      HttpStatus.CONFLICT,
      `The center is already closed on ${date}`,
      undefined,
      {
        params: { date },
      },
    );
  }
}

export class AdvisorExistsException extends DomainException {
  constructor(id: string) {
    super(
      ErrorCode.AdvisorExists,
      HttpStatus.CONFLICT,
      `An advisor with id ${id} already exists`,
      undefined,
      {
        params: { id },
      },
    );
  }
}
