import { type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { autocannon, login, post, startApi, startBaseline, stop, type AutocannonResult } from '../api';
import { compareCpu, measureCpu, perRequest } from '../cpu';
import { benchDataset } from '../dataset';
import { type ScenarioResult } from '../measure';

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

    const seconds = quick ? 5 : 10;
    await load(baselinePort, tokens, quick ? 1 : 3); // warm-up: JIT, pool connections, caches
    await load(apiPort, tokens, quick ? 1 : 3);
    const floorRun = await measureCpu(url, [{ pids: [baseline.pid!], appName: floorServer.appName }], () =>
      load(baselinePort, tokens, seconds),
    );
    const ourRun = await measureCpu(url, [{ pids: [api.pid!], appName: started.appName }], () => load(apiPort, tokens, seconds));
    const [floor, ours] = [floorRun.result, ourRun.result];
    for (const [name, r] of [
      ['baseline', floor],
      ['GraphQL', ours],
    ] as const) {
      if (r.non2xx || r.errors || r.timeouts) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
    }
    const ratio = ours.requests.average / floor.requests.average;
    const cpu = compareCpu(perRequest(ourRun.usage, [ours.requests.total]), perRequest(floorRun.usage, [floor.requests.total]), {
      node: 2.5,
      total: 1.3,
    });
    const p99Met = ours.latency.p99 <= 1.5 * floor.latency.p99;
    return [
      {
        name: 'inbox',
        figure: `${ours.requests.average.toFixed(0)} requests/s, p99 ${ours.latency.p99} ms (32 clients, ${tokens.length} users, ${seconds} s)`,
        ratio,
        baseline: `node:http + pg ${floor.requests.average.toFixed(0)} requests/s, p99 ${floor.latency.p99} ms`,
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
