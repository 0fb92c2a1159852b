import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, median, type ScenarioResult } from '../measure';

const root = join(__dirname, '..', '..');
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/gesit_bench';

async function readyAfter(entry: string, port: number, env: Record<string, string>): Promise<number> {
  const start = Date.now();
  const child = spawn(process.execPath, [entry], { cwd: root, env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode} before it was ready`);
      if (Date.now() - start > 60_000) throw new Error(`${entry} was not ready within 60 s`);
      const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return Date.now() - start;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/** Scenario 7: process start to readiness 200, after a build, on a migrated database. */
export async function startup(quick: boolean): Promise<ScenarioResult[]> {
  const entry = join(root, 'dist', 'apps', 'api', 'src', 'main.js');
  if (!existsSync(entry)) throw new Error('run `npm run build` first: the start-up scenario starts the built API');
  const env = { DATABASE_URL, SEED_DEMO: 'false', LOG_LEVEL: 'warn', STORAGE_DIR: join(root, 'bench', '.data', 'files') };
  // The first start creates and migrates the database; the measured ones start on a ready database.
  const port = await freePort();
  await readyAfter(entry, port, env);
  const times: number[] = [];
  for (let i = 0; i < (quick ? 2 : 5); i++) times.push(await readyAfter(entry, port, env));
  const ms = median(times);
  return [{ name: 'startup', figure: `${ms} ms from process start to /health/ready 200`, target: 'within 5000 ms', met: ms < 5000 }];
}
