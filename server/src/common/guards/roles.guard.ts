import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ErrorCode, type Role } from '@careerside/shared';
import { REQUIRED_ROLES } from '../decorators/roles.decorator';
import { DomainException } from '../errors/domain.exception';

export class ForbiddenRoleException extends DomainException {
  constructor(required: Role[]) {
    super(ErrorCode.Forbidden, HttpStatus.FORBIDDEN, `This needs the ${required.join(' or ')} role`);
  }
}

/** Runs after the access-token guard, so a route with @Roles always has a user. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required || required.length === 0) return true;
    const user = context.switchToHttp().getRequest<FastifyRequest>().user;
    if (user && required.includes(user.role)) return true;
    throw new ForbiddenRoleException(required);
  }
}
