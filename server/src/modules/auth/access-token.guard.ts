import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC } from '../../common/decorators/public.decorator';
import { UsersRepository } from '../users/users.repository';
import { AccessTokenService } from './access-token.service';
import { TokenInvalidException, UnauthenticatedException } from './auth.exception';

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)[ ]*$/i;

/**
 * Global: every route needs a valid token unless marked @Public(). Loads the user as stored now (a write to
 * users in this process counts at once; see SignedInUserCache).
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    if (!header) throw new UnauthenticatedException();
    const token = BEARER.exec(header)?.[1];
    if (!token) throw new TokenInvalidException('Send the token as Authorization: Bearer <token>');

    const user = await this.users.findSignedIn(await this.tokens.verify(token));
    if (!user) throw new TokenInvalidException('The account behind this token no longer exists');
    request.user = user;
    return true;
  }
}
