import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The checked-in migrations, in file-name (timestamp) order; works from source (.ts) and build (.js). */
export function loadMigrations(dir = join(__dirname, 'migrations')): Function[] {
  return readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !f.endsWith('.map'))
    .sort()
    .map((f) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = require(join(dir, f)) as Record<string, Function>;
      const migration = Object.values(exported).find((v) => typeof v === 'function');
      if (!migration) throw new Error(`db/migrations/${f} exports no migration class`);
      return migration;
    });
}
