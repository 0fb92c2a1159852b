import { afterFailure, CLEAR_FAILURES, isLocked, LoginFailureState } from './lockout';

const t0 = new Date('2026-11-27T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function fail(times: number[], start: LoginFailureState = CLEAR_FAILURES): { state: LoginFailureState; locks: number[] } {
  let state = start;
  const locks: number[] = [];
  for (const minute of times) {
    const next = afterFailure(state, at(minute));
    if (next.lockedNow) locks.push(minute);
    state = next.state;
  }
  return { state, locks };
}

describe('lockout', () => {
  it('locks on the fifth failure within 15 minutes, for 15 minutes', () => {
    const { state, locks } = fail([0, 1, 2, 3, 4]);
    expect(locks).toEqual([4]);
    expect(state.lockedUntil).toEqual(at(19));
    expect(isLocked(state, at(18.9))).toBe(true);
    expect(isLocked(state, at(19))).toBe(false);
  });

  it('does not lock after four failures', () => {
    const { state, locks } = fail([0, 1, 2, 3]);
    expect(locks).toEqual([]);
    expect(isLocked(state, at(3))).toBe(false);
    expect(state.failedLoginCount).toBe(4);
  });

  it('starts counting again once the 15-minute window has passed', () => {
    const { locks, state } = fail([0, 1, 2, 3, 15, 16]);
    expect(locks).toEqual([]);
    expect(state.failedLoginCount).toBe(2);
  });

  it('does not extend a lock with failures made while locked', () => {
    const { state } = fail([0, 1, 2, 3, 4, 5, 10]);
    expect(state.lockedUntil).toEqual(at(19));
  });

  it('counts afresh after a lock has expired', () => {
    const { state, locks } = fail([0, 1, 2, 3, 4, 20, 21, 22, 23, 24]);
    expect(locks).toEqual([4, 24]);
    expect(state.lockedUntil).toEqual(at(39));
  });
});
