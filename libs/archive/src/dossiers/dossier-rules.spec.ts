import { codeFitsDossier, textOrNull } from './dossier-rules';

const LOCATION = { id: 'Lokasi', en: 'The location' };

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
    expect(textOrNull('  Rak 3  ', LOCATION, 10)).toBe('Rak 3');
    expect(textOrNull('   ', LOCATION, 10)).toBeNull();
    expect(textOrNull(undefined, LOCATION, 10)).toBeNull();
  });

  it('refuses text over the limit, naming the field', () => {
    expect(() => textOrNull('x'.repeat(11), LOCATION, 10)).toThrow(
      expect.objectContaining({
        text: { id: 'Lokasi terlalu panjang: paling banyak 10 karakter.', en: 'The location is too long: at most 10 characters.' },
      }),
    );
  });
});
