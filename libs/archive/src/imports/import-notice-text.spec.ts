import { ImportStatus } from '../archive.enums';
import { importFinishedText } from './import-notice-text';

describe('importFinishedText', () => {
  const base = { manifest: 'daftar.csv', total: 10, processed: 10, skipped: 1, failed: 2, firstError: null, dryRun: false };

  it('gives the counts of a finished import', () => {
    expect(importFinishedText({ ...base, status: ImportStatus.DONE })).toEqual({
      title: 'Impor arsip daftar.csv selesai',
      body: '7 arsip diimpor, 1 dilewati karena sudah ada, 2 gagal, dari 10 baris manifes.',
      titleEn: 'Archive import daftar.csv finished',
      bodyEn: '7 records imported, 1 skipped as already there, 2 failed, of 10 manifest rows.',
    });
  });

  it('says a dry run was a check, and names the first problem of a failed one', () => {
    expect(importFinishedText({ ...base, status: ImportStatus.VALIDATED, dryRun: true }).body).toBe(
      '10 baris manifes diperiksa: 8 siap diimpor, 2 bermasalah.',
    );
    expect(
      importFinishedText({ ...base, status: ImportStatus.FAILED, firstError: { id: 'ZIP rusak.', en: 'The ZIP is damaged.' } }),
    ).toMatchObject({
      title: 'Impor arsip daftar.csv gagal',
      body: expect.stringContaining('Masalah pertama: ZIP rusak.'),
    });
  });
});
