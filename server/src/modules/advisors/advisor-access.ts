import { HttpStatus } from '@nestjs/common';
import { ErrorCode, Role } from '@careerside/shared';
import { DomainException } from '../../common/errors/domain.exception';
import type { UserEntity } from '../users/user.entity';

export class NotYourAdvisorException extends DomainException {
  constructor() {
    super(
      ErrorCode.Forbidden,
      HttpStatus.FORBIDDEN,
      'Counselors manage only the advisor profile they are bound to',
    );
  }
}

/** Admins manage every advisor; a counselor manages the profile their account is bound to. */
export function canManageAdvisor(user: UserEntity, advisorId: string): boolean {
  return user.role === Role.Admin || (user.role === Role.Counselor && user.advisorId === advisorId);
}

export function assertCanManageAdvisor(user: UserEntity, advisorId: string): void {
  if (!canManageAdvisor(user, advisorId)) throw new NotYourAdvisorException();
}

export function isStaff(user: UserEntity): boolean {
  return user.role === Role.Admin || user.role === Role.Counselor;
}
