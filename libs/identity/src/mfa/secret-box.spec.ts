import { deriveKey, keyedHash, open, seal } from './secret-box';

describe('secret box', () => {
  const key = deriveKey('k'.repeat(40), 'totp-secret');

  it('opens what it sealed', () => {
    const sealed = seal(key, 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(open(key, sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('seals the same secret differently each time', () => {
    expect(seal(key, 'same', 'user-1')).not.toBe(seal(key, 'same', 'user-1'));
  });

  it.each([
    ['another key', (s: string) => open(deriveKey('k'.repeat(40), 'another-purpose'), s, 'user-1')],
    ['another owner', (s: string) => open(key, s, 'user-2')],
    ['a changed byte', (s: string) => open(key, `${s.slice(0, -2)}${s.endsWith('AA') ? 'AB' : 'AA'}`, 'user-1')],
    ['a foreign format', () => open(key, 'plain-text', 'user-1')],
  ])('refuses to open under %s', (_case, attempt) => {
    const sealed = seal(key, 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(() => attempt(sealed)).toThrow();
  });
});

describe('keyedHash', () => {
  it('depends on the key', () => {
    const a = keyedHash(deriveKey('a'.repeat(40), 'recovery-code'), 'abcde-fghjk');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash(deriveKey('b'.repeat(40), 'recovery-code'), 'abcde-fghjk')).not.toBe(a);
  });
});
