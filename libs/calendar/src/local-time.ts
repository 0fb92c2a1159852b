import { zoneAbbreviation } from '@gesit/organisation';

// Building an Intl.DateTimeFormat costs far more than formatting with one: one per zone and language, kept.
const formats = new Map<string, Intl.DateTimeFormat>();

/** An instant as a person in that zone reads it, with the Indonesian zone name: '18 Agu 2026, 14.30 WIT' ('18 Aug 2026, 14:30 WIT' in English). */
export function localTime(at: Date, timeZone: string, language: 'id' | 'en' = 'id'): string {
  const key = `${language} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    formats.set(key, format);
  }
  return `${format.format(at)} ${zoneAbbreviation(timeZone)}`;
}

/** Calendar year of an instant in a time zone (numbers follow the office's own year). */
export function yearIn(at: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(at));
}

export function monthIn(at: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone, month: 'numeric' }).format(at));
}
