/** Who is calling, as established from the access token. */
export interface Principal {
  userId: string;
  roles: string[];
  /** `mfa-enrolment`: a user whose role requires MFA and who has not enrolled may only enrol. */
  scope: 'full' | 'mfa-enrolment';
  sessionId?: string;
}

/** Implemented by the identity library; the platform only knows it turns a bearer token into a principal. */
export interface AccessTokenVerifier {
  /** Resolves null for a missing, malformed, expired or revoked token. */
  verify(token: string): Promise<Principal | null>;
  /** True when the token is genuine but past its expiry, so the client is told to refresh. */
  expired(token: string): Promise<boolean>;
}

export const ACCESS_TOKEN_VERIFIER = Symbol('ACCESS_TOKEN_VERIFIER');

export function bearerToken(authorization: string | string[] | undefined): string | null {
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m ? m[1] : null;
}
