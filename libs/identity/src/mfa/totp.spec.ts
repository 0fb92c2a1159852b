import { acceptTotp, isReplayedTotp, newTotpSecret, totpCode, totpUri } from './totp';

// RFC 6238 Appendix B, SHA-1 rows: the key is the ASCII string "12345678901234567890".
const RFC_KEY = new TextEncoder().encode('12345678901234567890');

describe('totpCode', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('matches the RFC 6238 test vector at T=%i', (seconds, expected) => {
    expect(totpCode(RFC_KEY, new Date(seconds * 1000), 8)).toBe(expected);
  });

  it('gives the last 6 digits of the same value for 6-digit codes', () => {
    expect(totpCode(RFC_KEY, new Date(59_000))).toBe('287082');
  });
});

describe('acceptTotp', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-11-27T08:30:10Z');
  const step = Math.floor(now.getTime() / 30_000);
  const at = (offsetSteps: number) => new Date(now.getTime() + offsetSteps * 30_000);

  it('accepts the current code and names its time step', () => {
    expect(acceptTotp(secret, totpCode(secret, now), now, null)).toBe(step);
  });

  it.each([-1, 1])('tolerates one step of drift (%i)', (offset) => {
    expect(acceptTotp(secret, totpCode(secret, at(offset)), now, null)).toBe(step + offset);
  });

  it.each([-2, 2])('refuses a code %i steps away', (offset) => {
    expect(acceptTotp(secret, totpCode(secret, at(offset)), now, null)).toBeNull();
  });

  it('refuses a code whose step was already used (replay)', () => {
    expect(acceptTotp(secret, totpCode(secret, now), now, step)).toBeNull();
    expect(acceptTotp(secret, totpCode(secret, at(-1)), now, step)).toBeNull();
  });

  it('accepts the next step after a used one', () => {
    expect(acceptTotp(secret, totpCode(secret, at(1)), now, step)).toBe(step + 1);
  });

  it.each(['', '12345', '1234567', 'abcdef', '12 345'])('refuses the malformed code %j', (code) => {
    expect(acceptTotp(secret, code, now, null)).toBeNull();
  });

  it('refuses the code of another secret', () => {
    expect(acceptTotp(newTotpSecret(), totpCode(secret, now), now, null)).toBeNull();
  });
});

describe('isReplayedTotp', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-11-27T08:30:10Z');
  const step = Math.floor(now.getTime() / 30_000);
  const at = (offsetSteps: number) => new Date(now.getTime() + offsetSteps * 30_000);

  it('calls a valid code of a used step a replay', () => {
    expect(isReplayedTotp(secret, totpCode(secret, now), now, step)).toBe(true);
    expect(isReplayedTotp(secret, totpCode(secret, at(-1)), now, step)).toBe(true);
  });

  it('does not call a fresh, a wrong or a first code a replay', () => {
    expect(isReplayedTotp(secret, totpCode(secret, at(1)), now, step)).toBe(false);
    expect(isReplayedTotp(secret, '000000' === totpCode(secret, now) ? '111111' : '000000', now, step)).toBe(false);
    expect(isReplayedTotp(secret, totpCode(secret, now), now, null)).toBe(false);
  });
});

describe('totpUri', () => {
  it('names the issuer Gesit and the NIP as the account', () => {
    const uri = new URL(totpUri('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', '197203151998031004'));
    expect(uri.protocol).toBe('otpauth:');
    expect(decodeURIComponent(uri.pathname)).toMatch(/Gesit:197203151998031004$/);
    expect(uri.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(uri.searchParams.get('issuer')).toBe('Gesit');
  });
});
