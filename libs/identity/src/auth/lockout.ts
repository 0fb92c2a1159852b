/** After 5 failed sign-ins within 15 minutes an account is locked for 15 minutes. */
export const LOCKOUT = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

export interface LoginFailureState {
  failedLoginCount: number;
  failedLoginWindowStart: Date | null;
  lockedUntil: Date | null;
}

export function isLocked(state: LoginFailureState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/** The state after one more failure at `now`, and whether this failure locked the account. */
export function afterFailure(state: LoginFailureState, now: Date): { state: LoginFailureState; lockedNow: boolean } {
  if (isLocked(state, now)) return { state, lockedNow: false };
  const windowOpen = state.failedLoginWindowStart !== null && now.getTime() - state.failedLoginWindowStart.getTime() < LOCKOUT.windowMs;
  const count = windowOpen ? state.failedLoginCount + 1 : 1;
  if (count >= LOCKOUT.maxFailures) {
    return {
      state: { failedLoginCount: 0, failedLoginWindowStart: null, lockedUntil: new Date(now.getTime() + LOCKOUT.lockMs) },
      lockedNow: true,
    };
  }
  return {
    state: { failedLoginCount: count, failedLoginWindowStart: windowOpen ? state.failedLoginWindowStart : now, lockedUntil: null },
    lockedNow: false,
  };
}

export const CLEAR_FAILURES: LoginFailureState = { failedLoginCount: 0, failedLoginWindowStart: null, lockedUntil: null };
