import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HolidayKind } from './calendar.entities';
import { parseHolidayDecree } from './holidays-import';

describe('parseHolidayDecree', () => {
  it('reads the 2026 decree: 17 national holidays and 8 days of cuti bersama', () => {
    const decree = parseHolidayDecree(readFileSync(join(__dirname, 'data', 'holidays-id-2026.json'), 'utf8'));
    expect(decree.year).toBe(2026);
    expect(decree.rows.filter((r) => r.kind === HolidayKind.NATIONAL)).toHaveLength(17);
    expect(decree.rows.filter((r) => r.kind === HolidayKind.COLLECTIVE_LEAVE)).toHaveLength(8);
    expect(decree.rows).toContainEqual({ date: '2026-08-17', name: 'Proklamasi Kemerdekaan', kind: HolidayKind.NATIONAL });
  });

  const valid = { source: 'SKB 2027', year: 2027, national: [{ date: '2027-01-01', name: 'Tahun Baru' }], collectiveLeave: [] };

  it.each([
    ['not JSON', '{', 'bukan JSON yang sah'],
    ['no year', JSON.stringify({ ...valid, year: undefined }), '"year"'],
    ['no source', JSON.stringify({ ...valid, source: '' }), '"source"'],
    [
      'a day of another year',
      JSON.stringify({ ...valid, national: [{ date: '2026-12-25', name: 'Natal' }] }),
      'tidak jatuh pada tahun 2027',
    ],
    ['an impossible day', JSON.stringify({ ...valid, national: [{ date: '2027-02-30', name: 'X' }] }), 'bukan hari yang ada di kalender'],
    ['a nameless day', JSON.stringify({ ...valid, collectiveLeave: [{ date: '2027-03-01' }] }), 'collectiveLeave[0]: "name" belum diisi'],
    ['no list', JSON.stringify({ ...valid, national: 'none' }), '"national" harus berupa daftar'],
  ])('refuses %s', (_case, json, message) => {
    expect(() => parseHolidayDecree(json)).toThrow(message);
  });
});
