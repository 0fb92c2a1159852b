import { type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { auditHash } from '@gesit/platform';
import { autocannon, loginWithTotp, post, startApi, startBaseline, stop, type AutocannonResult } from '../api';
import { compareCpu, measureCpu, perRequest, type CpuUsage } from '../cpu';
import { benchDataset, copyDataset } from '../dataset';
import { type ScenarioResult } from '../measure';

const CONNECTIONS = 16;
const ASSIGNEES = 3;
export const DISPOSE_MUTATION = 'mutation($input: DisposeInput!) { dispose(input: $input) { id dueAt assignments { id status dueAt } } }';

interface Target {
  token: string;
  userId: string;
  input: { letterId: string; parentAssignmentId: string; assigneeIds: string[]; instructions: string[]; note: string };
}

interface Disposed {
  id: string;
  dueAt: string;
  assignments: { id: string; status: string; dueAt: string }[];
}

/**
 * Leaders holding IN_PROGRESS assignments (so that neither side changes the parent's status), each
 * disposing one of them to up to three of the people directly below them. Interleaved by leader, so
 * consecutive requests touch different users and parents.
 */
async function pickTargets(db: Client, leaders: number): Promise<Omit<Target, 'token'>[]> {
  const { rows } = await db.query<{ user_id: string; letter_id: string; assignment_id: string; subordinates: string[]; rank: number }>(
    `WITH leader AS (
       SELECT u.id, array_agg(s.id ORDER BY md5(s.id::text)) AS subordinates
         FROM app_user u JOIN position p ON p.superior_id = u.position_id JOIN app_user s ON s.position_id = p.id
        WHERE u.roles = ARRAY['LEADER']
          AND EXISTS (SELECT 1 FROM disposition_assignment a WHERE a.assignee_id = u.id AND a.status = 'IN_PROGRESS' AND a.cancelled_at IS NULL)
        GROUP BY u.id ORDER BY md5(u.id::text) LIMIT $1)
     SELECT leader.id AS user_id, a.letter_id, a.id AS assignment_id, leader.subordinates[1:${ASSIGNEES}] AS subordinates,
            row_number() OVER (PARTITION BY leader.id ORDER BY a.id) AS rank
       FROM leader JOIN disposition_assignment a ON a.assignee_id = leader.id AND a.status = 'IN_PROGRESS' AND a.cancelled_at IS NULL
      ORDER BY rank, md5(leader.id::text)`,
    [leaders],
  );
  return rows.map((r) => ({
    userId: r.user_id,
    input: {
      letterId: r.letter_id,
      parentAssignmentId: r.assignment_id,
      assigneeIds: r.subordinates,
      instructions: ['FOLLOW_UP', 'PREPARE_REPLY'],
      note: 'Mohon segera ditindaklanjuti dan dilaporkan',
    },
  }));
}

/**
 * Everything one dispose wrote, with ids replaced by their role, so that the API's rows and the baseline's
 * can be compared: the disposition, its assignments, and the letter events, outbox rows and audit events
 * written since `since` (nothing else writes to the copy meanwhile).
 */
async function written(db: Client, target: Target, disposed: Disposed, since: { letterEvent: string; audit: string }): Promise<string> {
  const role = (id: string | null) =>
    id === null
      ? null
      : id === target.userId
        ? 'caller'
        : id === target.input.letterId
          ? 'letter'
          : id === target.input.parentAssignmentId
            ? 'parent'
            : id === disposed.id
              ? 'disposition'
              : target.input.assigneeIds.includes(id)
                ? `assignee${target.input.assigneeIds.indexOf(id)}`
                : disposed.assignments.some((a) => a.id === id)
                  ? 'assignment'
                  : `other ${id}`;
  const [parent] = (
    await db.query(
      'SELECT a.due_at, a.status, l.urgency, l.status AS letter_status FROM disposition_assignment a JOIN letter l ON l.id = a.letter_id WHERE a.id = $1',
      [target.input.parentAssignmentId],
    )
  ).rows;
  const [d] = (await db.query('SELECT * FROM disposition WHERE id = $1', [disposed.id])).rows;
  const assignments = (await db.query('SELECT * FROM disposition_assignment WHERE disposition_id = $1 ', [disposed.id])).rows;
  const events = (await db.query('SELECT * FROM letter_event WHERE id > $1 ORDER BY id', [since.letterEvent])).rows;
  const outbox = (await db.query(`SELECT * FROM outbox WHERE payload->>'dispositionId' = $1`, [disposed.id])).rows;
  const outboxTotal = (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE created_at >= $1`, [d.created_at])).rows[0].n;
  const audit = (await db.query('SELECT * FROM audit_event WHERE id > $1 ORDER BY id', [since.audit])).rows;
  const summary = {
    parentStatus: parent.status,
    letterStatus: parent.letter_status,
    disposition: {
      letter: role(d.letter_id),
      sender: role(d.sender_id),
      actingFor: role(d.acting_for_id),
      parent: role(d.parent_assignment_id),
      instructions: d.instructions,
      note: d.note,
      dueAtNotAfterParent: d.due_at <= parent.due_at,
    },
    assignments: assignments
      .map((a) => ({
        id: role(a.id),
        letter: role(a.letter_id),
        assignee: role(a.assignee_id),
        status: a.status,
        urgencyOfLetter: a.urgency === parent.urgency,
        dueAtNotAfterParent: a.due_at <= parent.due_at,
        dueSoonNotAfterDue: a.due_soon_at <= a.due_at,
        returned: disposed.assignments.some((r) => r.id === a.id && new Date(r.dueAt).getTime() === a.due_at.getTime()),
      }))
      .sort((a, b) => String(a.assignee).localeCompare(String(b.assignee))),
    letterEvents: events.map((e) => ({
      letter: role(e.letter_id),
      actor: role(e.actor_id),
      actingFor: role(e.acting_for_id),
      action: e.action,
      note: e.note,
      details: Object.keys(e.details ?? {}).sort(),
    })),
    outbox: {
      rows: outboxTotal,
      matching: outbox.map((o) => ({
        queue: o.queue,
        name: o.name,
        keys: Object.keys(o.payload).sort(),
        assignments: o.payload.assignments.map((a: { id: string; assigneeId: string }) => [role(a.id), role(a.assigneeId)]).sort(),
      })),
    },
    audit: audit.map((e) => ({
      actor: role(e.actor_id),
      actingFor: role(e.acting_for_id),
      action: e.action,
      entity: `${e.entity_type} ${role(e.entity_id)}`,
      change: Object.keys(e.change).sort(),
      assignees: e.change.assignees?.map((a: { assigneeId: string }) => role(a.assigneeId)),
    })),
  };
  return JSON.stringify(summary);
}

/** Recomputes the hash chain over the events appended since `afterId`: both sides must have linked theirs. */
async function checkChain(db: Client, afterId: string): Promise<number> {
  const { rows } = await db.query('SELECT * FROM audit_event WHERE id >= $1 ORDER BY id', [afterId]);
  let prev: string | null = afterId === '0' ? null : rows.shift().hash;
  for (const r of rows) {
    const event = {
      id: String(r.id),
      at: r.at,
      actorId: r.actor_id,
      actingForId: r.acting_for_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      change: r.change,
    };
    if (r.prev_hash !== prev || auditHash(prev, event) !== r.hash) throw new Error(`the audit chain breaks at event ${r.id}`);
    prev = r.hash;
  }
  return rows.length;
}

interface Load {
  result: AutocannonResult;
  /** responses with a status other than 200 or a GraphQL `errors` member, and the first of them */
  failed: number;
  firstFailure?: string;
}

async function load(port: number, targets: Target[], seconds: number, start: number): Promise<Load> {
  let next = start;
  let failed = 0;
  let firstFailure: string | undefined;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req: { headers: Record<string, string> }) => {
          const target = targets[next++ % targets.length];
          return {
            ...req,
            headers: { ...req.headers, authorization: `Bearer ${target.token}` },
            body: JSON.stringify({ query: DISPOSE_MUTATION, variables: { input: target.input } }),
          };
        },
        onResponse: (status: number, body: string) => {
          if (status === 200 && !body.includes('"errors"')) return;
          failed++;
          firstFailure ??= `${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  return { result, failed, firstFailure };
}

/** Scenario 2: dispose to three assignees, 16 clients, against a node:http + pg transaction writing the same rows. */
export async function dispose(quick: boolean): Promise<ScenarioResult[]> {
  const seeded = await benchDataset(quick);
  const copy = await copyDataset(seeded.url, 'dispose');
  const url = copy.url;
  const db = new Client({ connectionString: url });
  let api: ChildProcess | undefined;
  let baseline: ChildProcess | undefined;
  try {
    await db.connect();
    const picked = await pickTargets(db, quick ? 20 : 32);
    if (picked.length < CONNECTIONS) throw new Error(`only ${picked.length} assignments to dispose in ${seeded.url}: reseed`);
    const assignees = Math.min(...picked.map((t) => t.input.assigneeIds.length));
    const started = await startApi(url, 'dispose');
    api = started.child;
    const apiPort = started.port;
    const userIds = [...new Set(picked.map((t) => t.userId))];
    const { rows: emails } = await db.query<{ id: string; email: string }>('SELECT id, email FROM app_user WHERE id = ANY($1)', [userIds]);
    const tokens = new Map<string, string>();
    for (const { id, email } of emails) tokens.set(id, await loginWithTotp(apiPort, email));
    const targets: Target[] = picked.map((t) => ({ ...t, token: tokens.get(t.userId)! }));

    const { rows: parents } = await db.query<{ id: string; due_at: Date; urgency: string }>(
      'SELECT a.id, a.due_at, l.urgency FROM disposition_assignment a JOIN letter l ON l.id = a.letter_id WHERE a.id = ANY($1)',
      [targets.map((t) => t.input.parentAssignmentId)],
    );
    const floorServer = await startBaseline(join(__dirname, 'dispose-baseline.child.js'), url, {
      users: Object.fromEntries(targets.map((t) => [t.token, t.userId])),
      parents: Object.fromEntries(parents.map((p) => [p.id, { dueAt: p.due_at.toISOString(), urgency: p.urgency }])),
    });
    baseline = floorServer.child;
    const baselinePort = floorServer.port;

    // One dispose each way before timing: both must write the same rows, and link the audit chain.
    const head = async () =>
      (
        await db.query(
          `SELECT coalesce((SELECT max(id) FROM letter_event), 0)::text AS "letterEvent", coalesce((SELECT max(id) FROM audit_event), 0)::text AS audit`,
        )
      ).rows[0] as { letterEvent: string; audit: string };
    const chainStart = (await head()).audit;
    const shapes: string[] = [];
    for (const [port, target] of [
      [apiPort, targets[0]],
      [baselinePort, targets[1]],
    ] as const) {
      const since = await head();
      const result = await post(port, { query: DISPOSE_MUTATION, variables: { input: target.input } }, target.token);
      if (result.errors || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors).slice(0, 500)}`);
      shapes.push(await written(db, target, result.data.dispose as Disposed, since));
    }
    if (shapes[0] !== shapes[1]) throw new Error(`the API and the baseline write different rows:\n${shapes[0]}\n${shapes[1]}`);
    const expected = JSON.parse(shapes[0]);
    if (
      expected.assignments.length !== assignees ||
      expected.outbox.rows !== 1 ||
      expected.audit.length !== 1 ||
      expected.letterEvents.length !== 1
    )
      throw new Error(`a dispose wrote unexpected rows: ${shapes[0]}`);

    // Rounds of baseline then API, so that load from elsewhere on the machine drifts over both alike.
    const rounds = quick ? 1 : 2;
    const seconds = quick ? 3 : 5;
    const warm = [await load(baselinePort, targets, 1, 2), await load(apiPort, targets, 1, 2)]; // JIT, pool connections, caches
    const floorRuns: Load[] = [];
    const ourRuns: Load[] = [];
    const floorCpu: CpuUsage[] = [];
    const ourCpu: CpuUsage[] = [];
    const floorSide = { pids: [baseline.pid!], appName: floorServer.appName };
    const ourSide = { pids: [api.pid!], appName: started.appName };
    for (let round = 0, start = 2 + Math.floor(targets.length / 2); round < rounds; round++, start += 997) {
      // Both sides walk the same stretch of the list of parents; each round another stretch.
      const floorRun = await measureCpu(url, [floorSide], () => load(baselinePort, targets, seconds, start));
      floorRuns.push(floorRun.result);
      floorCpu.push(...floorRun.usage);
      const ourRun = await measureCpu(url, [ourSide], () => load(apiPort, targets, seconds, start));
      ourRuns.push(ourRun.result);
      ourCpu.push(...ourRun.usage);
    }
    for (const [name, r] of [
      ...warm.map((r, i) => [i ? 'GraphQL' : 'baseline', r] as const),
      ...floorRuns.map((r) => ['baseline', r] as const),
      ...ourRuns.map((r) => ['GraphQL', r] as const),
    ]) {
      if (r.failed || r.result.non2xx || r.result.errors || r.result.timeouts)
        throw new Error(
          `${name}: ${r.failed} failed responses (${r.firstFailure}), ${r.result.non2xx} non-2xx, ${r.result.errors} errors, ${r.result.timeouts} timeouts`,
        );
    }
    const chained = await checkChain(db, chainStart);
    // autocannon does not count the requests still in flight when a run ends, but they were answered too.
    const total = [...warm, ...floorRuns, ...ourRuns].reduce((n, r) => n + r.result.requests.total, 2);
    if (chained < total) throw new Error(`${total} disposes but ${chained} audit events were appended`);
    const rate = (runs: Load[]) => runs.reduce((n, r) => n + r.result.requests.total, 0) / (rounds * seconds);
    const p99 = (runs: Load[]) => Math.max(...runs.map((r) => r.result.latency.p99));
    const ratio = rate(ourRuns) / rate(floorRuns);
    const served = (runs: Load[]) => runs.map((r) => r.result.requests.total);
    const cpu = compareCpu(perRequest(ourCpu, served(ourRuns)), perRequest(floorCpu, served(floorRuns)), { node: 2.0, total: 1.5 });
    const p99Met = p99(ourRuns) <= 1.5 * p99(floorRuns);
    return [
      {
        name: 'dispose',
        figure: `${rate(ourRuns).toFixed(0)} requests/s, p99 ${p99(ourRuns)} ms (${CONNECTIONS} clients, ${tokens.size} leaders, ${assignees} assignee${assignees === 1 ? '' : 's'}, ${rounds} × ${seconds} s)`,
        ratio,
        baseline: `node:http + pg transaction ${rate(floorRuns).toFixed(0)} requests/s, p99 ${p99(floorRuns)} ms`,
        cpu: cpu.text,
        target: `${cpu.target}, p99 ≤ 1.5× the floor's (throughput ≥ 0.50: ${ratio >= 0.5 ? 'met' : 'missed'})`,
        met: cpu.met && p99Met,
      },
    ];
  } finally {
    await stop(baseline);
    await stop(api);
    await db.end().catch(() => undefined);
    await copy.drop();
  }
}
