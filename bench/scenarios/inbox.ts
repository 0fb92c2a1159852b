import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { benchDataset } from '../dataset';
import { freePort, type ScenarioResult } from '../measure';
import { BENCH_PASSWORD } from '../seed';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const root = join(__dirname, '..', '..');
export const INBOX_QUERY =
  '{ inbox(first: 20) { edges { node { dueAt slaState disposition { letter { number subject senderName } } } } } }';

interface Edge {
  node: { dueAt: string; slaState: string; disposition: { letter: { number: string; subject: string; senderName: string } } };
}

async function post(port: number, body: unknown, token?: string): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`HTTP ${response.status} from port ${port}: ${await response.text()}`);
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

async function waitFor(check: () => Promise<boolean>, child: ChildProcess, what: string): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    if (Date.now() - start > 60_000) throw new Error(`${what} not ready within 60 s`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const stop = async (child: ChildProcess | undefined) => {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
};

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
  // BENCH_API_ENTRY: another build of the API (e.g. a patched copy of dist/ to try a change) instead of dist/.
  const entry = process.env.BENCH_API_ENTRY ?? join(root, 'dist', 'apps', 'api', 'src', 'main.js');
  if (!existsSync(entry)) throw new Error('run `npm run build` first: the inbox scenario starts the built API');
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

  const apiPort = await freePort();
  const baselinePort = await freePort();
  let api: ChildProcess | undefined;
  let baseline: ChildProcess | undefined;
  try {
    // BENCH_API_ARGS: extra node flags for the API, e.g. `--cpu-prof --cpu-prof-dir=bench/.data/prof` to profile it.
    const apiArgs = (process.env.BENCH_API_ARGS ?? '').split(' ').filter(Boolean);
    api = spawn(process.execPath, [...apiArgs, entry], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(apiPort),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        AUTH_RATE_LIMIT_PER_MINUTE: '10000',
        STORAGE_DIR: join(root, 'bench', '.data', 'files'),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(() => fetch(`http://127.0.0.1:${apiPort}/health/ready`).then((r) => r.status === 200), api, 'the API');
    const tokens: string[] = [];
    const byToken: Record<string, string> = {};
    for (const user of users) {
      const result = await post(apiPort, {
        query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken mfaRequired mfaEnrolmentRequired } }',
        variables: { input: { identifier: user.email, password: BENCH_PASSWORD } },
      });
      const login = result.data?.login as { accessToken: string | null; mfaRequired: boolean } | undefined;
      if (!login?.accessToken || login.mfaRequired) throw new Error(`login of ${user.email} failed: ${JSON.stringify(result)}`);
      tokens.push(login.accessToken);
      byToken[login.accessToken] = user.id;
    }

    baseline = spawn(process.execPath, [join(__dirname, 'inbox-baseline.child.js'), url, String(baselinePort)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    baseline.stdin!.end(JSON.stringify(byToken));
    await new Promise<void>((resolve, reject) => {
      baseline!.stdout!.once('data', () => resolve());
      baseline!.once('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
    });

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
    const floor = await load(baselinePort, tokens, seconds);
    const ours = await load(apiPort, tokens, seconds);
    for (const [name, r] of [
      ['baseline', floor],
      ['GraphQL', ours],
    ] as const) {
      if (r.non2xx || r.errors || r.timeouts) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
    }
    const ratio = ours.requests.average / floor.requests.average;
    return [
      {
        name: 'inbox',
        figure: `${ours.requests.average.toFixed(0)} requests/s, p99 ${ours.latency.p99} ms (32 clients, ${tokens.length} users, ${seconds} s)`,
        ratio,
        baseline: `node:http + pg ${floor.requests.average.toFixed(0)} requests/s, p99 ${floor.latency.p99} ms`,
        target: 'at least 0.60 and p99 under 30 ms',
        met: ratio >= 0.6 && ours.latency.p99 < 30,
      },
    ];
  } finally {
    await stop(baseline);
    await stop(api);
  }
}
