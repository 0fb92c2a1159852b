// Lists the installed packages (nested ones too) that are ES modules only, for jest.config.js.
const { readdirSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

function isEsmOnly(dir) {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return pkg.type === 'module';
  } catch {
    return false;
  }
}

function walk(modulesDir, found) {
  if (!existsSync(modulesDir)) return;
  for (const entry of readdirSync(modulesDir)) {
    if (entry.startsWith('.')) continue;
    const names = entry.startsWith('@') ? readdirSync(join(modulesDir, entry)).map((n) => `${entry}/${n}`) : [entry];
    for (const name of names) {
      const dir = join(modulesDir, name);
      if (isEsmOnly(dir)) found.add(name);
      walk(join(dir, 'node_modules'), found);
    }
  }
}

function esmPackages(root) {
  const found = new Set();
  walk(join(root, 'node_modules'), found);
  return [...found].sort();
}

module.exports = { esmPackages };
