import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** RFC 6238 as authenticator apps implement it: HMAC-SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_ISSUER = 'Gesit';

type Secret = string | Uint8Array;

/** A new base32 secret of 20 random bytes (the length of a SHA-1 key). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpCode(secret: Secret, at: Date, digits: 6 | 8 = TOTP_DIGITS): string {
  return generateSync({ secret, algorithm: 'sha1', digits, period: TOTP_PERIOD_SECONDS, epoch: Math.floor(at.getTime() / 1000) });
}

/**
 * The time step `code` belongs to when it is valid at `at` allowing one step of clock drift either
 * way, and belongs to a later step than `lastTimeStep` (a code is accepted once only); else null.
 */
export function acceptTotp(secret: Secret, code: string, at: Date, lastTimeStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({
    secret,
    token: code,
    algorithm: 'sha1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(lastTimeStep === null ? {} : { afterTimeStep: lastTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Whether `code` is valid at `at` but belongs to a time step already used: a replay, not a wrong code. */
export function isReplayedTotp(secret: Secret, code: string, at: Date, lastTimeStep: number | null): boolean {
  if (lastTimeStep === null) return false;
  const step = acceptTotp(secret, code, at, null);
  return step !== null && step <= lastTimeStep;
}

/** The otpauth:// URL an authenticator app scans: issuer Gesit, account = NIP. */
export function totpUri(secret: string, nip: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: nip, secret, algorithm: 'sha1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });
}
