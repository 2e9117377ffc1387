import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type ErrorDetail } from '@careerside/shared';
import { RequestValidationException } from '../../common/errors/common.exceptions';
import { DomainException } from '../../common/errors/domain.exception';
import type { PostingProblem } from './postings/posting';

export class JobNotEditableException extends DomainException {
  constructor() {
    super(
      ErrorCode.JobNotEditable,
      HttpStatus.CONFLICT,
      'This posting is closed and can no longer be edited',
    );
  }
}

export class JobNotPublishableException extends DomainException {
  constructor() {
    super(ErrorCode.JobNotPublishable, HttpStatus.CONFLICT, 'This posting is closed and cannot be published');
  }
}

export class JobDeadlinePassedException extends DomainException {
  constructor() {
    super(
      ErrorCode.JobDeadlinePassed,
      HttpStatus.CONFLICT,
      'The deadline has passed; change it before publishing',
    );
  }
}

export class JobNotOpenException extends DomainException {
  constructor() {
    super(ErrorCode.JobNotOpen, HttpStatus.CONFLICT, 'This posting is closed');
  }
}

export class SubmissionAlreadyReviewedException extends DomainException {
  constructor() {
    super(
      ErrorCode.SubmissionAlreadyReviewed,
      HttpStatus.CONFLICT,
      'This submission has already been reviewed',
    );
  }
}

// The class-validator style constraint each cross-field rule reports (localized by the shared VALIDATION_MESSAGES).
const CONSTRAINTS: Record<string, { constraint: string; message: (field: string) => string }> = {
  salary_range: { constraint: 'salaryRange', message: (field) => `${field} must not be below salaryMin` },
  deadline_passed: { constraint: 'deadlinePassed', message: (field) => `${field} must be in the future` },
  apply_target_missing: {
    constraint: 'applyTargetMissing',
    message: (field) => `${field} is needed for the apply method`,
  },
};

/** Cross-field posting rules broken by a request: 400 VALIDATION_FAILED naming each field. */
export function postingValidationException(problems: readonly PostingProblem[]): RequestValidationException {
  const details: ErrorDetail[] = problems.map((problem) => {
    const rule = CONSTRAINTS[problem.code] ?? {
      constraint: problem.code,
      message: (field: string) => `${field} is invalid`,
    };
    return { field: problem.field, constraint: rule.constraint, message: rule.message(problem.field) };
  });
  return new RequestValidationException(details);
}
