import { looksLikeRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes';

describe('recovery codes', () => {
  it('makes ten distinct codes in the printed form', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  it('compares without case, spaces or hyphens', () => {
    expect(normaliseRecoveryCode(' K7M2P - QX9TA ')).toBe('k7m2pqx9ta');
  });

  it.each([
    ['k7m2p-qx9ta', true],
    ['K7M2PQX9TA', true],
    ['123456', false],
    ['k7m2p-qx9t0', false],
  ])('%s looks like a recovery code: %s', (input, expected) => {
    expect(looksLikeRecoveryCode(input)).toBe(expected);
  });
});
