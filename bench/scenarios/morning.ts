// The morning at a 2,000-person agency: everyone at once, against one API + one worker and against two
// APIs + one worker behind a round-robin proxy. `soak` is the same mix for 10 minutes after two of warm-up (only
// with --soak). BENCH_MORNING_CLIENTS changes the number of clients (64).
import { type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { makePdf } from '../../test/harness/files';
import { subscribeToNotifications, type NotificationSubscriber } from '../../test/harness/live';
import { deleteKeysUnder } from '../../test/harness/redis-keys';
import { login, loginWithTotp, startApi, startWorker, stop } from '../api';
import { measureCpu, type CpuSide } from '../cpu';
import { benchDataset, copyDataset } from '../dataset';
import { type ScenarioResult } from '../measure';
import { samplePgWaits } from '../pg-waits';
import { BENCH_QUEUE_PREFIX } from '../production';
import { startRoundRobin } from '../proxy';

const MiB = 1024 * 1024;

interface Person {
  id: string;
  email: string;
  token: string;
}
interface Staff extends Person {
  leader: Leader;
  letters: string[];
  /** open assignments and the step each is at; a step moves it on (read, start, complete) */
  steps: { id: string; status: string }[];
  reportDay: number;
}
interface Leader extends Person {
  /** IN_PROGRESS assignments of the leader, disposed onward to `subordinates` */
  parents: { id: string; letterId: string }[];
  subordinates: string[];
}

const INBOX =
  '{ inbox(first: 20) { edges { node { id status dueAt slaState disposition { letter { id number subject senderName } } } } } }';
const LETTER =
  'query($id: ID!) { letter(id: $id) { id number subject status files { id filename } timeline { at action description actor { name } } } }';
const NOTIFICATIONS = '{ notifications(first: 20) { edges { node { id kind title body createdAt readAt } } } }';
const APPROVAL_QUEUE = '{ approvalQueue(first: 20) { edges { node { id kind status dueAt letter { id subject } } } } }';
const DISPOSE = 'mutation($input: DisposeInput!) { dispose(input: $input) { id dueAt assignments { id status dueAt } } }';
const READ = 'mutation($id: ID!) { markAssignmentRead(id: $id) { id status } }';
const START = 'mutation($id: ID!) { startAssignment(id: $id) { id status } }';
const COMPLETE = 'mutation($input: CompleteAssignmentInput!) { completeAssignment(input: $input) { id status } }';
const REPORT = 'mutation($input: SaveDailyReportInput!) { saveDailyReport(input: $input) { id status totalMinutes } }';
const LETTERS = 'query($q: String!) { letters(first: 20, filter: { search: $q }) { edges { node { id number subject } } } }';
const ARCHIVE = 'query($q: String!) { searchArchive(first: 20, query: $q) { edges { node { score record { id title } } } } }';
const CREATE = 'mutation($input: CreateOutgoingDraftInput!) { createOutgoingDraft(input: $input) { id } }';
const SUBMIT = 'mutation($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { id approvalSteps { id order } } }';
const DECIDE = 'mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { id status letter { number signedAt } } }';
const WORDS = ['rapat', 'undangan', 'laporan', 'anggaran', 'kepegawaian', 'pengadaan', 'koordinasi'];

class Failure extends Error {}

/** GraphQL and upload requests over keep-alive connections, one per client. */
class Http {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  constructor(private readonly port: number) {}

  send(path: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: 'POST',
          path,
          agent: this.agent,
          headers: { ...headers, 'content-length': body.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
          res.on('error', reject);
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')));
      req.on('error', reject);
      req.end(body);
    });
  }

  async gql<T>(query: string, variables: unknown, token: string): Promise<T> {
    const { status, text } = await this.send('/graphql', Buffer.from(JSON.stringify({ query, variables })), {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    });
    if (status !== 200 || text.includes('"errors"')) throw new Failure(`${query.slice(0, 40)}: HTTP ${status} ${text.slice(0, 300)}`);
    return (JSON.parse(text) as { data: T }).data;
  }

  async upload(bytes: Buffer, filename: string, token: string): Promise<string> {
    const boundary = `----gesitbench${Math.random().toString(16).slice(2)}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const { status, text } = await this.send('/files', body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      authorization: `Bearer ${token}`,
    });
    if (status !== 201) throw new Failure(`POST /files: HTTP ${status} ${text.slice(0, 300)}`);
    return (JSON.parse(text) as { id: string }).id;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A deterministic pseudo-random sequence, so that every run does the same mix. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface People {
  staff: Staff[];
  leaders: Leader[];
}

interface PickedRow {
  leader_id: string;
  leader_email: string;
  staff_id: string;
  staff_email: string;
}

/** Heads of division with IN_PROGRESS work to dispose, and up to three staff directly below each. */
async function pickPeople(db: Client, leaders: number): Promise<PickedRow[]> {
  const { rows } = await db.query<PickedRow>(
    `WITH leader AS (
       SELECT u.id, u.email, u.position_id FROM app_user u
        WHERE u.roles = ARRAY['LEADER']
          AND EXISTS (SELECT 1 FROM disposition_assignment a WHERE a.assignee_id = u.id AND a.status = 'IN_PROGRESS' AND a.cancelled_at IS NULL)
          AND EXISTS (SELECT 1 FROM position p JOIN app_user s ON s.position_id = p.id WHERE p.superior_id = u.position_id AND s.roles = ARRAY['STAFF'])
        ORDER BY md5(u.id::text) LIMIT $1),
     staff AS (
       SELECT leader.id AS leader_id, s.id, s.email, row_number() OVER (PARTITION BY leader.id ORDER BY md5(s.id::text)) AS n
         FROM leader JOIN position p ON p.superior_id = leader.position_id JOIN app_user s ON s.position_id = p.id AND s.roles = ARRAY['STAFF'])
     SELECT leader.id AS leader_id, leader.email AS leader_email, staff.id AS staff_id, staff.email AS staff_email
       FROM leader JOIN staff ON staff.leader_id = leader.id AND staff.n <= 3
      ORDER BY md5(leader.id::text), staff.n`,
    [leaders],
  );
  return rows;
}

async function preparePeople(db: Client, port: number, leaderCount: number): Promise<People> {
  const rows = await pickPeople(db, leaderCount);
  const leaders = new Map<string, Leader>();
  const staff: Staff[] = [];
  for (const row of rows) {
    let leader = leaders.get(row.leader_id);
    if (!leader) {
      leader = { id: row.leader_id, email: row.leader_email, token: '', parents: [], subordinates: [] };
      leaders.set(row.leader_id, leader);
    }
    leader.subordinates.push(row.staff_id);
    staff.push({ id: row.staff_id, email: row.staff_email, token: '', leader, letters: [], steps: [], reportDay: 0 });
  }
  const { rows: parents } = await db.query<{ assignee_id: string; id: string; letter_id: string }>(
    `SELECT a.assignee_id, a.id, a.letter_id FROM disposition_assignment a
      WHERE a.assignee_id = ANY($1) AND a.status = 'IN_PROGRESS' AND a.cancelled_at IS NULL ORDER BY a.id`,
    [[...leaders.keys()]],
  );
  for (const p of parents) leaders.get(p.assignee_id)!.parents.push({ id: p.id, letterId: p.letter_id });
  const byId = new Map(staff.map((s) => [s.id, s]));
  const { rows: open } = await db.query<{ assignee_id: string; id: string; letter_id: string; status: string }>(
    `SELECT assignee_id, id, letter_id, status FROM (
       SELECT a.assignee_id, a.id, a.letter_id, a.status, row_number() OVER (PARTITION BY a.assignee_id ORDER BY a.created_at DESC) AS n
         FROM disposition_assignment a WHERE a.assignee_id = ANY($1) AND a.completed_at IS NULL AND a.cancelled_at IS NULL) x
      WHERE n <= 60`,
    [[...byId.keys()]],
  );
  for (const a of open) {
    const person = byId.get(a.assignee_id)!;
    person.steps.push({ id: a.id, status: a.status });
    if (person.letters.length < 10) person.letters.push(a.letter_id);
  }
  for (const s of staff) s.token = await login(port, s.email);
  for (const l of leaders.values()) l.token = await loginWithTotp(port, l.email);
  return { staff: staff.filter((s) => s.letters.length), leaders: [...leaders.values()].filter((l) => l.parents.length) };
}

type Op = (http: Http, rnd: () => number, record: (name: string, ms: number) => void) => Promise<unknown>;

/** The mix of the issue: 55% reads, 15% disposition work, 10% daily reports, 10% search, 5% uploads, 5% approvals. */
function mix(people: People, scan: Buffer, draftPdf: Buffer): { weight: number; op: Op }[] {
  const { staff, leaders } = people;
  const any = <T>(list: T[], rnd: () => number) => list[Math.floor(rnd() * list.length)];
  const timed = async <T>(record: (name: string, ms: number) => void, name: string, work: () => Promise<T>): Promise<T> => {
    const start = process.hrtime.bigint();
    const result = await work();
    record(name, Number(process.hrtime.bigint() - start) / 1e6);
    return result;
  };
  // Years before the data set's own reports (some of which are approved and locked).
  const reportBase = Date.now() - (5000 + Math.floor(Math.random() * 1000)) * 86_400_000;
  return [
    { weight: 13.75, op: (h, rnd, rec) => timed(rec, 'inbox', () => h.gql(INBOX, {}, any(staff, rnd).token)) },
    {
      weight: 13.75,
      op: (h, rnd, rec) => {
        const s = any(staff, rnd);
        return timed(rec, 'letter+timeline', () => h.gql(LETTER, { id: any(s.letters, rnd) }, s.token));
      },
    },
    { weight: 13.75, op: (h, rnd, rec) => timed(rec, 'notifications', () => h.gql(NOTIFICATIONS, {}, any(staff, rnd).token)) },
    { weight: 13.75, op: (h, rnd, rec) => timed(rec, 'approval-queue', () => h.gql(APPROVAL_QUEUE, {}, any(leaders, rnd).token)) },
    {
      weight: 15,
      op: async (h, rnd, rec) => {
        // Disposing onward, and the staff's side: read, start, complete, each moving an assignment one step.
        const s = any(staff, rnd);
        const step = rnd() < 0.25 ? undefined : s.steps.shift();
        if (!step) {
          const l = any(leaders, rnd);
          const parent = any(l.parents, rnd);
          await timed(rec, 'dispose', () =>
            h.gql(
              DISPOSE,
              {
                input: {
                  letterId: parent.letterId,
                  parentAssignmentId: parent.id,
                  assigneeIds: l.subordinates.slice(0, 3),
                  instructions: ['FOLLOW_UP'],
                  note: 'Mohon segera ditindaklanjuti',
                },
              },
              l.token,
            ),
          );
          return;
        }
        if (step.status === 'UNREAD') {
          await timed(rec, 'read', () => h.gql(READ, { id: step.id }, s.token));
          s.steps.push({ id: step.id, status: 'READ' });
        } else if (step.status === 'READ') {
          await timed(rec, 'start', () => h.gql(START, { id: step.id }, s.token));
          s.steps.push({ id: step.id, status: 'IN_PROGRESS' });
        } else {
          await timed(rec, 'complete', () =>
            h.gql(COMPLETE, { input: { assignmentId: step.id, note: 'Sudah ditindaklanjuti', evenIfForwardedOpen: true } }, s.token),
          );
        }
      },
    },
    {
      weight: 10,
      op: (h, rnd, rec) => {
        const s = any(staff, rnd);
        // Each report a day of its own, going back, so that none replaces another.
        const date = new Date(reportBase - s.reportDay++ * 86_400_000).toISOString().slice(0, 10);
        return timed(rec, 'daily-report', () =>
          h.gql(
            REPORT,
            {
              input: {
                date,
                workMode: 'OFFICE',
                submit: false,
                note: 'Lembur bila hari libur',
                entries: [{ startTime: '07:30', endTime: '11:30', activity: 'Menyusun laporan pelaksanaan kegiatan' }],
              },
            },
            s.token,
          ),
        );
      },
    },
    { weight: 5, op: (h, rnd, rec) => timed(rec, 'registry-search', () => h.gql(LETTERS, { q: any(WORDS, rnd) }, any(staff, rnd).token)) },
    { weight: 5, op: (h, rnd, rec) => timed(rec, 'archive-search', () => h.gql(ARCHIVE, { q: any(WORDS, rnd) }, any(staff, rnd).token)) },
    { weight: 5, op: (h, rnd, rec) => timed(rec, 'upload-1mb', () => h.upload(scan, 'pindaian.pdf', any(staff, rnd).token)) },
    {
      weight: 5,
      op: async (h, rnd, rec) => {
        // A draft of the staff member, submitted to their head of division, who signs it.
        const s = any(staff, rnd);
        const draftFileId = await timed(rec, 'approval:upload', () => h.upload(draftPdf, 'konsep.pdf', s.token));
        const { createOutgoingDraft } = await timed(rec, 'approval:create', () =>
          h.gql<{ createOutgoingDraft: { id: string } }>(
            CREATE,
            {
              input: {
                kind: 'OFFICIAL_LETTER',
                subject: 'Undangan rapat koordinasi pagi',
                classificationCode: '000.1.1',
                securityLevel: 'PUBLIC',
                urgency: 'NORMAL',
                draftFileId,
              },
            },
            s.token,
          ),
        );
        const { submitForApproval } = await timed(rec, 'approval:submit', () =>
          h.gql<{ submitForApproval: { approvalSteps: { id: string; order: number }[] } }>(
            SUBMIT,
            { input: { letterId: createOutgoingDraft.id, reviewerIds: [], signerId: s.leader.id } },
            s.token,
          ),
        );
        const sign = submitForApproval.approvalSteps.at(-1)!;
        await timed(rec, 'approval:sign', () => h.gql(DECIDE, { input: { stepId: sign.id, decision: 'APPROVE' } }, s.leader.token));
      },
    },
  ];
}

interface MixResult {
  byOp: Map<string, number[]>;
  errors: number;
  firstError?: string;
  requests: number;
}

async function runMix(port: number, clients: number, ms: number, ops: { weight: number; op: Op }[], seed: number): Promise<MixResult> {
  const http = new Http(port);
  const total = ops.reduce((a, o) => a + o.weight, 0);
  const result: MixResult = { byOp: new Map(), errors: 0, requests: 0 };
  const record = (name: string, latency: number) => {
    result.requests++;
    let list = result.byOp.get(name);
    if (!list) result.byOp.set(name, (list = []));
    list.push(latency);
  };
  const end = Date.now() + ms;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const rnd = random(seed * 1000 + c);
      while (Date.now() < end) {
        let pick = rnd() * total;
        const entry = ops.find((o) => (pick -= o.weight) < 0) ?? ops[0];
        try {
          await entry.op(http, rnd, record);
        } catch (error) {
          result.errors++;
          result.firstError ??= (error as Error).message;
        }
      }
    }),
  );
  http.close();
  return result;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const mb = (bytes: number) => (bytes / MiB).toFixed(0);

const kb = (pid: number, field: string) => {
  try {
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;
  } catch {
    return NaN;
  }
};

/** p99 event-loop delay of an API since the previous scrape (prom-client resets its histogram on every scrape). */
async function eventLoopP99(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^nodejs_eventloop_lag_p99_seconds (\S+)/m.exec(text)?.[1] ?? NaN) * 1000;
}

/** The local ports of a process's established TCP sockets to a remote port (PostgreSQL 5432, Redis 6379), from /proc. */
function localPortsTo(pid: number, remotePort: number): number[] {
  try {
    const byInode = new Map<string, number>();
    for (const file of ['tcp', 'tcp6']) {
      const table = `/proc/${pid}/net/${file}`;
      if (!existsSync(table)) continue;
      for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        if (f.length > 9 && parseInt(f[2].split(':')[1], 16) === remotePort && f[3] === '01')
          byInode.set(f[9], parseInt(f[1].split(':')[1], 16));
      }
    }
    return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        const port = byInode.get(/socket:\[(\d+)\]/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? '');
        return port === undefined ? [] : [port];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/**
 * Redis's own count of each process's clients: the entries of CLIENT LIST whose address is one of the process's
 * sockets (other runs and helpers share the Redis, so the whole list would not do).
 */
async function redisClients(redis: IORedis, pids: number[]): Promise<number[]> {
  const ports = new Set((String(await redis.client('LIST')).match(/ addr=[^ ]*:(\d+) /g) ?? []).map((m) => Number(/:(\d+) $/.exec(m)![1])));
  return pids.map((pid) => localPortsTo(pid, 6379).filter((port) => ports.has(port)).length);
}

interface ProbeSample {
  at: number;
  rss: number;
  heapUsed: number;
  loopP99Ms: number;
  loopMaxMs: number;
}

/** The soak's probe (probe.child.js, preloaded): each SIGWINCH appends a sample of the process to its file. */
class Probes {
  readonly dir = mkdtempSync(join(tmpdir(), 'gesit-soak-'));
  readonly env = {
    BENCH_PROBE_DIR: this.dir,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${join(__dirname, 'probe.child.js')}`.trim(),
  };

  async sample(pids: number[]): Promise<void> {
    for (const pid of pids) process.kill(pid, 'SIGWINCH');
    await new Promise((r) => setTimeout(r, 500));
  }

  read(pid: number): ProbeSample[] {
    const file = join(this.dir, `probe-${pid}.jsonl`);
    return existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as ProbeSample)
      : [];
  }

  /** `api0: 0 min RSS 231 MB heap 98 MB loop p99 12 ms max 40 ms, 1 min …` per process, minutes after the first sample. */
  series(names: string[], pids: number[]): string {
    return pids
      .map((pid, i) => {
        const samples = this.read(pid);
        const points = samples.map(
          (p) =>
            `${((p.at - samples[0].at) / 60_000).toFixed(1)} min RSS ${mb(p.rss)} MB heap ${mb(p.heapUsed)} MB loop p99 ${p.loopP99Ms.toFixed(0)} ms max ${p.loopMaxMs.toFixed(0)} ms`,
        );
        return `${names[i]}: ${points.join(', ')}`;
      })
      .join('; ');
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

interface Options {
  name: string;
  apis: number;
  /** Also measure each part of the mix alone, for its CPU per request. */
  alone: boolean;
  clients: number;
  subscriptions: number;
  warmupMs: number;
  ms: number;
  leaders: number;
  soak: boolean;
}

const ALONE_CLIENTS = 4;

/**
 * CPU per request of each part of the mix, run alone after it: in the mix every request shares the processes'
 * CPU with all the others, so only the whole mix's CPU per request can be read there. A part that makes several
 * requests (the approval: upload, create, submit, sign) is one figure per request of its sequence.
 */
async function eachAlone(
  url: string,
  port: number,
  apiSides: CpuSide[],
  ops: { weight: number; op: Op }[],
  quick: boolean,
): Promise<string[]> {
  const lines: string[] = [];
  for (const [i, entry] of ops.entries()) {
    const { result, usage } = await measureCpu(url, apiSides, () => runMix(port, ALONE_CLIENTS, quick ? 1_000 : 4_000, [entry], 10 + i));
    const n = Math.max(result.requests, 1);
    const node = usage.reduce((a, u) => a + u.nodeMs, 0) / n;
    const pg = usage.reduce((a, u) => a + u.pgMs, 0) / n;
    const names = [...result.byOp.keys()].join('/');
    lines.push(
      `${names || `part ${i + 1}`} ${node.toFixed(2)} + ${pg.toFixed(2)} ms (${result.requests}${result.errors ? `, ${result.errors} errors` : ''})`,
    );
  }
  return lines;
}

async function morningRun(quick: boolean, o: Options): Promise<ScenarioResult> {
  const seeded = await benchDataset(quick);
  const copy = await copyDataset(seeded.url, o.name.replace(/\W/g, '_'));
  const db = new Client({ connectionString: copy.url });
  const apis: { port: number; child: ChildProcess; appName: string }[] = [];
  let worker: { child: ChildProcess; appName: string } | undefined;
  let proxy: { port: number; close(): Promise<void> } | undefined;
  const subscribers: NotificationSubscriber<unknown>[] = [];
  // Queues of this run alone: on the bench's shared ones the second run's worker inherited the first run's
  // backlog (deliveries of notifications that are in the other copy, jobs held by the stopped worker) and its
  // schedulers (the 15-minute digest, not due again), so the two runs did not start alike.
  const queues = { QUEUE_PREFIX: `${BENCH_QUEUE_PREFIX}-${o.name}` };
  const probes = o.soak ? new Probes() : undefined;
  const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  try {
    await db.connect();
    worker = await startWorker(copy.url, { ...queues, ...probes?.env });
    for (let i = 0; i < o.apis; i++) apis.push(await startApi(copy.url, o.name, { ...queues, ...probes?.env }, `api${i}`));
    proxy = o.apis > 1 ? await startRoundRobin(apis.map((a) => a.port)) : undefined;
    const front = proxy?.port ?? apis[0].port;
    const people = await preparePeople(db, apis[0].port, o.leaders);
    if (people.staff.length < 2 || people.leaders.length < 1) throw new Error(`too few people with work in ${seeded.url}: reseed`);
    const everyone = [...people.staff, ...people.leaders];
    const mixStart = new Date();
    for (let i = 0; i < o.subscriptions; i++)
      subscribers.push(subscribeToNotifications(`http://127.0.0.1:${front}`, everyone[i % everyone.length].token, 'id kind title'));
    // Generous: on a saturated machine 200 subscriptions have taken over 30 s to open.
    const deadline = Date.now() + 120_000;
    while (subscribers.some((s) => !s.acknowledged)) {
      const broken = subscribers.find((s) => s.errors.length || s.closeCode !== undefined);
      if (broken || Date.now() > deadline)
        throw new Error(`subscriptions not open: ${broken ? JSON.stringify(broken.errors[0] ?? broken.closeCode) : 'timeout'}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // A 1 MB scan that sniffs as PDF, and a real draft with its signing mark.
    const scan = Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.alloc(MiB - 10, 7)]);
    const draftPdf = await makePdf('Undangan rapat koordinasi ${ttd}');
    const ops = mix(people, scan, draftPdf);

    await runMix(front, o.clients, o.warmupMs, ops, 1);
    const sides: CpuSide[] = [
      ...apis.map((a) => ({ pids: [a.child.pid!], appName: a.appName })),
      { pids: [worker.child.pid!], appName: worker.appName },
    ];
    const pids = sides.map((s) => s.pids[0]);
    const rssAfterWarmup = pids.map((pid) => kb(pid, 'VmRSS'));
    const dbConnections = async () =>
      Number(
        (await db.query('SELECT count(*) FROM pg_stat_activity WHERE application_name = ANY($1)', [sides.map((s) => s.appName)])).rows[0]
          .count,
      );
    const connectionsBefore = { pg: await dbConnections(), redis: await redisClients(redis, pids) };
    for (const a of apis) await eventLoopP99(a.port); // resets the histogram: what follows is the window's
    await probes?.sample(pids);
    const peak = pids.map(() => 0);
    const rssSeries = pids.map((): number[] => []);
    const rssTimer = setInterval(
      () =>
        pids.forEach((pid, i) => {
          const rss = kb(pid, 'VmRSS') || 0;
          peak[i] = Math.max(peak[i], rss);
          rssSeries[i].push(rss);
        }),
      200,
    );
    // The soak's series: a sample of each process once a minute.
    const probeTimer = probes && setInterval(() => void probes.sample(pids), 60_000);
    const waits = await samplePgWaits(copy.url, [
      ...apis.map((a, i) => ({ appName: a.appName, label: `api${i}` })),
      { appName: worker.appName, label: 'worker' },
    ]);
    const { result, usage } = await measureCpu(copy.url, sides, () => runMix(front, o.clients, o.ms, ops, 2)).finally(() => {
      clearInterval(rssTimer);
      clearInterval(probeTimer);
    });
    const busyBackends = await waits.stop();
    await probes?.sample(pids);
    const loopP99 = Math.max(...(await Promise.all(apis.map((a) => eventLoopP99(a.port)))));
    const connectionsAfter = { pg: await dbConnections(), redis: await redisClients(redis, pids) };
    const alone = o.alone ? await eachAlone(copy.url, front, sides.slice(0, o.apis), ops, quick) : undefined;
    const received = subscribers.reduce((n, s) => n + s.received.length, 0);
    // The mix's own notices to the subscribers and how many of them went out live in time: what subscribers
    // receive is otherwise, at scale 1, mostly the worker's start-up digest and reminders, queued ahead of them.
    const own = (
      await db.query<{ stored: string; live: string }>(
        `SELECT count(*) AS stored, count(d.sent_at) AS live FROM notification n
           LEFT JOIN notification_delivery d ON d.notification_id = n.id AND d.channel = 'live'
          WHERE n.created_at > $1 AND n.user_id = ANY($2)`,
        [mixStart, everyone.map((p) => p.id)],
      )
    ).rows[0];
    const broken = subscribers.filter((s) => s.errors.length || s.closeCode !== undefined);
    const subscriptionErrors = broken.length;
    const firstBroken = broken[0] && JSON.stringify(broken[0].errors[0] ?? { closeCode: broken[0].closeCode }).slice(0, 200);

    const n = Math.max(result.requests, 1);
    const apiNode = usage.slice(0, o.apis).reduce((a, u) => a + u.nodeMs, 0) / n;
    const apiPg = usage.slice(0, o.apis).reduce((a, u) => a + u.pgMs, 0) / n;
    const workerUsage = usage[o.apis];
    const apiPeak = Math.max(...peak.slice(0, o.apis)) / MiB;
    const workerPeak = peak[o.apis] / MiB;
    const seconds = o.ms / 1000;
    const lines = [...result.byOp.entries()]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([name, list]) => {
        const sorted = list.sort((a, b) => a - b);
        return `${name} ${sorted.length} p50 ${percentile(sorted, 0.5).toFixed(0)} ms p99 ${percentile(sorted, 0.99).toFixed(0)} ms`;
      });
    const errors = result.errors + subscriptionErrors;
    // Growth is the trend from the window's first tenth to its last (medians, one minute each in the soak): the RSS
    // swings by 15–20% between two full collections of the uncapped heap, so its peak against one sample says
    // where in that swing the sample fell, not whether memory leaks. The peak is printed beside it.
    const tenth = (series: number[], last: boolean) => {
      const n = Math.max(1, Math.floor(series.length / 10));
      return median(last ? series.slice(-n) : series.slice(0, n));
    };
    const rssGrowth = Math.max(...rssSeries.map((series) => tenth(series, true) / tenth(series, false) - 1));
    const peakOverWarmup = Math.max(...peak.map((p, i) => p / rssAfterWarmup[i] - 1));
    const leaked = connectionsAfter.pg > connectionsBefore.pg || connectionsAfter.redis.some((r, i) => r > connectionsBefore.redis[i]);
    const names = [...apis.map((_, i) => `api${i}`), 'worker'];
    const soakText = probes
      ? `; RSS after warm-up grew at most ${(rssGrowth * 100).toFixed(1)}% (median of the last tenth of the window against the first: ` +
        `${rssSeries.map((series) => `${mb(tenth(series, false))} → ${mb(tenth(series, true))} MB`).join(', ')}; peak ` +
        `${(peakOverWarmup * 100).toFixed(1)}% over the RSS right after warm-up), database connections ${connectionsBefore.pg} → ${connectionsAfter.pg}, ` +
        `Redis clients (CLIENT LIST, ${names.join('+')}) ${connectionsBefore.redis.join('+')} → ${connectionsAfter.redis.join('+')}; ` +
        `once a minute: ${probes.series(names, pids)}`
      : '';
    const met = errors === 0 && apiPeak < 400 && workerPeak < 400 && loopP99 < 50 && (!o.soak || (rssGrowth < 0.1 && !leaked));
    return {
      name: o.name,
      figure:
        `${(result.requests / seconds).toFixed(0)} requests/s, ${result.requests} in ${seconds} s after ${o.warmupMs / 1000} s of warm-up ` +
        `(${o.clients} clients, ${o.apis} API${o.apis > 1 ? 's behind a round-robin' : ''} + 1 worker, ${o.subscriptions} subscriptions receiving ${received} notifications; ` +
        `of the ${own.stored} the mix made for them, ${own.live} pushed live by the end); ` +
        `errors ${errors}${result.firstError ? ` (first: ${result.firstError})` : ''}` +
        `${subscriptionErrors ? `, of them ${subscriptionErrors} subscriptions ended (first: ${firstBroken})` : ''}; ` +
        `CPU per request API node ${apiNode.toFixed(2)} ms + pg ${apiPg.toFixed(2)} ms, worker node ${(workerUsage.nodeMs / n).toFixed(2)} ms + pg ${(workerUsage.pgMs / n).toFixed(2)} ms; ` +
        `peak RSS API ${apiPeak.toFixed(0)} MB, worker ${workerPeak.toFixed(0)} MB; event-loop delay p99 ${loopP99.toFixed(1)} ms${soakText}; ` +
        `PostgreSQL backends busy on average, by what they wait for (CPU when nothing) and statement: ${busyBackends.join(', ')}; ` +
        `per operation: ${lines.join(', ')}` +
        (alone ? `; CPU per request of each part of the mix run alone (${ALONE_CLIENTS} clients, API node + pg): ${alone.join(', ')}` : ''),
      target: `no error, RSS under 400 MB each, event-loop delay p99 under 50 ms${o.soak ? ', RSS growth under 10%, no leaked connections' : ''}`,
      met,
    };
  } finally {
    await Promise.all(subscribers.map((s) => s.dispose().catch(() => undefined)));
    await proxy?.close();
    for (const a of apis) await stop(a.child);
    await stop(worker?.child);
    await db.end().catch(() => undefined);
    await copy.drop();
    probes?.remove();
    await deleteKeysUnder(redis, queues.QUEUE_PREFIX)
      .catch(() => undefined)
      .finally(() => redis.disconnect());
  }
}

const shape = (quick: boolean) => ({
  clients: quick ? 8 : Number(process.env.BENCH_MORNING_CLIENTS ?? 64),
  subscriptions: quick ? 20 : 200,
  warmupMs: quick ? 2_000 : 10_000,
  ms: quick ? 5_000 : 60_000,
  leaders: quick ? 4 : 16,
});

/** `morning`: the mix at 64 clients for 60 s, against one API and against two behind a round-robin. */
export async function morning(quick: boolean): Promise<ScenarioResult[]> {
  return [
    await morningRun(quick, { name: 'morning-1-api', apis: 1, soak: false, alone: true, ...shape(quick) }),
    await morningRun(quick, { name: 'morning-2-apis', apis: 2, soak: false, alone: false, ...shape(quick) }),
  ];
}

/** `soak`: the morning mix for 10 minutes (only with --soak). */
export async function soak(quick: boolean): Promise<ScenarioResult[]> {
  // Two minutes of warm-up: the API's uncapped heap takes about 100 s of this mix to reach its working size.
  return [
    await morningRun(quick, {
      name: 'soak',
      apis: 1,
      soak: true,
      alone: false,
      ...shape(quick),
      warmupMs: quick ? 2_000 : 120_000,
      ms: quick ? 20_000 : 600_000,
    }),
  ];
}
