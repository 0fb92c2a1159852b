import { safeFilename, sniffContentType } from './content-sniffing';

const bytes = (...b: number[]) => Buffer.from(b);

describe('sniffContentType', () => {
  it.each([
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ'), 'surat.pdf', 'application/pdf'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), 'scan.png', 'image/png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'scan.jpg', 'image/jpeg'],
    ['TIFF (Intel)', bytes(0x49, 0x49, 0x2a, 0x00, 8, 0), 'scan.tif', 'image/tiff'],
    ['TIFF (Motorola)', bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 8), 'scan.tiff', 'image/tiff'],
    ['ZIP', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0), 'arsip.zip', 'application/zip'],
    ['PDF under a misleading name', Buffer.from('%PDF-1.4'), 'foto.png', 'application/pdf'],
    ['CSV by name', Buffer.from('file,title,code\nsurat1.pdf,Undangan,000.1\n'), 'manifest.csv', 'text/csv'],
    ['CSV with semicolons by type', Buffer.from('berkas;judul\na.pdf;Nota Dinas\n'), 'manifest', 'text/csv'],
  ])('recognises %s', (_case, head, filename, expected) => {
    expect(sniffContentType(head, { filename, mimetype: filename.endsWith('manifest') ? 'text/csv' : undefined }, true)).toBe(expected);
  });

  it.each([
    ['a Windows executable named .pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), 'surat.pdf'],
    ['an ELF binary named .csv', bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1), 'data.csv'],
    ['a shell script named .csv', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'data.csv'],
    ['text not called CSV', Buffer.from('a,b,c\n1,2,3\n'), 'notes.txt'],
    ['CSV-named binary', bytes(0x00, 0x01, 0x02, 0x2c), 'data.csv'],
    ['an HTML page', Buffer.from('<!doctype html><script>alert(1)</script>'), 'surat.pdf'],
    ['an empty file', Buffer.alloc(0), 'kosong.pdf'],
  ])('refuses %s', (_case, head, filename) => {
    expect(sniffContentType(head, { filename }, true)).toBeNull();
  });

  it('tolerates a UTF-8 character cut at the end of an incomplete sample', () => {
    const head = Buffer.from('nama,kota\nBudi,Bandung\nSiti,Makassar é');
    expect(sniffContentType(head.subarray(0, head.length - 1), { filename: 'a.csv' }, false)).toBe('text/csv');
  });
});

describe('safeFilename', () => {
  it.each([
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['C:\\Users\\budi\\Surat Undangan.pdf', 'application/pdf', 'Surat Undangan.pdf'],
    ['scan.exe', 'image/png', 'scan.png'],
    ['', 'application/zip', 'berkas.zip'],
    ['a"b\u0007c.csv', 'text/csv', 'abc.csv'],
  ] as const)('%s -> %s', (original, type, expected) => {
    expect(safeFilename(original, type)).toBe(expected);
  });

  it('keeps names short', () => {
    expect(safeFilename(`${'x'.repeat(500)}.pdf`, 'application/pdf').length).toBeLessThanOrEqual(204);
  });
});
