// What the PostgreSQL backends of a run are doing when they are busy: a sampling profile of pg_stat_activity.
// CPU per request tells how much work a request costs; this tells where its latency goes when that is not
// CPU (a lock, the WAL's fsync, a read).
import { Client } from 'pg';
import { appName, withAppName } from './cpu';

const INTERVAL_MS = 20;

export interface WaitSampler {
  /** Stops sampling; the `top` most frequent (side, wait, statement) states, as average busy backends each. */
  stop(top?: number): Promise<string[]>;
}

/** Samples the backends of `sides` (application_name → label) every 20 ms until stopped. */
export async function samplePgWaits(databaseUrl: string, sides: { appName: string; label: string }[]): Promise<WaitSampler> {
  const client = new Client({ connectionString: withAppName(databaseUrl, appName('waits')) });
  await client.connect();
  const label = new Map(sides.map((s) => [s.appName, s.label]));
  const counts = new Map<string, number>();
  let polls = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ app: string; wait: string; statement: string }>(
        `SELECT application_name AS app, coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait,
                left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS statement
           FROM pg_stat_activity WHERE state = 'active' AND application_name = ANY($1)`,
        [sides.map((s) => s.appName)],
      );
      polls++;
      for (const row of rows) {
        const key = `${label.get(row.app)} ${row.wait} "${row.statement}…"`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
  })();
  return {
    async stop(top = 6) {
      running = false;
      await loop.finally(() => client.end());
      return [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([key, n]) => `${key} ${(n / Math.max(polls, 1)).toFixed(2)}`);
    },
  };
}
