import { Injectable } from '@nestjs/common';
import { AccessTokenVerifier, AppConfig, Principal } from '@gesit/platform';
import { SessionsService } from './sessions.service';
import { isExpiredAccessToken, readAccessToken, signingKey, VerifiedAccessClaims } from './tokens';

const MAX_VERIFIED_TOKENS = 10_000;

/**
 * Turns a bearer token into a principal: a valid signature, not expired, and a session that has not been
 * revoked and belongs to the token's subject. Roles come from the database, not from the token, so a token
 * signed with stale or forged roles gains nothing.
 */
@Injectable()
export class JwtAccessTokenVerifier implements AccessTokenVerifier {
  private readonly key: Uint8Array;
  /**
   * Tokens whose signature already checked out, until they expire: a client sends the same token on every
   * request for its whole life, and the HMAC check was a tenth of the CPU of a small query. The session is
   * still checked on every request.
   */
  private readonly verified = new Map<string, VerifiedAccessClaims>();

  constructor(
    config: AppConfig,
    private readonly sessions: SessionsService,
  ) {
    this.key = signingKey(config.jwtSecret);
  }

  async verify(token: string, now = Date.now()): Promise<Principal | null> {
    const claims = await this.claimsOf(token, now);
    if (!claims) return null;
    const holder = await this.sessions.holder(claims.sessionId);
    if (!holder || holder.userId !== claims.userId) return null;
    // The narrower of the two: an enrolment-only session never yields a full token, nor the reverse.
    const scope = claims.scope === 'full' && holder.scope === 'full' ? 'full' : 'mfa-enrolment';
    return { userId: claims.userId, roles: holder.roles, scope, sessionId: claims.sessionId };
  }

  expired(token: string, now = Date.now()): Promise<boolean> {
    return isExpiredAccessToken(this.key, token, new Date(now));
  }

  private async claimsOf(token: string, now: number): Promise<VerifiedAccessClaims | null> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAtMs > now) return known;
      this.verified.delete(token);
      return null;
    }
    const claims = await readAccessToken(this.key, token, new Date(now));
    if (!claims) return null;
    // Oldest first: Map keeps insertion order.
    if (this.verified.size >= MAX_VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, claims);
    return claims;
  }
}
