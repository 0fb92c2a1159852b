import { thrownText } from '@gesit/platform/testing';
import { Role } from './role';
import { checkPasswordPolicy, checkRoles, optionalRank, mfaRequiredFor, normaliseEmail, normalisePhone } from './user-rules';

describe('normaliseEmail', () => {
  it('lower-cases and trims', () => {
    expect(normaliseEmail('  Budi.Santoso@Diskominfo.Example.go.id ')).toBe('budi.santoso@diskominfo.example.go.id');
  });

  it.each(['budi', 'budi@', '@example.go.id', 'budi santoso@example.go.id', 'budi@example'])('refuses %j', (raw) => {
    expect(thrownText(() => normaliseEmail(raw))).toMatch(/is not an e-mail address/);
  });
});

describe('checkPasswordPolicy', () => {
  const account = { nip: '197203151998031004', email: 'hendra@example.go.id' };

  it('accepts a long enough password', () => {
    expect(() => checkPasswordPolicy('Gesit#2026demo', account)).not.toThrow();
  });

  it.each([
    ['too short', 'Pendek#2026', /at least 12 characters/],
    ['too long', 'x'.repeat(129), /at most 128 characters/],
    ['the NIP', '197203151998031004', /must not be the NIP or the e-mail/],
    ['the NIP with a suffix', '197203151998031004!', /must not be the NIP or the e-mail/],
    ['the e-mail address', 'Hendra@Example.go.id', /must not be the NIP or the e-mail/],
  ])('refuses a password that is %s', (_case, password, message) => {
    expect(thrownText(() => checkPasswordPolicy(password, account))).toMatch(message);
  });

  it('never repeats the password in its message', () => {
    expect(() => checkPasswordPolicy('rahasia', account)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('rahasia') }),
    );
  });
});

describe('optionalRank', () => {
  it('keeps a rank as printed, folding spaces, and treats empty as none', () => {
    expect(optionalRank('  Pembina  Utama Muda (IV/c) ')).toBe('Pembina Utama Muda (IV/c)');
    expect(optionalRank('   ')).toBeNull();
    expect(optionalRank(null)).toBeNull();
  });

  it('refuses an overlong rank as bad input', () => {
    expect(thrownText(() => optionalRank('x'.repeat(81)), 'id')).toMatch(/paling banyak 80/);
    expect(thrownText(() => optionalRank('x'.repeat(81)))).toMatch(/at most 80/);
  });
});

describe('checkRoles', () => {
  it('removes repeats', () => {
    expect(checkRoles([Role.LEADER, Role.LEADER, Role.ADMIN])).toEqual([Role.LEADER, Role.ADMIN]);
  });

  it('needs at least one role', () => {
    expect(thrownText(() => checkRoles([]))).toMatch(/at least one role/);
  });
});

describe('mfaRequiredFor', () => {
  it.each([
    [['STAFF'], false],
    [['STAFF', 'LEADER'], true],
    [['ADMIN'], true],
    [['CLERK'], false],
  ])('%j -> %s', (roles, expected) => {
    expect(mfaRequiredFor(roles, ['LEADER', 'ADMIN'])).toBe(expected);
  });
});

describe('normalisePhone', () => {
  it.each([
    ['0812-3456-7890', '6281234567890'],
    ['+62 812 3456 7890', '6281234567890'],
    ['(0274) 512.345', '62274512345'],
    ['6281234567890', '6281234567890'],
    ['+31 6 12345678', '31612345678'],
  ])('%s -> %s', (raw, phone) => {
    expect(normalisePhone(raw)).toBe(phone);
  });

  it.each(['12', 'nomor saya', '+0812345678', '0812345678901234567'])('refuses %s in Indonesian', (raw) => {
    expect(thrownText(() => normalisePhone(raw), 'id')).toMatch(/bukan nomor telepon seluler/);
  });
});
