import { type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { TEAM_WORKLOAD_SQL, teamWorkloadParams } from '@gesit/tasks';
import { autocannon, loginWithTotp, post, startApi, startBaseline, stop, type AutocannonResult } from '../api';
import { compareCpu, measureCpu, perRequest } from '../cpu';
import { benchDataset, copyDataset } from '../dataset';
import { type ScenarioResult } from '../measure';
import { benchEmail } from '../seed';
import { ensureHybridWork } from './hybrid-work-data';

const QUERY = `query($unitId: ID!) { teamWorkload(unitId: $unitId) {
  user { id name } openTasks overdueTasks openAssignments overdueAssignments plannedMinutes capacityMinutes
  minutesReportedThisWeek missingReports pendingReports workModeToday lastWorkMode
} }`;
const CLIENTS = 8;

function load(port: number, token: string, unitId: string, seconds: number): Promise<AutocannonResult> {
  return autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    connections: CLIENTS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables: { unitId } }),
  });
}

/**
 * teamWorkload of the unit subtree nearest 400 people, over a year of daily reports for every seeded user,
 * 8 clients, against a bare node:http + pg server running the same statement with the same parameters.
 */
export async function workload(quick: boolean): Promise<ScenarioResult[]> {
  const { url: seeded } = await benchDataset(quick);
  await ensureHybridWork(seeded);
  // A copy: signing the head of the unit in enrols them in two-factor sign-in, which the data set must not keep.
  const copy = await copyDataset(seeded, 'workload');
  const url = copy.url;
  const db = new Client({ connectionString: url });
  await db.connect();
  // The unit whose subtree holds the number of people nearest 400, and the head of that unit (user n = unit n).
  const { rows } = await db.query<{ id: string; code: string; timezone: string; people: number }>(
    `WITH RECURSIVE tree(top, id) AS (SELECT id, id FROM unit UNION ALL SELECT t.top, u.id FROM unit u JOIN tree t ON u.parent_id = t.id)
       SELECT un.id, un.code, un.timezone, count(a.id)::int AS people
         FROM tree t JOIN unit un ON un.id = t.top JOIN position p ON p.unit_id = t.id JOIN app_user a ON a.position_id = p.id
        GROUP BY un.id, un.code, un.timezone ORDER BY abs(count(a.id) - 400), un.code LIMIT 1`,
  );
  const unit = rows[0];
  const head = Number(unit.code.replace('BU', ''));
  // An earlier run may have enrolled the head in two-factor sign-in in the data set itself: start them afresh.
  await db
    .query(
      `UPDATE app_user SET mfa_enabled = false, totp_secret = NULL, totp_pending_secret = NULL, totp_last_time_step = NULL WHERE email = $1`,
      [benchEmail(head)],
    )
    .finally(() => db.end());

  let api: ChildProcess | undefined;
  let baseline: ChildProcess | undefined;
  try {
    const started = await startApi(url, 'workload');
    api = started.child;
    const token = await loginWithTotp(started.port, benchEmail(head));
    // The seeded units keep the default hours and no holidays of their own: the same parameters the API computes.
    const cal = { timeZone: unit.timezone, weekdays: [1, 2, 3, 4, 5], startMinute: 450, endMinute: 960, holidays: new Set<string>() };
    const { params } = teamWorkloadParams(unit.id, cal, new Date());
    const floorServer = await startBaseline(join(__dirname, 'workload-baseline.child.js'), url, { sql: TEAM_WORKLOAD_SQL, params });
    baseline = floorServer.child;

    const [ours, floor] = await Promise.all([
      post(started.port, { query: QUERY, variables: { unitId: unit.id } }, token),
      post(floorServer.port, { query: QUERY }),
    ]);
    if (ours.errors) throw new Error(`GraphQL errors: ${JSON.stringify(ours.errors).slice(0, 500)}`);
    const a = (ours.data!.teamWorkload as { user: { id: string }; openTasks: number }[]).map((r) => `${r.user.id}|${r.openTasks}`);
    const b = (floor.data!.teamWorkload as { id: string; openTasks: number }[]).map((r) => `${r.id}|${r.openTasks}`);
    if (a.length !== unit.people || a.join() !== b.join())
      throw new Error(`the API and the baseline disagree: ${a.length} rows vs ${b.length}, ${a.slice(0, 2)} vs ${b.slice(0, 2)}`);

    const seconds = quick ? 3 : 10;
    await load(floorServer.port, token, unit.id, quick ? 1 : 3);
    await load(started.port, token, unit.id, quick ? 1 : 3);
    const floorRun = await measureCpu(url, [{ pids: [baseline.pid!], appName: floorServer.appName }], () =>
      load(floorServer.port, token, unit.id, seconds),
    );
    const ourRun = await measureCpu(url, [{ pids: [api.pid!], appName: started.appName }], () =>
      load(started.port, token, unit.id, seconds),
    );
    const [bare, mine] = [floorRun.result, ourRun.result];
    // No CPU target of its own: the figure is printed next to the scenario's target.
    const cpu = compareCpu(perRequest(ourRun.usage, [mine.requests.total]), perRequest(floorRun.usage, [bare.requests.total]), {
      node: Infinity,
      total: Infinity,
    });
    for (const [name, r] of [
      ['baseline', bare],
      ['GraphQL', mine],
    ] as const) {
      if (r.non2xx || r.errors || r.timeouts) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
    }
    const ratio = mine.requests.average / bare.requests.average;
    return [
      {
        name: 'workload',
        figure: `${mine.requests.average.toFixed(0)} requests/s, p99 ${mine.latency.p99} ms (${CLIENTS} clients, ${unit.people} people in the subtree, ${seconds} s)`,
        ratio,
        baseline: `node:http + pg, same statement, ${bare.requests.average.toFixed(0)} requests/s, p99 ${bare.latency.p99} ms`,
        cpu: cpu.text,
        target: 'p99 under 150 ms',
        met: mine.latency.p99 < 150,
      },
    ];
  } finally {
    await stop(baseline);
    await stop(api);
    await copy.drop();
  }
}
