import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appName, processCpuMs, withAppName } from '../cpu';
import { benchDataset } from '../dataset';
import { freePort, median, type ScenarioResult } from '../measure';
import { productionEnv } from '../production';

const root = join(__dirname, '..', '..');

/** Wall time from spawn to the first ready answer, and the CPU the process used until then (steadier on a busy machine). */
async function readyAfter(entry: string, port: number, env: Record<string, string>): Promise<{ wallMs: number; cpuMs: number }> {
  const start = Date.now();
  const args = (process.env.BENCH_API_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...args, entry], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode} before it was ready`);
      if (Date.now() - start > 60_000) throw new Error(`${entry} was not ready within 60 s`);
      const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return { wallMs: Date.now() - start, cpuMs: processCpuMs(child.pid!) ?? NaN };
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/**
 * Scenario 7: process start to readiness 200 of the built API, as production runs it (bench/production.ts:
 * S3 storage, no start-up migrations) on the seeded, migrated data set. BENCH_API_ARGS adds node flags,
 * e.g. `--cpu-prof` to see where the start-up goes; BENCH_API_ENTRY starts another build (a before/after pair).
 */
export async function startup(quick: boolean): Promise<ScenarioResult[]> {
  const entry = process.env.BENCH_API_ENTRY ?? join(root, 'dist', 'apps', 'api', 'src', 'main.js');
  if (!existsSync(entry)) throw new Error('run `npm run build` first: the start-up scenario starts the built API');
  const { url } = await benchDataset(quick);
  const env = {
    ...(await productionEnv()),
    DATABASE_URL: withAppName(url, appName('startup')),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
  };
  const port = await freePort();
  // The first start warms the file system cache and the bucket, as any earlier start on a server would have.
  await readyAfter(entry, port, env);
  const runs: { wallMs: number; cpuMs: number }[] = [];
  for (let i = 0; i < (quick ? 2 : 5); i++) runs.push(await readyAfter(entry, port, env));
  const times = runs.map((r) => r.wallMs);
  const ms = median(times);
  const cpu = median(runs.map((r) => r.cpuMs));
  return [
    {
      name: 'startup',
      figure: `${ms} ms from process start to /health/ready 200, ${cpu.toFixed(0)} ms of CPU (median of ${times.length}: ${times.join(', ')} ms; production settings)`,
      target: 'within 5000 ms',
      met: ms < 5000,
    },
  ];
}
