import { badInput } from '@gesit/platform';
import { Role } from './role';

export const PASSWORD_MIN_LENGTH = 12;
// argon2 hashes any length, but a megabyte-long "password" is a cheap way to make the server work.
export const PASSWORD_MAX_LENGTH = 128;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** E-mail addresses are kept in lower case, so sign-in does not depend on how someone typed theirs. */
export function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email))
    throw badInput({ id: `"${raw}" bukan alamat e-mail.`, en: `"${raw}" is not an e-mail address.` });
  return email;
}

/** The password policy: a length range, and not the account's own NIP or e-mail. The password itself never appears in a message. */
export function checkPasswordPolicy(password: string, account: { nip: string; email: string }): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    throw badInput({
      id: `Kata sandi terlalu pendek: pakai paling sedikit ${PASSWORD_MIN_LENGTH} karakter.`,
      en: `The password is too short: use at least ${PASSWORD_MIN_LENGTH} characters.`,
    });
  if (length > PASSWORD_MAX_LENGTH)
    throw badInput({
      id: `Kata sandi terlalu panjang: pakai paling banyak ${PASSWORD_MAX_LENGTH} karakter.`,
      en: `The password is too long: use at most ${PASSWORD_MAX_LENGTH} characters.`,
    });
  const lowered = password.toLowerCase();
  // Either may be empty while the account's other fields are refused together.
  if ((account.nip && lowered.includes(account.nip)) || (account.email && [account.email, account.email.split('@')[0]].includes(lowered))) {
    throw badInput({
      id: 'Kata sandi tidak boleh sama dengan NIP atau alamat e-mail akun.',
      en: 'The password must not be the NIP or the e-mail address of the account.',
    });
  }
}

export const RANK_MAX_LENGTH = 80;

/** Pangkat/golongan as it is printed: trimmed, inner spaces folded; empty means none. */
export function optionalRank(raw: string | null | undefined): string | null {
  const rank = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (!rank) return null;
  if (rank.length > RANK_MAX_LENGTH) {
    throw badInput(
      {
        id: `Pangkat/golongan terlalu panjang; paling banyak ${RANK_MAX_LENGTH} karakter, misalnya "Pembina Utama Muda (IV/c)".`,
        en: `The rank is too long; at most ${RANK_MAX_LENGTH} characters, for example "Pembina Utama Muda (IV/c)".`,
      },
      {
        field: 'rank',
      },
    );
  }
  return rank;
}

export function checkRoles(roles: readonly Role[]): Role[] {
  const unique = [...new Set(roles)];
  if (!unique.length)
    throw badInput({
      id: 'Beri pengguna paling sedikit satu peran (STAFF, LEADER, CLERK atau ADMIN).',
      en: 'Give the user at least one role (STAFF, LEADER, CLERK or ADMIN).',
    });
  return unique;
}

/** Roles whose holders must sign in with a second factor (config MFA_REQUIRED_ROLES). */
export function mfaRequiredFor(roles: readonly string[], mfaRequiredRoles: readonly string[]): boolean {
  return roles.some((role) => mfaRequiredRoles.includes(role));
}

/**
 * A mobile number as WhatsApp takes it: digits in international form without '+'. Indonesian numbers may be
 * typed the usual way (0812-3456-7890, +62 812 …); spaces, dots, dashes and brackets are ignored.
 */
export function normalisePhone(raw: string): string {
  const compact = raw.trim().replace(/[\s.\-()]/g, '');
  const digits = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('0') ? `62${compact.slice(1)}` : compact;
  if (!/^[1-9]\d{7,14}$/.test(digits)) {
    throw badInput(
      {
        id: `"${raw}" bukan nomor telepon seluler yang dapat dipakai; tulis misalnya 0812 3456 7890 atau +62 812 3456 7890.`,
        en: `"${raw}" is not a usable mobile number; write for example 0812 3456 7890 or +62 812 3456 7890.`,
      },
      {
        field: 'phone',
      },
    );
  }
  return digits;
}
