import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { JsonWebTokenError, JwtService, TokenExpiredError } from '@nestjs/jwt';
import { TokenExpiredException, TokenInvalidException } from './auth.exception';

export const TOKEN_ISSUER = 'careerside';

interface AccessTokenPayload {
  sub: string;
  exp: number;
}

const VERIFIED_CACHE_SIZE = 10_000;

/** Signed, expiring bearer tokens. They carry only the user id: role and existence are checked per request. */
@Injectable()
export class AccessTokenService {
  /** Tokens already verified, until they expire: the signature of a token never changes its answer. */
  private readonly verified = new LRUCache<string, string>({ max: VERIFIED_CACHE_SIZE });

  constructor(private readonly jwt: JwtService) {}

  async issue(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = await this.jwt.signAsync({ sub: userId });
    const { exp } = this.jwt.decode<AccessTokenPayload>(token);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The user id of a valid token. */
  async verify(token: string, now = Date.now()): Promise<string> {
    const known = this.verified.get(token);
    if (known) return known;
    try {
      const payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
      if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new TokenInvalidException();
      // Remembered until the token expires (TTLs are whole milliseconds, at least one).
      this.verified.set(token, payload.sub, { ttl: Math.max(1, payload.exp * 1000 - now) });
      return payload.sub;
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new TokenExpiredException();
      if (error instanceof JsonWebTokenError) throw new TokenInvalidException();
      throw error;
    }
  }
}
