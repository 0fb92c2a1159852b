import { badInput, type Message } from '@gesit/platform';

/** WIB, WITA and WIT: the zones Indonesian offices work in. */
export const INDONESIAN_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type IndonesianTimeZone = (typeof INDONESIAN_TIME_ZONES)[number];

export const DEFAULT_TIME_ZONE: IndonesianTimeZone = 'Asia/Jakarta';

const ZONE_ABBREVIATIONS: Record<IndonesianTimeZone, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** WIB, WITA or WIT as printed after a time; other zones by their IANA name. */
export function zoneAbbreviation(timeZone: string): string {
  return ZONE_ABBREVIATIONS[timeZone as IndonesianTimeZone] ?? timeZone;
}

const UNIT_CODE = /^[A-Z0-9][A-Z0-9._-]{0,31}$/;

/** Unit codes are compared in upper case, so "diskominfo" and "DISKOMINFO" are one code. */
export function normaliseUnitCode(code: string): string {
  const normalised = code.trim().toUpperCase();
  if (!UNIT_CODE.test(normalised)) {
    throw badInput({
      id: `Kode unit "${code}" tidak sah: pakai 1 sampai 32 huruf, angka, titik, tanda hubung atau garis bawah, diawali huruf atau angka.`,
      en: `Unit code "${code}" is not valid: use 1 to 32 letters, digits, dots, hyphens or underscores, starting with a letter or digit.`,
    });
  }
  return normalised;
}

/** The zone asked for, else the parent's, else WIB. */
export function resolveTimeZone(given: string | null | undefined, parentZone: string | null): IndonesianTimeZone {
  if (given === null || given === undefined || given.trim() === '') return (parentZone as IndonesianTimeZone | null) ?? DEFAULT_TIME_ZONE;
  const zone = INDONESIAN_TIME_ZONES.find((z) => z === given.trim());
  if (!zone)
    throw badInput({
      id: `Zona waktu "${given}" bukan salah satu dari ${INDONESIAN_TIME_ZONES.join(', ')} (WIB, WITA, WIT).`,
      en: `Time zone "${given}" is not one of ${INDONESIAN_TIME_ZONES.join(', ')} (WIB, WITA, WIT).`,
    });
  return zone;
}

export function requireName(value: string, what: Message, max = 200): string {
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw badInput({ id: `${what.id} wajib diisi.`, en: `${what.en} must not be empty.` });
  if (trimmed.length > max)
    throw badInput({
      id: `${what.id} terlalu panjang: paling banyak ${max} karakter.`,
      en: `${what.en} is too long: at most ${max} characters.`,
    });
  return trimmed;
}
