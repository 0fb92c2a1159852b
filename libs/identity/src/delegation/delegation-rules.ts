import { badInput } from '@gesit/platform';

export const REASON_MAX_LENGTH = 500;

export interface DelegationWindow {
  startsAt: Date;
  endsAt: Date;
  revokedAt: Date | null;
}

/** Active from startsAt up to, not including, endsAt, unless revoked. */
export function isActiveAt(delegation: DelegationWindow, at: Date): boolean {
  return delegation.revokedAt === null && delegation.startsAt <= at && at < delegation.endsAt;
}

/** Checks the window of a new delegation; it may have begun already, but not ended. */
export function checkWindow(startsAt: Date, endsAt: Date, now: Date): void {
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) throw badInput('startsAt and endsAt must be valid times.');
  if (endsAt <= startsAt) throw badInput('endsAt must be later than startsAt.');
  if (endsAt <= now) throw badInput('This window has already ended; a delegation must end in the future.');
}

export function normaliseReason(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() ?? '';
  if (trimmed.length > REASON_MAX_LENGTH) throw badInput(`The reason is too long: at most ${REASON_MAX_LENGTH} characters.`);
  return trimmed || null;
}
