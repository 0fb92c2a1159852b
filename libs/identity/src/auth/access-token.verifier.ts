import { Injectable } from '@nestjs/common';
import { AccessTokenVerifier, AppConfig, Principal } from '@gesit/platform';
import { SessionsService } from './sessions.service';
import { readAccessToken, signingKey } from './tokens';

/** Turns a bearer token into a principal: a valid signature, not expired, and a session that has not been revoked. */
@Injectable()
export class JwtAccessTokenVerifier implements AccessTokenVerifier {
  private readonly key: Uint8Array;

  constructor(
    config: AppConfig,
    private readonly sessions: SessionsService,
  ) {
    this.key = signingKey(config.jwtSecret);
  }

  async verify(token: string): Promise<Principal | null> {
    const claims = await readAccessToken(this.key, token);
    if (!claims || !(await this.sessions.isActive(claims.sessionId))) return null;
    return { userId: claims.userId, roles: claims.roles, scope: claims.scope, sessionId: claims.sessionId };
  }
}
