import { thrownText } from '@gesit/platform/testing';
import { AppError } from '@gesit/platform';
import { DelegationKind } from './delegation-kind';
import { checkAppointer, checkWindow, isActiveAt, normaliseReason } from './delegation-rules';

const t = (iso: string) => new Date(`2026-11-${iso}Z`);

describe('isActiveAt', () => {
  const window = { startsAt: t('27T00:00:00'), endsAt: t('30T00:00:00'), revokedAt: null };

  it.each([
    ['before the window', t('26T23:59:59'), false],
    ['at its start', t('27T00:00:00'), true],
    ['inside it', t('28T12:00:00'), true],
    ['at its end', t('30T00:00:00'), false],
    ['after it', t('30T00:00:01'), false],
  ])('%s: %s', (_case, at, expected) => {
    expect(isActiveAt(window, at)).toBe(expected);
  });

  it('is never active once revoked', () => {
    expect(isActiveAt({ ...window, revokedAt: t('27T08:00:00') }, t('28T12:00:00'))).toBe(false);
  });
});

describe('checkWindow', () => {
  const now = t('27T08:00:00');

  it('accepts a window that has begun and not ended', () => {
    expect(() => checkWindow(t('27T00:00:00'), t('28T00:00:00'), now)).not.toThrow();
  });

  it.each([
    ['an end before the start', t('28T00:00:00'), t('27T12:00:00'), /endsAt must be later than startsAt/],
    ['an empty window', t('28T00:00:00'), t('28T00:00:00'), /endsAt must be later than startsAt/],
    ['a window in the past', t('20T00:00:00'), t('27T07:59:59'), /already ended/],
    ['an invalid time', new Date('nope'), t('28T00:00:00'), /valid times/],
  ])('refuses %s', (_case, startsAt, endsAt, message) => {
    expect(thrownText(() => checkWindow(startsAt, endsAt, now))).toMatch(message);
  });
});

describe('normaliseReason', () => {
  it.each([
    [undefined, null],
    ['   ', null],
    [' Cuti tahunan ', 'Cuti tahunan'],
  ])('%j -> %j', (given, expected) => {
    expect(normaliseReason(given)).toBe(expected);
  });

  it('refuses a very long reason', () => {
    expect(thrownText(() => normaliseReason('x'.repeat(501)))).toMatch(/at most 500/);
  });
});

describe('checkAppointer', () => {
  const base = {
    callerId: 'kabid',
    callerIsAdmin: false,
    officialId: 'kabid',
    appointeeId: 'kasi',
    kind: DelegationKind.PLH,
    officialSuperiors: ['kadis'],
  };

  it.each([
    ['the official', {}],
    ['a superior of the official', { callerId: 'kadis' }],
    ['an ADMIN who is a superior of the official', { callerId: 'kadis', callerIsAdmin: true }],
    [
      'an ADMIN, a Plt, for an official with nobody above',
      { callerId: 'admin', callerIsAdmin: true, kind: DelegationKind.PLT, officialSuperiors: [] },
    ],
  ])('lets %s appoint', (_case, change) => {
    expect(() => checkAppointer({ ...base, ...change })).not.toThrow();
  });

  it.each([
    [
      'themselves, even as an ADMIN',
      { callerId: 'admin', callerIsAdmin: true, appointeeId: 'admin', kind: DelegationKind.PLT, officialSuperiors: [] },
      /diri sendiri/,
    ],
    ['themselves, as a superior', { callerId: 'kadis', appointeeId: 'kadis' }, /diri sendiri/],
    ['a colleague or someone below', { callerId: 'staf' }, /pejabat yang bersangkutan atau atasannya/],
    ['an ADMIN, a Plh', { callerId: 'admin', callerIsAdmin: true, officialSuperiors: [] }, /hanya dapat menunjuk Plt/],
    [
      'an ADMIN, a Plt, for an official who has a superior',
      { callerId: 'admin', callerIsAdmin: true, kind: DelegationKind.PLT },
      /mempunyai atasan/,
    ],
  ])('refuses %s', (_case, change, message) => {
    const attempt = () => checkAppointer({ ...base, ...change });
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(message);
  });
});
