import { createHash, randomBytes } from 'node:crypto';
import { errors, jwtVerify, type JWTPayload, SignJWT } from 'jose';
import type { Principal } from '@gesit/platform';

const ISSUER = 'gesit';
const ACCESS_AUDIENCE = 'gesit-api';
const MFA_AUDIENCE = 'gesit-mfa';
const MFA_CHALLENGE_TTL_SECONDS = 300;

export type SessionScope = Principal['scope'];

export interface AccessClaims {
  userId: string;
  roles: string[];
  scope: SessionScope;
  sessionId: string;
}

export function signingKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A JWT (HS256) with sub, roles, scope and sid. */
export function signAccessToken(key: Uint8Array, claims: AccessClaims, ttlSeconds: number, now = new Date()): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ roles: claims.roles, scope: claims.scope, sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(ACCESS_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key);
}

export interface VerifiedAccessClaims extends AccessClaims {
  /** The token's `exp`, in milliseconds since the epoch. */
  expiresAtMs: number;
}

/** The payload of an access token signed by us, checked as at `at`; null for anything else. */
async function verifiedAccessPayload(key: Uint8Array, token: string, at: Date): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: ACCESS_AUDIENCE,
      typ: 'at+jwt',
      currentDate: at,
    });
    return payload;
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}

/** The claims of a well-signed, unexpired access token; null for anything else. */
export async function readAccessToken(key: Uint8Array, token: string, now = new Date()): Promise<VerifiedAccessClaims | null> {
  const payload = await verifiedAccessPayload(key, token, now);
  if (!payload) return null;
  const { sub, roles, scope, sid, exp } = payload;
  if (typeof sub !== 'string' || typeof sid !== 'string' || !Array.isArray(roles) || (scope !== 'full' && scope !== 'mfa-enrolment'))
    return null;
  return {
    userId: sub,
    roles: roles.filter((r): r is string => typeof r === 'string'),
    scope,
    sessionId: sid,
    expiresAtMs: (exp ?? 0) * 1000,
  };
}

/** True when `token` is one of ours, genuine, and past its expiry: the client should refresh rather than sign out. */
export async function isExpiredAccessToken(key: Uint8Array, token: string, now = new Date()): Promise<boolean> {
  // Checked as at the epoch, so that only the signature and claims decide; the expiry is compared here.
  const payload = await verifiedAccessPayload(key, token, new Date(0));
  return typeof payload?.exp === 'number' && payload.exp * 1000 <= now.getTime();
}

/** Proves the password step of a sign-in for five minutes; verifyMfa completes it. */
export function signMfaChallenge(key: Uint8Array, userId: string, now = new Date()): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ ts: now.getTime() })
    .setProtectedHeader({ alg: 'HS256', typ: 'mfa+jwt' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(MFA_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + MFA_CHALLENGE_TTL_SECONDS)
    .sign(key);
}

export async function readMfaChallenge(
  key: Uint8Array,
  token: string,
  now = new Date(),
): Promise<{ userId: string; issuedAt: Date } | null> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: MFA_AUDIENCE,
      typ: 'mfa+jwt',
      currentDate: now,
    });
    if (typeof payload.sub !== 'string' || typeof payload.ts !== 'number') return null;
    return { userId: payload.sub, issuedAt: new Date(payload.ts) };
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}

/** Opaque refresh tokens: 256 random bits; only their SHA-256 is stored. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function refreshTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
