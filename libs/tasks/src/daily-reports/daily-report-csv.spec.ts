import { csvField, dailyReportCsv } from './daily-report-csv';

describe('daily report CSV', () => {
  it.each([
    [null, ''],
    [42, '42'],
    ['Rapat koordinasi', 'Rapat koordinasi'],
    ['Rapat, lalu "notulen"', '"Rapat, lalu ""notulen"""'],
    ['baris\nkedua', '"baris\nkedua"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-1 laporan', "'-1 laporan"],
  ])('quotes %j as %j', (value, expected) => expect(csvField(value)).toBe(expected));

  it('starts with a BOM and a header, one CRLF line per entry', () => {
    const csv = dailyReportCsv([
      {
        date: '2026-11-27',
        nip: '198001012005011001',
        name: 'Siti Aminah',
        target: 'Laporan evaluasi SPBE',
        activity: 'Menyusun draf laporan',
        startTime: '07:30',
        endTime: '09:00',
        minutes: 90,
        output: 'Draf',
        quantity: 1,
        status: 'APPROVED',
      },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'tanggal,nip,nama,rencana_hasil_kerja,kegiatan,mulai,selesai,menit,keluaran,kuantitas,status',
      '2026-11-27,198001012005011001,Siti Aminah,Laporan evaluasi SPBE,Menyusun draf laporan,07:30,09:00,90,Draf,1,APPROVED',
      '',
    ]);
  });
});
