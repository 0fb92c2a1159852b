import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleFile } from './web-console.controller';

describe('which file of the built console a path names', () => {
  const root = mkdtempSync(join(tmpdir(), 'gesit-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<div id="root"></div>');
  writeFileSync(join(root, 'favicon.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'export {}');
  writeFileSync(join(tmpdir(), 'outside-the-console.txt'), 'secret');

  it.each([
    ['favicon.svg', join(root, 'favicon.svg')],
    ['assets/index-abc123.js', join(root, 'assets', 'index-abc123.js')],
    ['assets%2Findex-abc123.js', join(root, 'assets', 'index-abc123.js')],
    // Pages of the app are not files: the caller answers them with index.html.
    ['inbox', null],
    ['letters/8c1f/edit', null],
    ['assets', null],
    // Nothing outside the console's folder, however the path is spelled.
    ['../outside-the-console.txt', null],
    ['..%2Foutside-the-console.txt', null],
    ['assets/../../outside-the-console.txt', null],
    ['%E0%A4%A', null],
  ])('%s → %s', (path, file) => {
    expect(consoleFile(root, path)).toBe(file);
  });
});
