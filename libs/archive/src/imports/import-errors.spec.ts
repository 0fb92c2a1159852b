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
});
