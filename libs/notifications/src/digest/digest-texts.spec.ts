import { digestText, type DigestExample } from './digest-texts';

const example = (n: number, subject: string | null = `Hal ${n}`): DigestExample => ({
  hidden: false,
  letterNumber: `B/${n}/2026`,
  agendaNumber: null,
  subject,
  assigneeName: `Pegawai ${n}`,
  dueAt: new Date('2026-08-18T08:00:00Z'),
});

describe('digestText', () => {
  it('gives the counts, up to five examples per category and how many more there are', () => {
    const t = digestText({
      date: '2026-08-18',
      timeZone: 'Asia/Makassar',
      newSince: new Date('2026-08-13T23:00:00Z'),
      counts: { new: 0, dueToday: 7, overdue: 1 },
      examples: {
        new: [],
        dueToday: [1, 2, 3, 4, 5].map((n) => example(n)),
        overdue: [{ ...example(9, null), letterNumber: null, agendaNumber: 'AG-9' }],
      },
    });
    expect(t.kind).toBe('digest.daily');
    expect(t.title).toBe('Ringkasan harian disposisi, Selasa, 18 Agustus 2026');
    expect(t.body).toContain('Baru: 0 · Jatuh tempo hari ini: 7 · Terlambat: 1');
    expect(t.body).not.toContain('Baru (sejak');
    expect(t.body).toContain('- B/5/2026 perihal "Hal 5", kepada Pegawai 5, jatuh tempo 18 Agu 2026, 16.00 WITA');
    expect(t.body).toContain('- dan 2 lainnya');
    expect(t.body).toContain('- AG-9 (bersifat rahasia), kepada Pegawai 9');
  });

  it('names neither the number nor the holder of a classified letter the leader may not read', () => {
    const t = digestText({
      date: '2026-08-18',
      timeZone: 'Asia/Jakarta',
      newSince: new Date('2026-08-13T23:00:00Z'),
      counts: { new: 0, dueToday: 0, overdue: 1 },
      examples: {
        new: [],
        dueToday: [],
        overdue: [
          {
            hidden: true,
            letterNumber: null,
            agendaNumber: null,
            subject: null,
            assigneeName: null,
            dueAt: new Date('2026-08-18T08:00:00Z'),
          },
        ],
      },
    });
    expect(t.body).toContain('Terlambat: 1');
    expect(t.body).toContain('- surat bersifat rahasia (Anda tidak berhak membacanya), jatuh tempo 18 Agu 2026, 15.00 WIB');
    expect(t.body).not.toContain('membacanya), kepada');
  });
});
