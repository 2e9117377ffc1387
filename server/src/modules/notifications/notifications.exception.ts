import { HttpStatus } from '@nestjs/common';
import { type DeliveryStatus, ErrorCode } from '@careerside/shared';
import { DomainException } from '../../common/errors/domain.exception';

export class DeliveryNotRetryableException extends DomainException {
  constructor(status: DeliveryStatus) {
    super(
      ErrorCode.DeliveryNotRetryable,
      HttpStatus.CONFLICT,
      `Only dead, unconfirmed or failed deliveries can be retried; this one is ${status}`,
    );
  }
}
