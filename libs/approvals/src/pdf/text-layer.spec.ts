import { findPlaceholders, parseBboxHtml } from './text-layer';

const html = `<doc>
  <page width="595.000000" height="842.000000">
    <word xMin="72.000000" yMin="74.000000" xMax="105.000000" yMax="84.000000">Nomor</word>
    <word xMin="114.000000" yMin="74.000000" xMax="158.000000" yMax="84.000000">\${nomor}</word>
  </page>
  <page width="595.000000" height="842.000000">
    <word xMin="350.000000" yMin="94.000000" xMax="410.000000" yMax="104.000000">\${tanggal},</word>
    <word xMin="350.000000" yMin="554.000000" xMax="375.000000" yMax="564.000000">\${ttd}</word>
    <word xMin="72.000000" yMin="600.000000" xMax="90.000000" yMax="610.000000">A&amp;B</word>
  </page>
</doc>`;

describe('the text layer of a draft', () => {
  it('turns pdftotext boxes into PDF user space, page by page', () => {
    const layer = parseBboxHtml(html);
    expect(layer.pages).toEqual([
      { width: 595, height: 842 },
      { width: 595, height: 842 },
    ]);
    expect(layer.words[0]).toEqual({ page: 0, text: 'Nomor', x1: 72, x2: 105, y1: 758, y2: 768 });
    expect(layer.words[4].text).toBe('A&B');
  });

  it('finds the three placeholders and covers only the placeholder of a word with punctuation', () => {
    const marks = findPlaceholders(parseBboxHtml(html));
    expect(marks.map((m) => [m.name, m.page])).toEqual([
      ['nomor', 0],
      ['tanggal', 1],
      ['ttd', 1],
    ]);
    const date = marks[1];
    expect(date.x1).toBe(350);
    expect(date.x2).toBeCloseTo(350 + (60 / 11) * 10);
  });

  it('finds nothing in a page without placeholders', () => {
    expect(
      findPlaceholders(parseBboxHtml('<page width="1" height="1"><word xMin="0" yMin="0" xMax="1" yMax="1">$nomor</word></page>')),
    ).toEqual([]);
  });
});
