import { badInput } from '@gesit/platform';

/** What an 18-digit NIP says: birth date, month of appointment (TMT CPNS), gender and a sequence number. */
export interface NipParts {
  nip: string;
  birthDate: string;
  appointedMonth: string;
  gender: 'MALE' | 'FEMALE';
  sequence: number;
}

const OLDEST_BIRTH_YEAR = 1940;
const YOUNGEST_AGE_AT_APPOINTMENT = 17;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks a NIP (spaces allowed, as it is often printed: "19720315 199803 1 004") and returns it as 18
 * digits with what it encodes. Throws BAD_USER_INPUT naming the part that is wrong.
 */
export function parseNip(raw: string, today = new Date()): NipParts {
  const nip = raw.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(nip))
    throw badInput({ id: `NIP "${raw}" harus terdiri atas tepat 18 angka.`, en: `NIP "${raw}" must have exactly 18 digits.` });
  const birthYear = +nip.slice(0, 4);
  const birthMonth = +nip.slice(4, 6);
  const birthDay = +nip.slice(6, 8);
  const thisYear = today.getUTCFullYear();
  if (
    !isCalendarDate(birthYear, birthMonth, birthDay) ||
    birthYear < OLDEST_BIRTH_YEAR ||
    birthYear > thisYear - YOUNGEST_AGE_AT_APPOINTMENT
  ) {
    throw badInput({
      id: `NIP ${nip}: 8 angka pertama harus tanggal lahir yang masuk akal (yyyymmdd); ${nip.slice(0, 8)} bukan.`,
      en: `NIP ${nip}: the first 8 digits must be a plausible birth date (yyyymmdd); ${nip.slice(0, 8)} is not.`,
    });
  }
  const appointedYear = +nip.slice(8, 12);
  const appointedMonth = +nip.slice(12, 14);
  if (
    appointedMonth < 1 ||
    appointedMonth > 12 ||
    appointedYear < birthYear + YOUNGEST_AGE_AT_APPOINTMENT ||
    appointedYear > thisYear + 1
  ) {
    throw badInput({
      id: `NIP ${nip}: angka ke-9 sampai ke-14 harus tahun dan bulan pengangkatan (yyyymm); ${nip.slice(8, 14)} bukan.`,
      en: `NIP ${nip}: digits 9 to 14 must be the year and month of appointment (yyyymm); ${nip.slice(8, 14)} is not.`,
    });
  }
  const genderDigit = nip[14];
  if (genderDigit !== '1' && genderDigit !== '2') {
    throw badInput({
      id: `NIP ${nip}: angka ke-15 menyatakan jenis kelamin dan harus 1 (laki-laki) atau 2 (perempuan), bukan ${genderDigit}.`,
      en: `NIP ${nip}: digit 15 gives the gender and must be 1 (male) or 2 (female), not ${genderDigit}.`,
    });
  }
  const sequence = +nip.slice(15);
  if (sequence === 0)
    throw badInput({
      id: `NIP ${nip}: 3 angka terakhir adalah nomor urut mulai 001.`,
      en: `NIP ${nip}: the last 3 digits are a sequence number from 001.`,
    });
  return {
    nip,
    birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    appointedMonth: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
    gender: genderDigit === '1' ? 'MALE' : 'FEMALE',
    sequence,
  };
}

/** True for something that can only be meant as a NIP (digits and spaces), as opposed to an e-mail address. */
export function looksLikeNip(identifier: string): boolean {
  return /^[\d\s]+$/.test(identifier.trim());
}
