// `npm start`: the API and the worker together on one machine, from the build in dist/.
// Both run pending migrations under one advisory lock, so the first start-up stays orderly.
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const nodeFlags = require('./node-flags');

const root = join(__dirname, '..');
const children = [];
let stopping = false;

function run(name, file) {
  // Two glibc malloc arenas instead of a new one for each busy thread (glibc allows 8 per core): about 50–70 MB less API RSS (bench/RESULTS.md, session 7).
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeFlags[name], join(root, file)], {
    stdio: 'inherit',
    env: { MALLOC_ARENA_MAX: '2', ...process.env },
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`gesit ${name} stopped (${signal ?? `exit ${code}`}); stopping the rest`);
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  const timer = setTimeout(() => process.exit(code), 15_000);
  timer.unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.on('exit', r))))).then(() => process.exit(code));
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run('api', 'dist/apps/api/src/main.js');
run('worker', 'dist/apps/worker/src/main.js');
