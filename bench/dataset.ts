import { Client } from 'pg';
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

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A copy of a seeded database for one run of a scenario that writes (CREATE DATABASE … TEMPLATE, FILE_COPY:
 * a few seconds at scale 1), so that what the run writes (append-only audit events among it) never reaches
 * the data set the other scenarios read. `drop` removes it.
 */
export async function copyDataset(url: string, purpose: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const source = new URL(url).pathname.slice(1);
  const name = `${source}_${purpose}_${process.pid}`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const run = (sql: string) => withClient(admin.toString(), (c) => c.query(sql));
  await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  // The template must have no other sessions; the scenario before may still be letting go of its own.
  for (let attempt = 0; ; attempt++) {
    try {
      await run(`CREATE DATABASE "${name}" TEMPLATE "${source}" STRATEGY FILE_COPY`);
      break;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return { url: copy.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined) };
}
