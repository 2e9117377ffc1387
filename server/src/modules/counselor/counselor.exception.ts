import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@careerside/shared';
import { DomainException } from '../../common/errors/domain.exception';

export class NotBoundToAdvisorException extends DomainException {
  constructor() {
    super(
      ErrorCode.NotBoundToAdvisor,
      HttpStatus.FORBIDDEN,
      'This counselor account is not bound to an advisor profile',
    );
  }
}

export class InviteInvalidException extends DomainException {
  constructor() {
    super(
      ErrorCode.InviteInvalid,
      HttpStatus.UNPROCESSABLE_ENTITY,
      'The invite code is invalid, used or expired',
    );
  }
}

export class NotSupervisorException extends DomainException {
  constructor() {
    super(
      ErrorCode.Forbidden,
      HttpStatus.FORBIDDEN,
      'Staff have not designated you to supervise this counselor',
    );
  }
}
