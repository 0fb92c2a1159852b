import { parseBody, parseRuns } from './letter-body';

const plain = (text: string) => ({ text, bold: false, italic: false });

describe('parseBody', () => {
  it('splits paragraphs at blank lines and joins the lines of one paragraph', () => {
    expect(parseBody('Dengan hormat,\n\nBersama ini kami\nsampaikan undangan.\r\n\r\nDemikian.')).toEqual([
      { kind: 'paragraph', runs: [plain('Dengan hormat,')] },
      { kind: 'paragraph', runs: [plain('Bersama ini kami sampaikan undangan.')] },
      { kind: 'paragraph', runs: [plain('Demikian.')] },
    ]);
  });

  it.each([
    ['numbered', '1. hari: Senin;\n2. tempat: Aula\n   lantai 2.', ['1.', '2.'], ['hari: Senin;', 'tempat: Aula lantai 2.']],
    ['lettered', 'a. satu\nb) dua', ['a.', 'b)'], ['satu', 'dua']],
    ['bulleted', '- satu\n* dua', ['•', '•'], ['satu', 'dua']],
  ])('reads %s list items with their markers', (_, body, markers, texts) => {
    const blocks = parseBody(body);
    expect(blocks.map((b) => (b.kind === 'item' ? b.marker : null))).toEqual(markers);
    expect(blocks.map((b) => b.runs.map((r) => r.text).join(''))).toEqual(texts);
  });

  it('keeps a paragraph before a list apart from its items', () => {
    expect(parseBody('Acara:\n1. Pembukaan').map((b) => b.kind)).toEqual(['paragraph', 'item']);
  });
});

describe('parseRuns', () => {
  it.each([
    ['no markup', 'Rapat koordinasi', [plain('Rapat koordinasi')]],
    [
      'bold',
      'pada **Senin, 7 Desember 2026** pukul',
      [plain('pada '), { text: 'Senin, 7 Desember 2026', bold: true, italic: false }, plain(' pukul')],
    ],
    ['italic', 'secara _daring_.', [plain('secara '), { text: 'daring', bold: false, italic: true }, plain('.')]],
    [
      'italic inside bold',
      '**rapat _hybrid_**',
      [
        { text: 'rapat ', bold: true, italic: false },
        { text: 'hybrid', bold: true, italic: true },
      ],
    ],
    [
      'underscores inside words',
      'surel tata_usaha@sleman.go.id dan snake_case_name',
      [plain('surel tata_usaha@sleman.go.id dan snake_case_name')],
    ],
    ['an unclosed marker', 'harga **naik', [plain('harga **naik')]],
  ])('reads %s', (_, text, runs) => {
    expect(parseRuns(text)).toEqual(runs);
  });
});
