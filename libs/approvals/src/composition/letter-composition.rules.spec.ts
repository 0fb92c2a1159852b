import { Urgency } from '@gesit/calendar';
import { contentSha256, letterNature, normaliseContent, normaliseTemplate } from './letter-composition.rules';
import { PaperSize } from './letter-template.entity';

const content = { templateId: 't', addressee: ' Kepala BKD ', body: 'Dengan hormat,\r\n\r\nIsi.', carbonCopies: [' Bupati ', ''] };

describe('composed content', () => {
  it('trims, keeps paragraphs and drops empty tembusan lines', () => {
    expect(normaliseContent(content)).toEqual({
      templateId: 't',
      attachmentsNote: null,
      addressee: 'Kepala BKD',
      addresseePlace: null,
      body: 'Dengan hormat,\n\nIsi.',
      carbonCopies: ['Bupati'],
    });
  });

  it.each([
    ['an empty addressee', { addressee: '  ' }, /Tujuan surat \(Yth\.\) belum diisi/],
    ['an empty body', { body: '' }, /Isi surat belum diisi/],
    ['too many tembusan', { carbonCopies: Array.from({ length: 21 }, (_, i) => `Pejabat ${i}`) }, /paling banyak 20/],
    ['a long Lampiran', { attachmentsNote: 'x'.repeat(201) }, /Lampiran terlalu panjang/],
  ])('refuses %s in Indonesian, naming the field', (_, change, message) => {
    expect(() => normaliseContent({ ...content, ...change })).toThrow(message);
  });

  it('hashes the same content the same way, and different content differently', () => {
    const a = normaliseContent(content);
    expect(contentSha256(a)).toBe(contentSha256({ ...a }));
    expect(contentSha256({ ...a, body: 'Lain.' })).not.toBe(contentSha256(a));
  });
});

describe('letter templates', () => {
  const template = { unitId: 'u', name: 'Kop dinas', letterheadLines: ['PEMERINTAH KABUPATEN SLEMAN', ' '], place: 'Sleman' };
  it('defaults to A4 and drops blank letterhead lines', () => {
    expect(normaliseTemplate(template)).toMatchObject({
      letterheadLines: ['PEMERINTAH KABUPATEN SLEMAN'],
      paperSize: PaperSize.A4,
      logoFileId: null,
    });
  });
  it.each([
    ['no letterhead', { letterheadLines: [] }, /Kop surat perlu 1 sampai 6 baris/],
    ['seven letterhead lines', { letterheadLines: Array.from({ length: 7 }, () => 'baris') }, /Kop surat/],
    ['no place', { place: '' }, /Tempat penandatanganan belum diisi/],
  ])('refuses %s', (_, change, message) => {
    expect(() => normaliseTemplate({ ...template, ...change })).toThrow(message);
  });
});

describe('letterNature', () => {
  it.each([
    [Urgency.NORMAL, 'Biasa'],
    [Urgency.URGENT, 'Segera'],
    [Urgency.VERY_URGENT, 'Sangat Segera'],
  ])('prints %s as %s', (urgency, nature) => {
    expect(letterNature(urgency)).toBe(nature);
  });
});
