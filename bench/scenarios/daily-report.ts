import { type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { autocannon, login, post, startApi, startBaseline, stop, type AutocannonResult } from '../api';
import { compareCpu, measureCpu, perRequest } from '../cpu';
import { benchDataset, copyDataset } from '../dataset';
import { type ScenarioResult } from '../measure';
import { ensureHybridWork } from './hybrid-work-data';

const MUTATION = `mutation($input: SaveDailyReportInput!) { saveDailyReport(input: $input) { id status totalMinutes } }`;
const CLIENTS = 16;
const DAY_MS = 86_400_000;

/** A report body for the n-th request: its own person and date (before the year the data set already reports). */
function body(n: number, users: number, firstDate: number): string {
  const date = new Date(firstDate - Math.floor(n / users) * DAY_MS).toISOString().slice(0, 10);
  return JSON.stringify({
    query: MUTATION,
    variables: {
      input: {
        date,
        workMode: n % 5 === 0 ? 'HOME' : 'OFFICE',
        submit: false,
        note: 'Lembur bila hari libur',
        entries: [
          { startTime: '07:30', endTime: '11:30', activity: 'Menyusun laporan pelaksanaan kegiatan' },
          { startTime: '12:30', endTime: '16:00', activity: 'Rapat koordinasi dan tindak lanjut' },
        ],
      },
    },
  });
}

function load(port: number, tokens: string[], seconds: number, firstDate: number): Promise<AutocannonResult> {
  let next = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    connections: CLIENTS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req: { headers: Record<string, string> }) => {
          const n = next++;
          return {
            ...req,
            body: body(n, tokens.length, firstDate),
            headers: { ...req.headers, authorization: `Bearer ${tokens[n % tokens.length]}` },
          };
        },
      },
    ],
  });
}

/** Saving daily reports over GraphQL, 16 clients over 32 people, against node:http + pg writing the same rows. */
export async function dailyReport(quick: boolean): Promise<ScenarioResult[]> {
  const { url: seeded } = await benchDataset(quick);
  await ensureHybridWork(seeded);
  const copy = await copyDataset(seeded, 'daily_report');
  let api: ChildProcess | undefined;
  let baseline: ChildProcess | undefined;
  try {
    const db = new Client({ connectionString: copy.url });
    await db.connect();
    const { rows: users } = await db
      .query<{ id: string; email: string }>(
        `SELECT id, email FROM app_user WHERE roles = ARRAY['STAFF'] AND position_id IS NOT NULL ORDER BY md5(id::text) LIMIT 32`,
      )
      .finally(() => db.end());
    const started = await startApi(copy.url, 'daily-report');
    api = started.child;
    const tokens: string[] = [];
    const byToken: Record<string, string> = {};
    for (const user of users) {
      const token = await login(started.port, user.email);
      tokens.push(token);
      byToken[token] = user.id;
    }
    const floorServer = await startBaseline(join(__dirname, 'daily-report-baseline.child.js'), copy.url, byToken);
    baseline = floorServer.child;
    const check = await post(started.port, JSON.parse(body(0, 1, Date.now() - 400 * DAY_MS)), tokens[0]);
    if (check.errors) throw new Error(`GraphQL errors: ${JSON.stringify(check.errors).slice(0, 500)}`);

    const seconds = quick ? 3 : 10;
    // Each load writes dates of its own, further back, so that none replaces another's reports; the first
    // two only warm up (JIT, pool connections, caches).
    await load(floorServer.port, tokens, quick ? 1 : 3, Date.now() - 400 * DAY_MS);
    await load(started.port, tokens, quick ? 1 : 3, Date.now() - 1400 * DAY_MS);
    const floorRun = await measureCpu(copy.url, [{ pids: [baseline.pid!], appName: floorServer.appName }], () =>
      load(floorServer.port, tokens, seconds, Date.now() - 2400 * DAY_MS),
    );
    const ourRun = await measureCpu(copy.url, [{ pids: [api.pid!], appName: started.appName }], () =>
      load(started.port, tokens, seconds, Date.now() - 3400 * DAY_MS),
    );
    const [floor, ours] = [floorRun.result, ourRun.result];
    // No CPU target of its own: the figure is printed next to the scenario's target.
    const cpu = compareCpu(perRequest(ourRun.usage, [ours.requests.total]), perRequest(floorRun.usage, [floor.requests.total]), {
      node: Infinity,
      total: Infinity,
    });
    for (const [name, r] of [
      ['baseline', floor],
      ['GraphQL', ours],
    ] as const) {
      if (r.non2xx || r.errors || r.timeouts) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
    }
    const ratio = ours.requests.average / floor.requests.average;
    return [
      {
        name: 'daily-report',
        figure: `${ours.requests.average.toFixed(0)} reports/s, p99 ${ours.latency.p99} ms (${CLIENTS} clients, ${tokens.length} people, ${seconds} s)`,
        ratio,
        baseline: `node:http + pg ${floor.requests.average.toFixed(0)} reports/s, p99 ${floor.latency.p99} ms`,
        cpu: cpu.text,
        target: 'at least 0.50',
        met: ratio >= 0.5,
      },
    ];
  } finally {
    await stop(baseline);
    await stop(api);
    await copy.drop();
  }
}
