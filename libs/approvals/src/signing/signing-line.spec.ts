import { DelegationKind } from '@gesit/identity';
import { positionLines, printedDate, signedFooter } from './signing-line';

describe('printedDate', () => {
  it('prints dates in Indonesian, in the office zone', () => {
    expect(printedDate(new Date('2026-11-26T18:30:00Z'), 'Asia/Jakarta')).toBe('27 November 2026');
    expect(printedDate(new Date('2026-11-26T16:30:00Z'), 'Asia/Jakarta')).toBe('26 November 2026');
  });
});

describe('positionLines', () => {
  it.each([
    ['in person', null, null, null, ['Kepala Dinas']],
    ['a.n. an official above', null, null, 'Kepala Dinas', ['a.n. Kepala Dinas', 'Sekretaris']],
    ['as Plh.', DelegationKind.PLH, 'Kepala Dinas', null, ['Plh. Kepala Dinas']],
    ['as Plt.', DelegationKind.PLT, 'Kepala Dinas', null, ['Plt. Kepala Dinas']],
    [
      'as Plh. of the official, a.n. the one above',
      DelegationKind.PLH,
      'Sekretaris',
      'Kepala Dinas',
      ['a.n. Kepala Dinas', 'Plh. Sekretaris'],
    ],
  ])('prints a signer %s', (_, delegation, official, onBehalfOf, lines) => {
    const own = delegation || onBehalfOf ? 'Sekretaris' : 'Kepala Dinas';
    expect(positionLines(delegation, official, onBehalfOf, own)).toEqual(lines);
  });
});

describe('signedFooter', () => {
  it('says in Indonesian that the letter is signed electronically and where to check it', () => {
    const footer = signedFooter('https://gesit.example/verify/ABC', 'local-p12');
    expect(footer).toMatch(/^Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik\./);
    expect(footer).toContain('https://gesit.example/verify/ABC');
    expect(signedFooter('u', 'bsre')).toContain('BSrE');
  });
});
