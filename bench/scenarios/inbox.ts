import { type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { autocannon, login, post, startApi, startBaseline, stop, type AutocannonResult } from '../api';
import { compareCpu, measureCpu, perRequest, type CpuPerRequest, type CpuSide } from '../cpu';
import { benchDataset } from '../dataset';
import { median, type ScenarioResult } from '../measure';

export const INBOX_QUERY =
  '{ inbox(first: 20) { edges { node { dueAt slaState disposition { letter { number subject senderName } } } } } }';

interface Edge {
  node: { dueAt: string; slaState: string; disposition: { letter: { number: string; subject: string; senderName: string } } };
}

function load(port: number, tokens: string[], seconds: number): Promise<AutocannonResult> {
  let next = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    connections: 32,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: INBOX_QUERY }),
    requests: [
      {
        setupRequest: (req: { headers: Record<string, string> }) => ({
          ...req,
          headers: { ...req.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` },
        }),
      },
    ],
  });
}

/** Scenario 1: inbox(first: 20) over GraphQL, 32 clients round-robin over ~20 users, against the pg floor. */
export async function inbox(quick: boolean): Promise<ScenarioResult[]> {
  const { url } = await benchDataset(quick);
  const db = new Client({ connectionString: url });
  await db.connect();
  // STAFF (no MFA) users with an inbox, picked pseudo-randomly but the same in every run.
  const { rows: users } = await db
    .query<{ id: string; email: string }>(
      `SELECT u.id, u.email FROM app_user u
        WHERE u.roles = ARRAY['STAFF'] AND EXISTS (SELECT 1 FROM disposition_assignment a WHERE a.assignee_id = u.id)
        ORDER BY md5(u.id::text) LIMIT 20`,
    )
    .finally(() => db.end());
  if (users.length < 5) throw new Error(`only ${users.length} STAFF users with an inbox in ${url}: reseed`);

  let api: ChildProcess | undefined;
  let baseline: ChildProcess | undefined;
  try {
    const started = await startApi(url, 'inbox');
    api = started.child;
    const apiPort = started.port;
    const tokens: string[] = [];
    const byToken: Record<string, string> = {};
    for (const user of users) {
      const token = await login(apiPort, user.email);
      tokens.push(token);
      byToken[token] = user.id;
    }

    const floorServer = await startBaseline(join(__dirname, 'inbox-baseline.child.js'), url, byToken);
    baseline = floorServer.child;
    const baselinePort = floorServer.port;

    // Both must answer the same rows before their speed is compared.
    for (const token of tokens) {
      const [ours, floor] = await Promise.all([
        post(apiPort, { query: INBOX_QUERY }, token),
        post(baselinePort, { query: INBOX_QUERY }, token),
      ]);
      if (ours.errors) throw new Error(`GraphQL errors: ${JSON.stringify(ours.errors).slice(0, 500)}`);
      const a = (ours.data!.inbox as { edges: Edge[] }).edges.map((e) => `${e.node.disposition.letter.number}|${e.node.slaState}`);
      const b = (floor.data!.inbox as { edges: Edge[] }).edges.map((e) => `${e.node.disposition.letter.number}|${e.node.slaState}`);
      if (a.length === 0 || a.join() !== b.join())
        throw new Error(`the API and the baseline disagree: ${a.slice(0, 3)} vs ${b.slice(0, 3)}`);
    }

    // Several short windows, the floor's and the API's alternating, so that both see the same machine; each figure is
    // the median over the windows (a single window swung 2× with what else ran on the machine).
    const seconds = quick ? 5 : 10;
    const windows = quick ? 1 : Number(process.env.BENCH_INBOX_WINDOWS ?? 3);
    await load(baselinePort, tokens, quick ? 1 : 3); // warm-up: JIT, pool connections, caches
    await load(apiPort, tokens, quick ? 1 : 3);
    const floorRuns: { result: AutocannonResult; cpu: CpuPerRequest }[] = [];
    const ourRuns: { result: AutocannonResult; cpu: CpuPerRequest }[] = [];
    for (let i = 0; i < windows; i++) {
      const sides: [typeof floorRuns, number, CpuSide][] = [
        [floorRuns, baselinePort, { pids: [baseline.pid!], appName: floorServer.appName }],
        [ourRuns, apiPort, { pids: [api.pid!], appName: started.appName }],
      ];
      for (const [runs, port, side] of sides) {
        const run = await measureCpu(url, [side], () => load(port, tokens, seconds));
        runs.push({ result: run.result, cpu: perRequest(run.usage, [run.result.requests.total]) });
      }
    }
    for (const [name, runs] of [
      ['baseline', floorRuns],
      ['GraphQL', ourRuns],
    ] as const) {
      for (const { result: r } of runs)
        if (r.non2xx || r.errors || r.timeouts) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
    }
    const mid = (runs: { result: AutocannonResult; cpu: CpuPerRequest }[]) => ({
      rate: median(runs.map((r) => r.result.requests.average)),
      p99: median(runs.map((r) => r.result.latency.p99)),
      cpu: { node: median(runs.map((r) => r.cpu.node)), pg: median(runs.map((r) => r.cpu.pg)) },
    });
    const [floor, ours] = [mid(floorRuns), mid(ourRuns)];
    const ratio = ours.rate / floor.rate;
    const cpu = compareCpu(ours.cpu, floor.cpu, { node: 2.5, total: 1.3 });
    const perWindow = ourRuns.map((r, i) => (r.cpu.node / floorRuns[i].cpu.node).toFixed(2)).join(', ');
    const p99Met = ours.p99 <= 1.5 * floor.p99;
    return [
      {
        name: 'inbox',
        figure: `${ours.rate.toFixed(0)} requests/s, p99 ${ours.p99} ms (32 clients, ${tokens.length} users, median of ${windows} × ${seconds} s alternating with the floor's; node ratio per window ${perWindow})`,
        ratio,
        baseline: `node:http + pg ${floor.rate.toFixed(0)} requests/s, p99 ${floor.p99} ms`,
        cpu: cpu.text,
        target: `${cpu.target}, p99 ≤ 1.5× the floor's (throughput ≥ 0.60: ${ratio >= 0.6 ? 'met' : 'missed'})`,
        met: cpu.met && p99Met,
      },
    ];
  } finally {
    await stop(baseline);
    await stop(api);
  }
}
