import { BENCH_DATABASE_URL, BENCH_QUICK_DATABASE_URL, ensureSeeded, QUICK_SCALE, type SeedShape } from './seed';

let quickSeed: Promise<SeedShape> | undefined;

/**
 * The seeded database the data scenarios run against: `gesit_bench` at BENCH_SCALE (default 1), seeded
 * when its comment does not name that scale and reused otherwise; `--quick` seeds `gesit_bench_quick`
 * at 0.01 afresh once per run (a few seconds), so the seed itself is exercised too.
 */
export async function benchDataset(quick: boolean): Promise<{ url: string; shape: SeedShape }> {
  if (quick) {
    quickSeed ??= ensureSeeded(BENCH_QUICK_DATABASE_URL, QUICK_SCALE, true);
    return { url: BENCH_QUICK_DATABASE_URL, shape: await quickSeed };
  }
  const shape = await ensureSeeded(BENCH_DATABASE_URL, Number(process.env.BENCH_SCALE ?? 1));
  return { url: BENCH_DATABASE_URL, shape };
}
