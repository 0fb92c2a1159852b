import { entryProblem } from './zip-bundle';

const entry = { name: 'scan/a.pdf', encrypted: false, compressedSize: 1000, uncompressedSize: 5000 };

describe('entryProblem', () => {
  it('accepts an ordinary entry', () => {
    expect(entryProblem(entry)).toBeNull();
  });

  it.each([
    [{ ...entry, name: '../../etc/passwd' }, 'ke luar folder', 'points outside'],
    [{ ...entry, name: 'scan/../../x.pdf' }, 'ke luar folder', 'points outside'],
    [{ ...entry, name: 'scan\\x.pdf' }, 'ke luar folder', 'points outside'],
    [{ ...entry, name: '/etc/passwd' }, 'path absolut', 'absolute path'],
    [{ ...entry, name: 'C:/x.pdf' }, 'path absolut', 'absolute path'],
    [{ ...entry, encrypted: true }, 'terenkripsi', 'is encrypted'],
    [{ ...entry, compressedSize: 100, uncompressedSize: 10_001 }, 'bom ZIP', 'a ZIP bomb'],
    [{ ...entry, compressedSize: 0, uncompressedSize: 1 }, 'bom ZIP', 'a ZIP bomb'],
  ])('refuses %j', (facts, message, english) => {
    expect(entryProblem(facts)?.id).toContain(message);
    expect(entryProblem(facts)?.en).toContain(english);
  });

  it('allows a ratio of exactly 100', () => {
    expect(entryProblem({ ...entry, compressedSize: 100, uncompressedSize: 10_000 })).toBeNull();
  });
});
