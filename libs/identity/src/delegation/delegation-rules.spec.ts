import { checkWindow, isActiveAt, normaliseReason } from './delegation-rules';

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
    expect(() => checkWindow(startsAt, endsAt, now)).toThrow(message);
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
    expect(() => normaliseReason('x'.repeat(501))).toThrow(/at most 500/);
  });
});
