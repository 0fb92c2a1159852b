// node -r @swc-node/register bench/workload-explain.ts
// EXPLAIN (ANALYZE, BUFFERS) of the team workload statement for the unit subtree nearest 400 people of the
// seeded data set (BENCH_DATABASE_URL, after a workload or daily-report run has added the hybrid-work rows).
import { Client } from 'pg';
import { TEAM_WORKLOAD_SQL, teamWorkloadParams } from '@gesit/tasks';
import { BENCH_DATABASE_URL } from './seed';

async function main(): Promise<void> {
  const db = new Client({ connectionString: BENCH_DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string; timezone: string; people: number }>(
      `WITH RECURSIVE tree(top, id) AS (SELECT id, id FROM unit UNION ALL SELECT t.top, u.id FROM unit u JOIN tree t ON u.parent_id = t.id)
         SELECT un.id, un.timezone, count(a.id)::int AS people
           FROM tree t JOIN unit un ON un.id = t.top JOIN position p ON p.unit_id = t.id JOIN app_user a ON a.position_id = p.id
          GROUP BY un.id, un.timezone ORDER BY abs(count(a.id) - 400), un.code LIMIT 1`,
    );
    const cal = { timeZone: rows[0].timezone, weekdays: [1, 2, 3, 4, 5], startMinute: 450, endMinute: 960, holidays: new Set<string>() };
    const { params } = teamWorkloadParams(rows[0].id, cal, new Date());
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      await db.query(TEAM_WORKLOAD_SQL, params);
      console.log(`run ${i + 1}: ${Date.now() - started} ms (${rows[0].people} people)`);
    }
    const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${TEAM_WORKLOAD_SQL}`, params);
    console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  } finally {
    await db.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
