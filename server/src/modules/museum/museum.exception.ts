import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@careerside/shared';
import { DomainException } from '../../common/errors/domain.exception';

export class ReorderMismatchException extends DomainException {
  constructor() {
    super(ErrorCode.ReorderMismatch, HttpStatus.CONFLICT, 'The order must list every id exactly once', [
      { field: 'ids', message: 'ids must list every item exactly once' },
    ]);
  }
}

export class MediaReferenceInvalidException extends DomainException {
  constructor(fields: string[]) {
    super(
      ErrorCode.MediaReferenceInvalid,
      HttpStatus.BAD_REQUEST,
      `These fields name media that does not exist or is of the wrong kind: ${fields.join(', ')}`,
      fields.map((field) => ({ field, message: `${field} names no media of the right kind` })),
      { params: { fields: fields.join(', ') } },
    );
  }
}

export class MuseumContentIncompleteException extends DomainException {
  constructor(fields: string[]) {
    super(
      ErrorCode.MuseumContentIncomplete,
      HttpStatus.CONFLICT,
      `Fill these in before publishing: ${fields.join(', ')}`,
      fields.map((field) => ({ field, message: `${field} is required to publish` })),
      { params: { fields: fields.join(', ') } },
    );
  }
}
