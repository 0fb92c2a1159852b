import { AppError } from '@gesit/platform';
import { checkEntries, formatMinutes } from './daily-report-rules';

const entry = (startTime: string, endTime: string, activity = 'Menyusun laporan evaluasi') => ({ startTime, endTime, activity });

describe('daily report entries', () => {
  it('names every bad field of every entry at once', () => {
    let refusal: AppError | undefined;
    try {
      checkEntries([entry('7:30', '09:00'), entry('10:00', '09:00', 'Rapat')]);
    } catch (error) {
      refusal = error as AppError;
    }
    expect(refusal?.details?.fields).toEqual([
      { field: 'entries.0.startTime', message: expect.objectContaining({ id: expect.stringMatching(/^Kegiatan ke-1: jam "7:30"/) }) },
      { field: 'entries.1.endTime', message: expect.objectContaining({ en: expect.stringMatching(/^Activity 2: the end time 09:00/) }) },
      { field: 'entries.1.activity', message: expect.objectContaining({ id: expect.stringMatching(/paling sedikit 10 karakter/) }) },
    ]);
    expect(refusal?.message).toMatch(/^Ada 3 isian yang perlu diperbaiki\./);
  });

  it('gives each entry its minutes', () => {
    expect(checkEntries([entry('07:30', '09:00'), entry('09:00', '12:15')]).map((e) => e.minutes)).toEqual([90, 195]);
  });

  it.each([
    ['no entries', [], /paling sedikit satu kegiatan/],
    ['a malformed time', [entry('7:30', '09:00')], /JJ:mm/],
    ['an end before its start', [entry('10:00', '09:00')], /jam selesai 09:00 harus setelah jam mulai 10:00/],
    ['an end equal to its start', [entry('10:00', '10:00')], /harus setelah/],
    ['a short activity', [entry('07:30', '08:00', 'Rapat')], /paling sedikit 10 karakter/],
    [
      'overlapping entries',
      [entry('08:00', '10:00'), entry('09:30', '11:00')],
      /ke-2 \(09:30–11:00\) bertumpang tindih dengan kegiatan ke-1/,
    ],
    ['overlap out of order', [entry('09:30', '11:00'), entry('08:00', '10:00')], /ke-1 .* bertumpang tindih dengan kegiatan ke-2/],
    ['more than 16 hours', [entry('00:00', '10:00'), entry('10:00', '16:30')], /16 jam 30 menit melebihi batas 16 jam/],
  ])('refuses %s', (_, entries, message) => {
    let caught: unknown;
    try {
      checkEntries(entries);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('BAD_USER_INPUT');
    expect((caught as AppError).message).toMatch(message);
  });

  it('accepts exactly 16 hours', () => {
    expect(checkEntries([entry('06:00', '22:00')])[0].minutes).toBe(960);
  });

  it.each([
    [0, '0 menit'],
    [45, '45 menit'],
    [120, '2 jam'],
    [990, '16 jam 30 menit'],
  ])('formats %p minutes as %s', (m, text) => expect(formatMinutes(m)).toBe(text));
});
