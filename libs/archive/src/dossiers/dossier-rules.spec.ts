import { codeFitsDossier, textOrNull } from './dossier-rules';

describe('codeFitsDossier', () => {
  it.each([
    ['000.1.2', '000.1.2', true],
    ['000.1.2.3', '000.1.2', true],
    ['000.1.23', '000.1.2', false],
    ['000.1', '000.1.2', false],
    ['800.1', '000.1', false],
  ])('%s in a dossier under %s: %s', (record, dossier, fits) => {
    expect(codeFitsDossier(record, dossier)).toBe(fits);
  });
});

describe('textOrNull', () => {
  it('trims and empties to null', () => {
    expect(textOrNull('  Rak 3  ', 'Lokasi', 10)).toBe('Rak 3');
    expect(textOrNull('   ', 'Lokasi', 10)).toBeNull();
    expect(textOrNull(undefined, 'Lokasi', 10)).toBeNull();
  });

  it('refuses text over the limit, naming the field', () => {
    expect(() => textOrNull('x'.repeat(11), 'Lokasi', 10)).toThrow('Lokasi terlalu panjang');
  });
});
