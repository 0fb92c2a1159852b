import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Which folder of a library imports which other folder (relative imports of product code only). */
function folderImports(root: string): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  const folderOf = (file: string) => relative(root, file).split(sep)[0];
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f.includes(sep))
    .map((f) => join(root, f));
  for (const file of files) {
    for (const [, target] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const to = resolve(dirname(file), target);
      if (!to.startsWith(root + sep) || !relative(root, to).includes(sep)) continue;
      const [a, b] = [folderOf(file), folderOf(to)];
      if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
  }
  return edges;
}

const libs = resolve(__dirname, '../../../libs');

describe.each(readdirSync(libs).map((lib) => [lib]))('folders of libs/%s', (lib) => {
  it('import each other one way only (no folder reaches back to one that imports it)', () => {
    const edges = folderImports(join(libs, lib, 'src'));
    const reachable = (from: string, seen = new Set<string>()): Set<string> => {
      for (const next of edges.get(from) ?? []) if (!seen.has(next)) reachable(next, seen.add(next));
      return seen;
    };
    expect([...edges.keys()].filter((folder) => reachable(folder).has(folder))).toEqual([]);
  });
});

describe('the folder check', () => {
  it('sees the imports it is meant to police', () => {
    expect(folderImports(join(libs, 'approvals', 'src')).get('chain')).toContain('signing');
    expect(folderImports(join(libs, 'correspondence', 'src')).get('dispositions')).toContain('letters');
  });
});
