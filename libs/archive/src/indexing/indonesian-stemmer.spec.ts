import { queryStems, stemText, wordsMatching } from './indonesian-stemmer';

describe('Indonesian stemming', () => {
  it.each([
    ['musnah', 'pemusnahan'],
    ['musnah', 'dimusnahkan'],
    ['pemusnahan', 'dimusnahkan'],
    ['pegawai', 'kepegawaian'],
    ['nilai', 'dinilai'],
    ['nilai', 'penilaian'],
    ['menilai', 'penilaian'],
    ['berkas', 'pemberkasan'],
    ['arsip', 'diarsipkan'],
    ['putus', 'keputusan'],
    ['putus', 'memutuskan'],
    ['berkas', 'berkas-berkas'],
    ['surat', 'surat-menyurat'],
  ])('"%s" and "%s" share a stem', (a, b) => {
    expect(queryStems(a).some((s) => queryStems(b).includes(s))).toBe(true);
  });

  it.each([
    ['pegawai', 'anggaran'],
    ['nilai', 'pilih'],
    ['musnah', 'pindah'],
  ])('"%s" and "%s" do not', (a, b) => {
    expect(queryStems(a).some((s) => queryStems(b).includes(s))).toBe(false);
  });

  it('keeps numbers and folds accents and case', () => {
    expect(stemText('Pemusnahan Arsip 2026 Café')).toBe('musnah arsip 2026 cafe');
  });

  it('finds the surface forms a highlight marks', () => {
    expect(wordsMatching(['berita', 'acara', 'pemusnahan', 'arsip'], queryStems('dimusnahkan'))).toEqual(['pemusnahan']);
  });
});
