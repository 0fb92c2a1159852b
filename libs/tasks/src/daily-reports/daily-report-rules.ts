import { parseClock } from '@gesit/calendar';
import { badInput, FieldChecks } from '@gesit/platform';

export const MIN_ACTIVITY_LENGTH = 10;
export const MAX_REPORT_MINUTES = 16 * 60;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export interface EntryTimes {
  startTime: string;
  endTime: string;
  activity: string;
}

export interface CheckedEntry {
  startTime: string;
  endTime: string;
  minutes: number;
  activity: string;
}

/**
 * The rules of a day's entries: HH:mm times, an end after its start, an activity of at least ten
 * characters, no two entries overlapping, at most 16 hours in all. Entries keep their order.
 */
export function checkEntries(entries: readonly EntryTimes[]): CheckedEntry[] {
  if (!entries.length)
    throw badInput(
      { id: 'Laporan harian memerlukan paling sedikit satu kegiatan.', en: 'A daily report needs at least one activity.' },
      { field: 'entries' },
    );
  // Every bad field of every entry is reported at once.
  const checks = new FieldChecks();
  const checked = entries.map((entry, i) => {
    const n = i + 1;
    let sound = true;
    for (const [field, value] of [
      ['startTime', entry.startTime],
      ['endTime', entry.endTime],
    ] as const) {
      if (!CLOCK.test(value ?? '')) {
        sound = false;
        checks.add(`entries.${i}.${field}`, {
          id: `Kegiatan ke-${n}: jam "${value}" harus berbentuk JJ:mm, misalnya 07:30.`,
          en: `Activity ${n}: the time "${value}" must be HH:mm, for example 07:30.`,
        });
      }
    }
    const start = sound ? parseClock(entry.startTime) : 0;
    const end = sound ? parseClock(entry.endTime) : 0;
    if (sound && end <= start)
      checks.add(`entries.${i}.endTime`, {
        id: `Kegiatan ke-${n}: jam selesai ${entry.endTime} harus setelah jam mulai ${entry.startTime}.`,
        en: `Activity ${n}: the end time ${entry.endTime} must be after the start time ${entry.startTime}.`,
      });
    const activity = (entry.activity ?? '').trim();
    if (activity.length < MIN_ACTIVITY_LENGTH)
      checks.add(`entries.${i}.activity`, {
        id: `Kegiatan ke-${n}: uraikan kegiatannya paling sedikit ${MIN_ACTIVITY_LENGTH} karakter.`,
        en: `Activity ${n}: describe the activity in at least ${MIN_ACTIVITY_LENGTH} characters.`,
      });
    if (activity.length > 2000)
      checks.add(`entries.${i}.activity`, {
        id: `Kegiatan ke-${n}: uraian paling banyak 2000 karakter.`,
        en: `Activity ${n}: the description has at most 2000 characters.`,
      });
    return { startTime: entry.startTime, endTime: entry.endTime, minutes: end - start, activity, start, end, n };
  });
  checks.done();
  const sorted = [...checked].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (cur.start < prev.end)
      throw badInput(
        {
          id: `Kegiatan ke-${cur.n} (${cur.startTime}–${cur.endTime}) bertumpang tindih dengan kegiatan ke-${prev.n} (${prev.startTime}–${prev.endTime}).`,
          en: `Activity ${cur.n} (${cur.startTime}–${cur.endTime}) overlaps activity ${prev.n} (${prev.startTime}–${prev.endTime}).`,
        },
        { field: 'entries' },
      );
  }
  const total = checked.reduce((sum, e) => sum + e.minutes, 0);
  if (total > MAX_REPORT_MINUTES)
    throw badInput(
      {
        id: `Jumlah waktu kegiatan ${formatMinutes(total)} melebihi batas ${MAX_REPORT_MINUTES / 60} jam sehari.`,
        en: `The activities total ${formatMinutes(total)}, over the limit of ${MAX_REPORT_MINUTES / 60} hours a day.`,
      },
      {
        field: 'entries',
      },
    );
  return checked.map(({ startTime, endTime, minutes, activity }) => ({ startTime, endTime, minutes, activity }));
}

/** "7 jam 30 menit". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} jam` : '', m ? `${m} menit` : ''].filter(Boolean).join(' ') || '0 menit';
}
