import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const nodeFlags = require('../../../scripts/node-flags') as { api: string[]; worker: string[] };
const root = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('the node flags production runs each process with', () => {
  it('are the same in scripts/node-flags.js, package.json and docker/compose.yml', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    const compose = read('docker/compose.yml');
    for (const [name, flags] of Object.entries(nodeFlags)) {
      const entry = `dist/apps/${name}/src/main.js`;
      expect(scripts[`start:${name}`]).toContain(['node', ...flags, entry].join(' '));
      const command =
        name === 'api' ? read('docker/Dockerfile').match(/^CMD (\[.*\])$/m)?.[1] : compose.match(/command: (\['node'.*worker.*\])/)?.[1];
      expect(JSON.parse(command!.replace(/'/g, '"'))).toEqual(['node', '--enable-source-maps', ...flags, entry]);
    }
  });
});
