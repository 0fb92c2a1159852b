import { isCalendarDate, ManifestRefused, parseManifest } from './manifest';

const TODAY = '2026-11-30';
const csv = (text: string) => Buffer.from(text, 'utf8');

describe('parseManifest', () => {
  it('reads English headers with commas and fills the defaults', () => {
    const { rows, problems } = parseManifest(
      csv('file,classification_code,title,document_date\nscan/a.pdf,000.1.1,Surat A,2026-01-02\n'),
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        file: 'scan/a.pdf',
        classificationCode: '000.1.1',
        title: 'Surat A',
        documentDate: '2026-01-02',
        dossierNumber: null,
        securityLevel: 'PUBLIC',
        originality: 'ORIGINAL',
        physicalLocation: null,
        description: null,
      },
    ]);
  });

  it('reads Indonesian headers, semicolons, a BOM and Indonesian values', () => {
    const text =
      '\uFEFFBerkas;Kode Klasifikasi;Uraian;Tanggal;Nomor Berkas;Tingkat Keamanan;Tingkat Perkembangan;Lokasi Simpan;Keterangan\n' +
      'b.png;800.2;SK kenaikan pangkat;2025-04-01;B-12;rahasia;salinan;Rak 2;Asli di BKD\n';
    const { rows } = parseManifest(csv(text), TODAY);
    expect(rows[0]).toMatchObject({
      file: 'b.png',
      classificationCode: '800.2',
      dossierNumber: 'B-12',
      securityLevel: 'CONFIDENTIAL',
      originality: 'COPY',
      physicalLocation: 'Rak 2',
      description: 'Asli di BKD',
    });
  });

  it.each([
    ['a.pdf,000.1.1,,2026-01-02', 'title (uraian) kosong', 'Row 2: column title (uraian) is empty.'],
    ['a.pdf,000.1.1,Judul,2026-02-30', 'bukan tanggal YYYY-MM-DD', 'Row 2: date "2026-02-30" is not a valid YYYY-MM-DD date.'],
    ['a.pdf,000.1.1,Judul,02/01/2026', 'bukan tanggal YYYY-MM-DD', 'is not a valid YYYY-MM-DD date'],
    ['a.pdf,000.1.1,Judul,2027-01-01', 'masa depan', 'Row 2: date 2027-01-01 lies in the future.'],
    [
      'a.pdf,000.1.1,Judul,2026-01-02,rahasia sekali',
      'tingkat keamanan "rahasia sekali" tidak dikenal',
      'security level "rahasia sekali" is unknown',
    ],
  ])('reports row %s: %s', (row, message, english) => {
    const header = 'file,classification_code,title,document_date,security_level\n';
    const { rows, problems } = parseManifest(csv(`${header}${row}\n`), TODAY);
    expect(rows).toEqual([]);
    expect(problems[0][0]).toBe(2);
    expect(problems[0][1].id).toContain(message);
    expect(problems[0][1].en).toContain(english);
  });

  it.each([
    [Buffer.from([0x66, 0x69, 0x6c, 0x65, 0x0a, 0xe9, 0x0a]), 'bukan teks UTF-8'],
    [csv(''), 'kosong'],
    [csv('file,title\na.pdf,Judul\n'), 'classification_code (kode_klasifikasi), document_date (tanggal)'],
  ])('refuses the whole manifest (%#)', (bytes, message) => {
    expect(() => parseManifest(bytes, TODAY)).toThrow(ManifestRefused);
    expect(() => parseManifest(bytes, TODAY)).toThrow(message);
  });

  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
  ])('%s is a calendar date: %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});
