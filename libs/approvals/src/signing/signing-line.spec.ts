import { DelegationKind } from '@gesit/identity';
import { printedDate, signingLine } from './signing-line';

describe('signingLine', () => {
  it('names the delegation and the official’s position, or nothing', () => {
    expect(signingLine(DelegationKind.PLH, 'Kepala Dinas')).toBe('Plh. Kepala Dinas');
    expect(signingLine(DelegationKind.PLT, 'Kepala Dinas')).toBe('Plt. Kepala Dinas');
    expect(signingLine(null, 'Kepala Dinas')).toBeUndefined();
  });

  it('signs in the name of an official above with a.n.', () => {
    expect(signingLine(null, null, 'Kepala Dinas')).toBe('a.n. Kepala Dinas');
    expect(signingLine(DelegationKind.PLH, 'Sekretaris', 'Kepala Dinas')).toBe('a.n. Kepala Dinas, Plh. Sekretaris');
  });

  it('prints dates in Indonesian, in the office zone', () => {
    expect(printedDate(new Date('2026-11-26T18:30:00Z'), 'Asia/Jakarta')).toBe('27 November 2026');
    expect(printedDate(new Date('2026-11-26T16:30:00Z'), 'Asia/Jakarta')).toBe('26 November 2026');
  });
});
