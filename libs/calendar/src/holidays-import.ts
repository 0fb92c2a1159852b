import { badInput } from '@gesit/platform';
import { HolidayKind } from './calendar.entities';

export interface HolidayRow {
  date: string;
  name: string;
  kind: HolidayKind.NATIONAL | HolidayKind.COLLECTIVE_LEAVE;
}

interface DecreeFile {
  source?: unknown;
  year?: unknown;
  national?: unknown;
  collectiveLeave?: unknown;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the holidays of one year in the shape of data/holidays-id-2026.json (the SKB of that year):
 * `{ source, year, national: [{date, name}], collectiveLeave: [{date, name}] }`. Throws BAD_USER_INPUT
 * naming the first problem.
 */
export function parseHolidayDecree(json: string): { year: number; source: string; rows: HolidayRow[] } {
  let data: DecreeFile;
  try {
    data = JSON.parse(json) as DecreeFile;
  } catch {
    throw badInput({ id: 'Berkas hari libur bukan JSON yang sah.', en: 'The holiday file is not valid JSON.' });
  }
  if (typeof data.year !== 'number' || !Number.isInteger(data.year))
    throw badInput({ id: 'Berkas hari libur memerlukan "year", misalnya 2027.', en: 'The holiday file needs "year", e.g. 2027.' });
  if (typeof data.source !== 'string' || !data.source.trim()) {
    throw badInput({
      id: 'Berkas hari libur memerlukan "source": SKB yang menjadi sumber tanggal-tanggalnya.',
      en: 'The holiday file needs "source": the decree (SKB) the dates come from.',
    });
  }
  const year = data.year;
  const rows: HolidayRow[] = [];
  const take = (list: unknown, kind: HolidayRow['kind'], field: string) => {
    if (!Array.isArray(list))
      throw badInput({ id: `"${field}" harus berupa daftar { date, name }.`, en: `"${field}" must be a list of { date, name }.` });
    list.forEach((entry: { date?: unknown; name?: unknown }, i) => {
      const where = `${field}[${i}]`;
      if (typeof entry?.date !== 'string' || !ISO_DATE.test(entry.date) || Number.isNaN(Date.parse(`${entry.date}T00:00:00Z`))) {
        throw badInput({
          id: `${where}: "date" harus berupa hari seperti ${year}-08-17.`,
          en: `${where}: "date" must be a day like ${year}-08-17.`,
        });
      }
      if (new Date(`${entry.date}T00:00:00Z`).toISOString().slice(0, 10) !== entry.date)
        throw badInput({
          id: `${where}: ${entry.date} bukan hari yang ada di kalender.`,
          en: `${where}: ${entry.date} is not a day of the calendar.`,
        });
      if (!entry.date.startsWith(`${year}-`))
        throw badInput({ id: `${where}: ${entry.date} tidak jatuh pada tahun ${year}.`, en: `${where}: ${entry.date} is not in ${year}.` });
      if (typeof entry.name !== 'string' || !entry.name.trim())
        throw badInput({ id: `${where}: "name" belum diisi.`, en: `${where}: "name" is missing.` });
      rows.push({ date: entry.date, name: entry.name.trim(), kind });
    });
  };
  take(data.national, HolidayKind.NATIONAL, 'national');
  take(data.collectiveLeave, HolidayKind.COLLECTIVE_LEAVE, 'collectiveLeave');
  return { year, source: data.source, rows };
}
