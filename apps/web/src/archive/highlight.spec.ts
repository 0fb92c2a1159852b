import { highlightParts } from './highlight';

describe('highlightParts', () => {
  it.each([
    [
      'rapat <mark>pemusnahan</mark> arsip',
      [
        { text: 'rapat ', mark: false },
        { text: 'pemusnahan', mark: true },
        { text: ' arsip', mark: false },
      ],
    ],
    [
      '<mark>musnah</mark><mark>kan</mark>',
      [
        { text: 'musnah', mark: true },
        { text: 'kan', mark: true },
      ],
    ],
    [
      '<script>alert(1)</script> <mark>arsip</mark>',
      [
        { text: '<script>alert(1)</script> ', mark: false },
        { text: 'arsip', mark: true },
      ],
    ],
    ['tanpa sorotan', [{ text: 'tanpa sorotan', mark: false }]],
  ])('%s', (snippet, parts) => {
    expect(highlightParts(snippet)).toEqual(parts);
  });
});
