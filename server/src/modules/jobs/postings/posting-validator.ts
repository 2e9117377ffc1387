import { Injectable } from '@nestjs/common';
import type { CreateJobRequest } from '@careerside/shared';
import { RequestValidationException } from '../../../common/errors/common.exceptions';
import type { AppConfig } from '../../../config/app-config';
import { InjectConfig } from '../../../config/inject-config.decorator';
import { postingValidationException } from '../jobs.exception';
import { parseDeadline } from './deadline';
import { type Posting, inferApplyMethod, postingProblems, toPosting } from './posting';

/** Checks a posting request (shapes already validated by its DTO) the same way for staff and employers. */
@Injectable()
export class PostingValidator {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  parseDeadline(value: string): Date | null {
    return parseDeadline(value, this.config.center.timezone);
  }

  /** 400 VALIDATION_FAILED naming each field a rule across fields rejects. */
  validate(
    request: CreateJobRequest,
    now: Date,
    options: { deadlineChanged: boolean } = { deadlineChanged: true },
  ): Posting {
    const deadline = this.parseDeadline(request.deadline);
    if (!deadline) {
      throw new RequestValidationException([
        {
          field: 'deadline',
          constraint: 'isDeadline',
          message: 'deadline must be a date such as 2026-12-31 or a date-time with an offset',
        },
      ]);
    }
    const posting = toPosting(request, deadline);
    const problems = postingProblems(posting, {
      now,
      deadlineChanged: options.deadlineChanged,
      applyMethodGiven: inferApplyMethod(request) !== null,
    });
    if (problems.length > 0) throw postingValidationException(problems);
    return posting;
  }
}
