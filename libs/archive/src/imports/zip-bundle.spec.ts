import { entryProblem } from './zip-bundle';

const entry = { name: 'scan/a.pdf', encrypted: false, compressedSize: 1000, uncompressedSize: 5000 };

describe('entryProblem', () => {
  it('accepts an ordinary entry', () => {
    expect(entryProblem(entry)).toBeNull();
  });

  it.each([
    [{ ...entry, name: '../../etc/passwd' }, 'ke luar folder'],
    [{ ...entry, name: 'scan/../../x.pdf' }, 'ke luar folder'],
    [{ ...entry, name: 'scan\\x.pdf' }, 'ke luar folder'],
    [{ ...entry, name: '/etc/passwd' }, 'path absolut'],
    [{ ...entry, name: 'C:/x.pdf' }, 'path absolut'],
    [{ ...entry, encrypted: true }, 'terenkripsi'],
    [{ ...entry, compressedSize: 100, uncompressedSize: 10_001 }, 'bom ZIP'],
    [{ ...entry, compressedSize: 0, uncompressedSize: 1 }, 'bom ZIP'],
  ])('refuses %j', (facts, message) => {
    expect(entryProblem(facts)).toContain(message);
  });

  it('allows a ratio of exactly 100', () => {
    expect(entryProblem({ ...entry, compressedSize: 100, uncompressedSize: 10_000 })).toBeNull();
  });
});
