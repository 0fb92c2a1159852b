import type { ManifestRow } from './manifest';
import { type ImportCounts, tally } from './import-runner.service';

const row = (line: number) => ({ line, file: `scan/${line}.pdf` }) as ManifestRow;
const archived = { id: 'Baris 6: scan/6.pdf sudah diarsipkan.', en: 'Row 6: scan/6.pdf is already archived.' };

describe("an import batch's counts", () => {
  it('counts every row handled, the skipped ones and the failed ones with their messages, onto what came before', () => {
    const counts: ImportCounts = { processed: 2, failed: 2, skipped: 0 };
    const errors = [{ row: 3, message: 'Baris 3: tanggal salah.' }];
    tally(
      [
        { row: row(4), outcome: 'ok' },
        { row: row(5), outcome: 'skipped' },
        { row: row(6), outcome: archived },
        { row: row(7), outcome: 'ok' },
      ],
      counts,
      errors,
    );
    expect(counts).toEqual({ processed: 6, failed: 3, skipped: 1 });
    expect(errors).toEqual([
      { row: 3, message: 'Baris 3: tanggal salah.' },
      { row: 6, message: archived },
    ]);
  });
});
