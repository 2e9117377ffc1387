import { SetMetadata } from '@nestjs/common';
import type { Role } from '@careerside/shared';

export const REQUIRED_ROLES = 'careerside:roles';

/** Limits a route to signed-in users with one of these roles (403 FORBIDDEN otherwise). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);
