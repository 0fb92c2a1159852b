// Dates and numbers as Indonesian offices write them: "30 November 2026, 14.05 WIB".

export type Lang = 'id' | 'en';

const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

const locale = (lang: Lang): string => (lang === 'id' ? 'id-ID' : 'en-GB');

function parts(date: Date, lang: Lang, timeZone: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat(locale(lang), { timeZone, ...options }).formatToParts(date)) out[part.type] = part.value;
  return out;
}

/** "30 November 2026, 14.05 WIB" (English: "30 November 2026, 14:05 WIB"); the zone is the unit's. */
export function formatDateTime(iso: string | null | undefined, lang: Lang, timeZone = 'Asia/Jakarta'): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const p = parts(date, lang, timeZone, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const zone = ZONE_NAMES[timeZone] ?? timeZone;
  return `${p.day} ${p.month} ${p.year}, ${p.hour}${lang === 'id' ? '.' : ':'}${p.minute} ${zone}`;
}

/** A calendar date ("2026-11-27") as "27 November 2026". */
export function formatDate(value: string | null | undefined, lang: Lang): string {
  if (!value) return '—';
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const p = parts(new Date(Date.UTC(y, m - 1, d, 12)), lang, 'UTC', { day: 'numeric', month: 'long', year: 'numeric' });
  return `${p.day} ${p.month} ${p.year}`;
}

/** Working hours with one decimal, Indonesian style ("3,5 jam kerja"). */
export function formatWorkingHours(hours: number | null | undefined, lang: Lang): string {
  if (hours === null || hours === undefined) return '—';
  const n = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(hours);
  return lang === 'id' ? `${n} jam kerja` : `${n} working hours`;
}

/** A share as a percentage ("87,5%"). */
export function formatPercent(rate: number | null | undefined, lang: Lang): string {
  if (rate === null || rate === undefined) return '—';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** The zone's short name (WIB, WITA, WIT). */
export const zoneName = (timeZone: string): string => ZONE_NAMES[timeZone] ?? timeZone;

// Indonesia keeps no daylight saving time: each zone has one fixed offset.
const ZONE_OFFSETS: Record<string, string> = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };

/** The instant a calendar day ("2026-11-30") starts in the unit's zone. */
export function startOfDayIn(date: string, timeZone = 'Asia/Jakarta'): string {
  return new Date(`${date}T00:00:00${ZONE_OFFSETS[timeZone] ?? '+07:00'}`).toISOString();
}

/** The calendar date ("2026-11-30") in the unit's zone, `days` from today; with `firstOfMonth`, that month's first day. */
export function dateIn(timeZone = 'Asia/Jakarta', days = 0, firstOfMonth = false, now = new Date()): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(now.getTime() + days * 86_400_000),
  );
  return firstOfMonth ? `${date.slice(0, 8)}01` : date;
}
