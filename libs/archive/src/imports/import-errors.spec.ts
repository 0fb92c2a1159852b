import { errorsCsv } from './import-errors';

describe('errorsCsv', () => {
  it('writes one line per error, quoting what needs it and defusing formulas', () => {
    expect(
      errorsCsv([
        { row: 2, message: 'Baris 2: kolom title (uraian) kosong.' },
        { row: 3, message: 'Berkas "a,b.pdf" tidak ada' },
        { row: 0, message: '=HYPERLINK("x")' },
      ]),
    ).toBe('baris,pesan\r\n2,Baris 2: kolom title (uraian) kosong.\r\n3,"Berkas ""a,b.pdf"" tidak ada"\r\n0,"\'=HYPERLINK(""x"")"\r\n');
  });

  it('writes in English when asked, and keeps an error recorded in Indonesian alone as it was', () => {
    const errors = [
      { row: 2, message: { id: 'Baris 2: kolom title (uraian) kosong.', en: 'Row 2: column title (uraian) is empty.' } },
      { row: 5, message: 'Baris 5: berkas a.pdf tidak ada di dalam ZIP.' },
    ];
    expect(errorsCsv(errors, 'en')).toBe(
      'row,message\r\n2,Row 2: column title (uraian) is empty.\r\n5,Baris 5: berkas a.pdf tidak ada di dalam ZIP.\r\n',
    );
    expect(errorsCsv(errors)).toBe(
      'baris,pesan\r\n2,Baris 2: kolom title (uraian) kosong.\r\n5,Baris 5: berkas a.pdf tidak ada di dalam ZIP.\r\n',
    );
  });
});
