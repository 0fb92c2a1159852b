import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { localTime } from '@gesit/calendar';
import { dueSoonText, REMINDERS } from '@gesit/notifications';
import { DEFAULT_JOB_OPTIONS } from '@gesit/platform';
import { appName, measureCpu, perRequest, withAppName, type CpuPerRequest } from '../cpu';
import { benchDataset, copyDataset } from '../dataset';
import type { ScenarioResult } from '../measure';
import { productionEnv } from '../production';
import { deleteKeysUnder } from '../../test/harness/redis-keys';

const root = join(__dirname, '..', '..');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// The scenario's assignments have ids with this prefix, so their notifications can be counted exactly.
const ID_PREFIX = 'b3bc4000-0000-4000-8000-';
const BASELINE_QUEUE = 'bench-baseline';
const BASELINE_KIND = 'bench.baseline';

/** How often the scenario polls, and how long it waits for anything before it gives up. */
interface Pace {
  pollMs: number;
  timeoutMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MS = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::bigint`;

/**
 * `count` open assignments of STAFF members on seeded dispositions, due tomorrow. Their reminder time
 * comes only in `insertOutbox`, so the sweep of the worker starting meanwhile leaves them alone.
 */
async function prepareAssignments(db: Client, count: number): Promise<void> {
  await db.query(
    `WITH d AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(letter_id ORDER BY id) AS letters
                  FROM (SELECT id, letter_id FROM disposition ORDER BY id LIMIT $1) x),
          u AS (SELECT array_agg(id ORDER BY id) AS ids FROM app_user WHERE roles = ARRAY['STAFF'])
     INSERT INTO disposition_assignment (id, disposition_id, letter_id, assignee_id, status, urgency, due_at, due_soon_at, created_at,
                                         escalation_level)
     SELECT ($2 || lpad(to_hex(n), 12, '0'))::uuid, d.ids[1 + (n - 1) % cardinality(d.ids)], d.letters[1 + (n - 1) % cardinality(d.ids)],
            u.ids[1 + (n - 1) % cardinality(u.ids)], 'UNREAD', 'NORMAL', now() + interval '1 day', now() + interval '1 hour',
            now() - interval '3 days', 0
       FROM generate_series(1, $1) n, d, u`,
    [count, ID_PREFIX],
  );
}

const OURS = `a.id BETWEEN '${ID_PREFIX}000000000000' AND '${ID_PREFIX}ffffffffffff'`;

/**
 * The reminder time of the scenario's assignments comes, and their remind jobs are written as outbox
 * rows the way the sweep's remind branch writes them, in one transaction; returns the commit time.
 */
async function insertOutbox(db: Client): Promise<number> {
  await db.query('BEGIN');
  // Whole milliseconds, as the API writes due times: the job carries them as a JavaScript number.
  await db.query(`UPDATE disposition_assignment a SET due_soon_at = date_trunc('milliseconds', now()) - interval '1 minute' WHERE ${OURS}`);
  const { rowCount } = await db.query(
    `INSERT INTO outbox (id, queue, name, payload, job_id)
     SELECT gen_random_uuid(), '${REMINDERS.queue}', 'assignment.remind', jsonb_build_object('assignmentId', a.id, 'at', ${MS('a.due_soon_at')}),
            'assignment-' || a.id || '-remind-' || ${MS('a.due_soon_at')}
       FROM disposition_assignment a
      WHERE ${OURS} AND a.completed_at IS NULL AND a.cancelled_at IS NULL AND a.reminded_at IS NULL AND a.due_soon_at <= now()`,
  );
  await db.query(`SELECT pg_notify('gesit_outbox', '')`);
  await db.query('COMMIT');
  if (!rowCount) throw new Error('no outbox rows written');
  return Date.now();
}

/** Polls `count` until it reaches `expected`; returns the time it did. */
async function waitForCount(
  count: () => Promise<number>,
  expected: number,
  alive: () => void,
  { pollMs, timeoutMs }: Pace,
): Promise<number> {
  const start = Date.now();
  for (;;) {
    const n = await count();
    if (n >= expected) return Date.now();
    alive();
    if (Date.now() - start > timeoutMs) throw new Error(`only ${n} of ${expected} after ${timeoutMs / 1000} s`);
    await sleep(pollMs);
  }
}

const stop = async (child: ChildProcess | undefined) => {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
};

const running = (child: ChildProcess, what: string) => () => {
  if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
};

/**
 * The bare BullMQ worker: `count` pre-added jobs of one notification INSERT each; jobs/s from its start to the last row,
 * and its CPU per job (its process and its PostgreSQL backends, bench/cpu.ts) over the same window.
 */
async function baseline(url: string, db: Client, prefix: string, count: number, pace: Pace): Promise<{ rate: number; cpu: CpuPerRequest }> {
  const { rows } = await db.query(
    `SELECT a.id, a.assignee_id, a.due_at, l.number, l.agenda_number, l.subject, l.security_level, un.timezone
       FROM disposition_assignment a JOIN letter l ON l.id = a.letter_id JOIN app_user u ON u.id = a.assignee_id
       JOIN position p ON p.id = u.position_id JOIN unit un ON un.id = p.unit_id
      WHERE ${OURS}`,
  );
  const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(BASELINE_QUEUE, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  let child: ChildProcess | undefined;
  try {
    for (let i = 0; i < rows.length; i += 1000) {
      await queue.addBulk(
        rows.slice(i, i + 1000).map((r) => {
          const text = dueSoonText({
            letterNumber: r.number,
            agendaNumber: r.agenda_number,
            subject: r.subject,
            classified: r.security_level === 'CONFIDENTIAL' || r.security_level === 'SECRET',
            dueLocal: localTime(r.due_at, r.timezone),
            dueLocalEn: localTime(r.due_at, r.timezone, 'en'),
          });
          const data = { userId: r.assignee_id, kind: BASELINE_KIND, title: text.title, body: text.body, entityId: r.id };
          return { name: 'insert', data: { ...data, dedupeKey: `baseline-${r.id}` } };
        }),
      );
    }
    const name = appName('reminders-floor');
    child = spawn(
      process.execPath,
      [join(__dirname, 'reminders-baseline.child.js'), withAppName(url, name), REDIS_URL, prefix, BASELINE_QUEUE],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const started = await new Promise<number>((resolve, reject) => {
      child!.stdout!.once('data', (chunk: Buffer) => resolve(Number(/started (\d+)/.exec(String(chunk))?.[1])));
      child!.once('exit', (code) => reject(new Error(`baseline worker exited with ${code}`)));
    });
    const count_ = async () =>
      Number((await db.query(`SELECT count(*) AS n FROM notification WHERE kind = $1`, [BASELINE_KIND])).rows[0].n);
    const { result: done, usage } = await measureCpu(url, [{ pids: [child.pid!], appName: name }], () =>
      waitForCount(count_, count, running(child!, 'the baseline worker'), pace),
    );
    const stored = await count_();
    if (stored !== count) throw new Error(`baseline stored ${stored} notifications, expected ${count}`);
    return { rate: (count * 1000) / (done - started), cpu: perRequest(usage, [count]) };
  } finally {
    await stop(child);
    await queue.close();
    connection.disconnect();
    await db.query(`DELETE FROM notification WHERE kind = $1`, [BASELINE_KIND]);
    await db.query('VACUUM notification');
  }
}

/** Until the worker has done what it found at start (its first sweep and digest): nothing pending, queued or running. */
async function waitIdle(db: Client, queues: Queue[], alive: () => void, { timeoutMs }: Pace): Promise<void> {
  let quiet = 0;
  const start = Date.now();
  while (quiet < 3) {
    alive();
    if (Date.now() - start > timeoutMs) throw new Error('the worker did not go idle');
    await sleep(500);
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`)).rows;
    const counts = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'active', 'prioritized')));
    const busy = n + counts.reduce((sum, c) => sum + c.waiting + c.active + c.prioritized, 0);
    quiet = busy ? 0 : quiet + 1;
  }
}

/**
 * Scenario 4: due reminders from outbox row to delivered notification through one worker process
 * (relay → BullMQ → remind job re-reading the assignment under lock → notification → live push from the same
 * process once committed, recorded in the delivery ledger),
 * against a bare BullMQ worker doing one INSERT per job. Runs on a copy of the seeded database.
 */
export async function reminders(quick: boolean): Promise<ScenarioResult[]> {
  // BENCH_WORKER_ENTRY: another build of the worker; BENCH_WORKER_ARGS: extra node flags, e.g. --cpu-prof.
  const entry = process.env.BENCH_WORKER_ENTRY ?? join(root, 'dist', 'apps', 'worker', 'src', 'main.js');
  if (!existsSync(entry)) throw new Error('run `npm run build` first: the reminders scenario starts the built worker');
  const { url: seeded, shape } = await benchDataset(quick);
  // BENCH_REMINDERS: another count, e.g. a shorter run while profiling.
  const count = Number(process.env.BENCH_REMINDERS ?? Math.max(1000, Math.round(100_000 * shape.scale)));
  const pace: Pace = quick ? { pollMs: 100, timeoutMs: 60_000 } : { pollMs: 250, timeoutMs: 15 * 60_000 };
  const prefix = `bench-reminders-${process.pid}`;
  const copy = await copyDataset(seeded, 'reminders');
  const url = copy.url;
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  const db = new Client({ connectionString: url });
  let worker: ChildProcess | undefined;
  const queues = [REMINDERS.queue, 'notifications'].map((name) => new Queue(name, { connection: redis, prefix }));
  try {
    await db.connect();
    await prepareAssignments(db, count);
    const { rate: floor, cpu: floorCpu } = await baseline(url, db, prefix, count, pace);

    const args = (process.env.BENCH_WORKER_ARGS ?? '').split(' ').filter(Boolean);
    const workerName = appName('reminders-worker');
    worker = spawn(process.execPath, [...args, entry], {
      cwd: root,
      // As production runs it (bench/production.ts), on this scenario's own queues.
      env: {
        ...process.env,
        ...(await productionEnv()),
        DATABASE_URL: withAppName(url, workerName),
        REDIS_URL,
        QUEUE_PREFIX: prefix,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'info',
        STORAGE_DIR: join(root, 'bench', '.data', 'files'),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const onData = (chunk: Buffer) => {
        out += chunk;
        if (!out.includes('worker ready')) return;
        worker!.stdout!.off('data', onData);
        worker!.stdout!.resume();
        resolve();
      };
      worker!.stdout!.on('data', onData);
      worker!.once('exit', (code) => reject(new Error(`the worker exited with ${code}`)));
    });
    const alive = running(worker, 'the worker');
    await waitIdle(db, queues, alive, pace);

    // CPU from the outbox commit to the last live push: the worker's process and its backends, per reminder.
    const { result: times, usage } = await measureCpu(url, [{ pids: [worker.pid!], appName: workerName }], async () => {
      const t0 = await insertOutbox(db);
      const ours = async () =>
        Number(
          (
            await db.query(`SELECT count(*) AS n FROM notification WHERE kind = 'assignment.due-soon' AND entity_id LIKE $1`, [
              `${ID_PREFIX}%`,
            ])
          ).rows[0].n,
        );
      const stored = await waitForCount(ours, count, alive, pace);
      // The pipeline ends when the person is told: the live push recorded as sent in the delivery ledger.
      const delivered = await waitForCount(
        async () =>
          Number(
            (
              await db.query(
                `SELECT count(*) AS n FROM notification n JOIN notification_delivery d ON d.notification_id = n.id
                  WHERE n.kind = 'assignment.due-soon' AND n.entity_id LIKE $1 AND d.channel = 'live' AND d.status = 'sent'`,
                [`${ID_PREFIX}%`],
              )
            ).rows[0].n,
          ),
        count,
        alive,
        pace,
      );
      return { t0, stored, delivered };
    });
    const { t0, stored, delivered } = times;
    const cpu = perRequest(usage, [count]);
    // Exact: one reminder per assignment, each assignment marked reminded, none twice. (The sweep may also repair the
    // "disposition received" notices of these assignments, which were inserted without them: those are not counted.)
    const [check] = (
      await db.query(
        `SELECT (SELECT count(*)::int FROM notification WHERE kind = 'assignment.due-soon' AND entity_id LIKE $1) AS notifications,
                (SELECT count(DISTINCT entity_id)::int FROM notification WHERE kind = 'assignment.due-soon' AND entity_id LIKE $1)
                  AS distinct_assignments,
                (SELECT count(*)::int FROM disposition_assignment a WHERE ${OURS} AND a.reminded_at IS NOT NULL) AS reminded`,
        [`${ID_PREFIX}%`],
      )
    ).rows;
    if (check.notifications !== count || check.distinct_assignments !== count || check.reminded !== count) {
      throw new Error(`expected ${count} notifications, one per assignment: ${JSON.stringify(check)}`);
    }
    const rate = (count * 1000) / (delivered - t0);
    const ratio = rate / floor;
    // Throughput moves with the machine's load; the CPU each reminder costs, against the floor's per job, hardly does.
    const ms = (v: number) => `${v.toFixed(2)} ms`;
    const cpuText =
      `CPU per reminder worker node ${ms(cpu.node)} + pg ${ms(cpu.pg)} (floor per job ${ms(floorCpu.node)} + ${ms(floorCpu.pg)}): ` +
      `node ${(cpu.node / floorCpu.node).toFixed(2)}×, total ${((cpu.node + cpu.pg) / (floorCpu.node + floorCpu.pg)).toFixed(2)}×`;
    return [
      {
        name: 'reminders',
        figure:
          `${rate.toFixed(0)} reminders/s delivered (${count} due reminders from outbox commit to stored in ${((stored - t0) / 1000).toFixed(1)} s, ` +
          `to pushed live and recorded in the delivery ledger in ${((delivered - t0) / 1000).toFixed(1)} s, one worker process)`,
        ratio,
        baseline: `bare BullMQ worker, concurrency 100, one INSERT per job ${floor.toFixed(0)} jobs/s`,
        cpu: cpuText,
        target: 'at least 0.60',
        met: ratio >= 0.6,
      },
    ];
  } finally {
    await stop(worker);
    await Promise.all(queues.map((q) => q.close()));
    await deleteKeysUnder(redis, prefix).catch(() => undefined);
    redis.disconnect();
    await db.end().catch(() => undefined);
    await copy.drop();
  }
}
