import { hasTextLayer, splitPages } from './ocr-tools';

describe('OCR output', () => {
  it('splits pages at form feeds and drops the empty tail', () => {
    expect(splitPages('Halaman satu  \nbaris\fHalaman dua\f')).toEqual(['Halaman satu\nbaris', 'Halaman dua']);
    expect(splitPages('')).toEqual(['']);
  });

  it.each([
    [['Surat undangan rapat koordinasi pegawai'], true],
    [['Surat undangan rapat koordinasi pegawai', '  '], false],
    [['12/34 5'], false],
    [[], false],
  ])('text layer of %j is enough: %s', (pages, expected) => {
    expect(hasTextLayer(pages)).toBe(expected);
  });
});
