import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { JsonWebTokenError, JwtService, TokenExpiredError } from '@nestjs/jwt';
import { TokenExpiredException, TokenInvalidException } from './auth.exception';

export const TOKEN_ISSUER = 'careerside';

/** The claim that carries the user's token version at issue time (see UserEntity.tokenVersion). */
export const TOKEN_VERSION_CLAIM = 'ver';

interface AccessTokenPayload {
  sub: string;
  exp: number;
  [TOKEN_VERSION_CLAIM]?: unknown;
}

/** What a valid token says: whose it is and the token version it was issued at. */
export interface VerifiedToken {
  userId: string;
  tokenVersion: number;
}

const VERIFIED_CACHE_SIZE = 10_000;

/**
 * Signed, expiring bearer tokens. They carry only the user id and the user's token version: role, existence and
 * revocation are checked per request by the guard against the user as stored.
 */
@Injectable()
export class AccessTokenService {
  /**
   * Tokens already verified, until they expire: the signature of a token never changes its answer. Revocation is
   * not decided here (the guard compares the version with the user's on every request).
   */
  private readonly verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_CACHE_SIZE });

  constructor(private readonly jwt: JwtService) {}

  async issue(userId: string, tokenVersion: number): Promise<{ token: string; expiresAt: Date }> {
    const token = await this.jwt.signAsync({ sub: userId, [TOKEN_VERSION_CLAIM]: tokenVersion });
    const { exp } = this.jwt.decode<AccessTokenPayload>(token);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** Whose a valid token is and at which token version it was issued. */
  async verify(token: string, now = Date.now()): Promise<VerifiedToken> {
    const known = this.verified.get(token);
    if (known) return known;
    try {
      const payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
      if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new TokenInvalidException();
      // jsonwebtoken accepts a token without `exp` as never expiring; every token this server issues has one.
      if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) throw new TokenInvalidException();
      const verified = { userId: payload.sub, tokenVersion: tokenVersionOf(payload) };
      // Remembered until the token expires (TTLs are whole milliseconds, at least one).
      this.verified.set(token, verified, { ttl: Math.max(1, payload.exp * 1000 - now) });
      return verified;
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new TokenExpiredException();
      if (error instanceof JsonWebTokenError) throw new TokenInvalidException();
      throw error;
    }
  }
}

/** Tokens issued before token versions existed have no claim: they count as version 0, so they keep working. */
function tokenVersionOf(payload: AccessTokenPayload): number {
  const version = payload[TOKEN_VERSION_CLAIM];
  if (version === undefined) return 0;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    throw new TokenInvalidException();
  }
  return version;
}
