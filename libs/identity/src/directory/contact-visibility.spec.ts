import { maskEmail, maySeeContact } from './contact-visibility';

const nobody = { self: false, admin: false, sameUnit: false, above: false };

describe('who sees a colleague’s e-mail and phone', () => {
  it.each([
    ['the person themselves', { ...nobody, self: true }, true],
    ['an administrator', { ...nobody, admin: true }, true],
    ['someone of the same unit', { ...nobody, sameUnit: true }, true],
    ['a leader above them', { ...nobody, above: true }, true],
    ['anyone else (another unit, a subordinate, a peer elsewhere)', nobody, false],
  ])('%s: %s', (_who, facts, visible) => {
    expect(maySeeContact(facts)).toBe(visible);
  });

  it.each([
    ['budi.santoso@diskominfo.go.id', 'b***@diskominfo.go.id'],
    ['a@x.id', 'a***@x.id'],
    ['no-at-sign', '***'],
  ])('masks %s as %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});
