import { base32, newVerificationCode, normaliseVerificationCode } from './verification-code';

describe('verification codes', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as RFC 4648 base32 %s', (text, expected) => {
    expect(base32(Buffer.from(text))).toBe(expected);
  });

  it('carries 80 random bits in 16 characters', () => {
    const codes = new Set(Array.from({ length: 1000 }, newVerificationCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{16}$/);
  });

  it('accepts a code typed in lower case with spaces or dashes', () => {
    expect(normaliseVerificationCode(' abcd-efgh ijkl 2345 ')).toBe('ABCDEFGHIJKL2345');
  });
});
