import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IS_PUBLIC } from '../../common/decorators/public.decorator';
import { UsersRepository } from '../users/users.repository';
import { AccessTokenService } from './access-token.service';
import { TokenInvalidException, TokenRevokedException, UnauthenticatedException } from './auth.exception';

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)[ ]*$/i;

/**
 * Global: every route needs a valid token unless marked @Public(). Loads the user as stored now (a write to
 * users in this process counts at once; see SignedInUserCache) and refuses a token issued before the user's
 * current token version (signed out, or the role changed).
 *
 * The version is checked on every request, also for a token whose signature is cached. It is read from the
 * signed-in user cache, which another server process may hold for up to SIGNED_IN_USER_TTL_MS (a second): a
 * token revoked on one process can still pass on another for up to that long. The process that handled the
 * revocation forgets its entry at once.
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

    const { userId, tokenVersion } = await this.tokens.verify(token);
    const user = await this.users.findSignedIn(userId);
    if (!user) throw new TokenInvalidException('The account behind this token no longer exists');
    // Older than the user's version: revoked. Newer can only mean this process holds a stale row (the user
    // signed out and in again on another process within the cache's second); that token is genuine.
    if (tokenVersion < user.tokenVersion) throw new TokenRevokedException();
    request.user = user;
    // Whatever a signed-in request answers is this user's: no cache (browser, WebView, proxy) may keep it. A
    // handler that sets its own Cache-Control with @Header replaces this.
    void context.switchToHttp().getResponse<FastifyReply>().header('cache-control', 'no-store');
    return true;
  }
}
