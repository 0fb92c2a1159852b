// npm run bench:seed -- --scale N   (default 1; 0.01 is the --quick size)
// Builds a realistic data set straight in SQL (INSERT ... SELECT generate_series), not through the API.
// Scale 1: 50 units (a tree), 2,000 users with positions (chain of command), 200,000 incoming letters,
// 400,000 dispositions, 1,000,000 assignments, 20,000 outgoing letters with 60,000 approval steps.
// Times are relative to now(): reseed when the data set is days old, or the SLA mix drifts (all overdue).
import 'reflect-metadata';
import { Client } from 'pg';
import * as argon2 from 'argon2';
import { loadConfig } from '@gesit/platform';
import { prepareDatabase } from '../db/prepare';

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/gesit_bench';
export const BENCH_QUICK_DATABASE_URL = process.env.BENCH_QUICK_DATABASE_URL ?? `${BENCH_DATABASE_URL}_quick`;
/** Every seeded user signs in with this password (one argon2 hash shared by all rows). */
export const BENCH_PASSWORD = 'Bench#Gesit2026';
export const QUICK_SCALE = 0.01;
const UNIT_FAN_OUT = 9;

export interface SeedShape {
  scale: number;
  units: number;
  /** positions per unit: level 0 head, 1-4 heads of division, 5 clerk, 6.. staff */
  perUnit: number;
  users: number;
  letters: number;
  outgoing: number;
}

export function shape(scale: number): SeedShape {
  const units = Math.max(5, Math.round(50 * scale));
  const perUnit = Math.max(10, Math.round((2000 * scale) / units));
  const letters = Math.max(500, Math.round(200_000 * scale));
  return { scale, units, perUnit, users: units * perUnit, letters, outgoing: Math.max(50, Math.round(20_000 * scale)) };
}

/** The e-mail of the n-th seeded user (1-based). Users at level >= 6 of each unit are STAFF. */
export const benchEmail = (n: number): string => `bench${n}@bench.example`;

const dbName = (url: string): string => new URL(url).pathname.slice(1);

async function admin<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const u = new URL(url);
  u.pathname = '/postgres';
  const client = new Client({ connectionString: u.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The scale the database was seeded at (from its comment), or null. */
export async function seededScale(url: string): Promise<number | null> {
  return admin(url, async (c) => {
    const { rows } = await c.query(`SELECT shobj_description(oid, 'pg_database') AS d FROM pg_database WHERE datname = $1`, [dbName(url)]);
    // A data set seeded with another unit tree counts as unseeded.
    const m = new RegExp(`gesit-bench-seed scale=([\\d.]+) fan-out=${UNIT_FAN_OUT} `).exec(rows[0]?.d ?? '');
    return m ? Number(m[1]) : null;
  });
}

export async function seed(url: string, scale: number, log: (line: string) => void = console.log): Promise<SeedShape> {
  const s = shape(scale);
  const started = Date.now();
  const step = async (label: string, work: () => Promise<unknown>) => {
    const t = Date.now();
    await work();
    log(`  ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  const name = dbName(url);
  if (!/^gesit_bench/.test(name)) throw new Error(`refusing to seed ${name}: bench databases are named gesit_bench*`);
  await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const config = loadConfig({ ...process.env, DATABASE_URL: url, NODE_ENV: 'development' });
  await step('create and migrate', () => prepareDatabase(config));
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, ...config.passwordHashCost });

  const client = new Client({ connectionString: url });
  await client.connect();
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  const { units: U, perUnit: K, users: P, letters: L, outgoing: O } = s;
  const S = K - 6; // staff levels per unit
  // Children per unit: with 9, at scale 1 the second unit's subtree is ten units, the 400 people of the workload scenario.
  const F = UNIT_FAN_OUT;
  // Foreign keys are checked by triggers; the generator builds consistent ids, so skip them while loading.
  await q(`SET session_replication_role = replica`);
  await q(`SET maintenance_work_mem = '256MB'`);
  await q(`SET synchronous_commit = off`);
  const uid = (prefix: string, expr: string) => `md5('${prefix}' || (${expr}))::uuid`;
  const user = (posExpr: string) => uid('usr', posExpr);
  // per-letter helpers: unit, creation time over two years (newest last), urgency and its SLA span
  const letterCols = (n: string, total: number) => `
      ((${n} - 1) % ${U}) + 1 AS u,
      now() - ((${total} - ${n}) * interval '730 days' / ${total}) - interval '2 hours' AS created_at,
      CASE WHEN abs(hashint4extended(${n}, 1)) % 100 < 10 THEN 'VERY_URGENT'
           WHEN abs(hashint4extended(${n}, 1)) % 100 < 30 THEN 'URGENT' ELSE 'NORMAL' END AS urgency`;
  const spanSql = `(CASE urgency WHEN 'VERY_URGENT' THEN interval '24 hours' WHEN 'URGENT' THEN interval '48 hours' ELSE interval '120 hours' END)`;

  await step(`${U} units, ${P} positions and users`, async () => {
    await q(
      `INSERT INTO unit (id, code, name, timezone, parent_id, created_at)
       SELECT ${uid('unit', 'n')}, 'BU' || n, 'Unit Kerja ' || n,
              (ARRAY['Asia/Jakarta','Asia/Jakarta','Asia/Makassar','Asia/Jayapura'])[1 + n % 4],
              CASE WHEN n > 1 THEN ${uid('unit', `(n - 2) / ${F} + 1`)} END, now() - interval '3 years'
         FROM generate_series(1, ${U}) n`,
    );
    await q(
      `INSERT INTO position (id, title, unit_id, superior_id, created_at)
       SELECT ${uid('pos', 'n')},
              CASE WHEN lvl = 0 THEN 'Kepala Unit ' || u WHEN lvl <= 4 THEN 'Kepala Bidang ' || lvl || ' Unit ' || u
                   WHEN lvl = 5 THEN 'Tata Usaha Unit ' || u ELSE 'Staf ' || lvl || ' Unit ' || u END,
              ${uid('unit', 'u')},
              CASE WHEN lvl = 0 AND u > 1 THEN ${uid('pos', `(u - 2) / ${F} + 1`)}
                   WHEN lvl BETWEEN 1 AND 5 THEN ${uid('pos', 'u')}
                   WHEN lvl >= 6 THEN ${uid('pos', `u + ${U} * (1 + lvl % 4)`)} END,
              now() - interval '3 years'
         FROM (SELECT n, (n - 1) % ${U} + 1 AS u, (n - 1) / ${U} AS lvl FROM generate_series(1, ${P}) n) t`,
    );
    await q(
      `INSERT INTO app_user (id, nip, name, email, roles, position_id, password_hash, created_at)
       SELECT ${user('n')}, '19800101' || lpad(n::text, 10, '0'), 'Pegawai Bench ' || n, 'bench' || n || '@bench.example',
              CASE WHEN lvl <= 4 THEN ARRAY['LEADER'] WHEN lvl = 5 THEN ARRAY['CLERK'] ELSE ARRAY['STAFF'] END,
              ${uid('pos', 'n')}, $1, now() - interval '3 years'
         FROM (SELECT n, (n - 1) / ${U} AS lvl FROM generate_series(1, ${P}) n) t`,
      [hash],
    );
  });

  const codes = (await q(`SELECT array_agg(code ORDER BY code) AS c FROM classification_code`)).rows[0].c as string[];
  await step(`${L} incoming letters, files and addressees`, async () => {
    await q(
      `INSERT INTO letter (id, direction, kind, status, number, agenda_number, subject, letter_date, sender_name,
                           classification_code, security_level, urgency, received_at, due_at, created_by_id, unit_id, created_at)
       SELECT ${uid('l', 'n')}, 'INCOMING',
              (ARRAY['OFFICIAL_LETTER','OFFICIAL_LETTER','OFFICIAL_LETTER','MEMO','INVITATION','CIRCULAR','REPORT','OTHER'])[1 + n % 8],
              CASE WHEN created_at < now() - interval '30 days' THEN 'COMPLETED' ELSE 'IN_PROGRESS' END,
              n || '/SP/' || (n % 97) || '/' || extract(year FROM created_at), lpad(n::text, 6, '0') || '/BU' || u,
              'Permohonan tindak lanjut kegiatan nomor ' || n || ' tentang koordinasi program kerja',
              (created_at - interval '3 days')::date, 'Dinas Pengirim ' || (n % 500),
              ($1::text[])[1 + n % ${codes.length}],
              CASE WHEN abs(hashint4extended(n, 3)) % 100 < 88 THEN 'PUBLIC' WHEN abs(hashint4extended(n, 3)) % 100 < 98 THEN 'RESTRICTED'
                   ELSE 'CONFIDENTIAL' END,
              urgency, created_at, created_at + ${spanSql} + interval '4 hours', ${user(`u + 5 * ${U}`)}, ${uid('unit', 'u')}, created_at
         FROM (SELECT n, ${letterCols('n', L)} FROM generate_series(1, ${L}) n) t`,
      [codes],
    );
    await q(
      `INSERT INTO stored_file (id, storage_key, filename, content_type, size, sha256, uploaded_by_id, locked, created_at)
       SELECT ${uid('f', 'n')}, 'bench/' || n || '.pdf', 'surat-masuk-' || n || '.pdf', 'application/pdf', 150000 + n % 90000,
              md5('f' || n) || md5('g' || n), ${user(`u + 5 * ${U}`)}, false, created_at
         FROM (SELECT n, ${letterCols('n', L)} FROM generate_series(1, ${L}) n) t`,
    );
    await q(
      `INSERT INTO letter_file (letter_id, file_id, position) SELECT ${uid('l', 'n')}, ${uid('f', 'n')}, 0 FROM generate_series(1, ${L}) n`,
    );
    await q(
      `INSERT INTO letter_addressee (letter_id, user_id) SELECT ${uid('l', 'n')}, ${user(`(n - 1) % ${U} + 1`)} FROM generate_series(1, ${L}) n`,
    );
  });

  // Per letter: the head disposes to two heads of division (assignments j = 0, 1); the first of them
  // forwards to three staff (j = 2, 3, 4), as a child disposition of assignment j = 0.
  await step(`${2 * L} dispositions`, () =>
    q(
      `INSERT INTO disposition (id, letter_id, sender_id, parent_assignment_id, instructions, note, due_at, created_at)
       SELECT ${uid('d', '2 * n - 1 + k')}, ${uid('l', 'n')},
              CASE WHEN k = 0 THEN ${user('u')} ELSE ${user(`u + ${U} * (1 + n % 4)`)} END,
              CASE WHEN k = 1 THEN ${uid('x', '5 * (n - 1) + 1')} END,
              CASE WHEN k = 0 THEN ARRAY['FOLLOW_UP','COORDINATE'] ELSE ARRAY['PREPARE_REPLY'] END,
              CASE WHEN k = 0 THEN 'Mohon segera ditindaklanjuti' END,
              created_at + ${spanSql} + (k * 4 + 1) * interval '1 hour', created_at + (k * 4 + 1) * interval '1 hour'
         FROM (SELECT n, ${letterCols('n', L)} FROM generate_series(1, ${L}) n) t, (VALUES (0), (1)) AS v(k)`,
    ),
  );

  await step(`${5 * L} disposition assignments`, () =>
    q(
      `INSERT INTO disposition_assignment (id, disposition_id, letter_id, assignee_id, status, urgency, due_at, due_soon_at, read_at,
                                           started_at, completed_at, completion_note, completion_working_minutes, cancelled_at,
                                           created_at, reminded_at, escalation_level, next_escalation_at)
       SELECT id, disposition_id, letter_id, assignee_id,
              CASE WHEN state = 'done' THEN 'COMPLETED' WHEN state = 'cancelled' THEN 'READ'
                   WHEN r3 < 3 THEN 'UNREAD' WHEN r3 < 6 THEN 'READ' ELSE 'IN_PROGRESS' END,
              urgency, due_at, due_soon_at,
              CASE WHEN state <> 'open' OR r3 >= 3 THEN least(now(), created_at + span * 0.05) END,
              CASE WHEN state = 'done' OR (state = 'open' AND r3 >= 6) THEN least(now(), created_at + span * 0.1) END,
              CASE WHEN state = 'done' THEN done_at END,
              CASE WHEN state = 'done' THEN 'Sudah ditindaklanjuti sesuai arahan' END,
              CASE WHEN state = 'done' THEN (extract(epoch FROM done_at - created_at) / 180)::int END,
              CASE WHEN state = 'cancelled' THEN created_at + span * 0.1 END,
              created_at,
              CASE WHEN state = 'open' AND due_soon_at <= now() AND r4 <> 0 THEN due_soon_at + interval '1 minute' END,
              esc, CASE WHEN esc > 0 THEN CASE WHEN r4 = 1 THEN now() - interval '1 hour' ELSE now() + (1 + r3 * 2) * interval '1 hour' END END
         FROM (
           SELECT *, CASE WHEN state = 'open' AND due_at <= now() AND r4 <> 0
                          THEN least(5, 1 + floor(extract(epoch FROM now() - due_at) / 86400))::int ELSE 0 END AS esc,
                     least(now(), created_at + span * (0.2 + r5 / 100.0)) AS done_at
             FROM (
               SELECT ${uid('x', 'k')} AS id, ${uid('d', '2 * n - 1 + CASE WHEN j < 2 THEN 0 ELSE 1 END')} AS disposition_id,
                      ${uid('l', 'n')} AS letter_id,
                      CASE WHEN j < 2 THEN ${user(`u + ${U} * (1 + (n + j) % 4)`)} ELSE ${user(`u + ${U} * (6 + (3 * n + j) % ${S})`)} END AS assignee_id,
                      urgency, span, a_created AS created_at, a_created + span AS due_at, a_created + span * 0.75 AS due_soon_at,
                      CASE WHEN a_created + span < now() - interval '14 days'
                           THEN CASE WHEN r2 < 20 THEN 'open' WHEN r2 < 30 THEN 'cancelled' ELSE 'done' END
                           ELSE CASE WHEN r2 < 450 THEN 'done' WHEN r2 < 470 THEN 'cancelled' ELSE 'open' END END AS state,
                      r3, r4, r5
                 FROM (
                   SELECT k, n, j, u, urgency, ${spanSql} AS span,
                          created_at + CASE WHEN j < 2 THEN interval '1 hour' ELSE interval '5 hours' END + j * interval '1 second' AS a_created,
                          abs(hashint4extended(k, 2)) % 1000 AS r2, abs(hashint4extended(k, 4)) % 10 AS r3,
                          abs(hashint4extended(k, 5)) % 10 AS r4, abs(hashint4extended(k, 6)) % 100 AS r5
                     FROM (SELECT k, (k - 1) / 5 + 1 AS n, (k - 1) % 5 AS j FROM generate_series(1, ${5 * L}) k) g,
                          LATERAL (SELECT ${letterCols('g.n', L)}) l
                 ) t0
             ) t1
         ) t2`,
    ),
  );

  await step(`${O} outgoing letters, ${3 * O} approval steps`, async () => {
    await q(
      `INSERT INTO letter (id, direction, kind, status, number, subject, letter_date, classification_code, security_level, urgency,
                           created_by_id, unit_id, created_at)
       SELECT ${uid('o', 'n')}, 'OUTGOING', 'OFFICIAL_LETTER', CASE WHEN recent THEN 'IN_REVIEW' ELSE 'SIGNED' END,
              CASE WHEN NOT recent THEN 'OUT/' || n || '/BU' || u || '/' || extract(year FROM created_at) END,
              'Balasan atas permohonan koordinasi nomor ' || n, CASE WHEN NOT recent THEN (created_at + interval '2 days')::date END,
              ($1::text[])[1 + n % ${codes.length}], 'PUBLIC', urgency, ${user(`u + ${U} * (6 + n % ${S})`)}, ${uid('unit', 'u')}, created_at
         FROM (SELECT *, created_at > now() - interval '10 days' AS recent FROM (SELECT n, ${letterCols('n', O)} FROM generate_series(1, ${O}) n) t0) t`,
      [codes],
    );
    await q(
      `INSERT INTO outgoing_letter (letter_id, revision, signed_at, verification_code, signer_name, signer_position)
       SELECT ${uid('o', 'n')}, 1, CASE WHEN NOT recent THEN created_at + interval '2 days' END, CASE WHEN NOT recent THEN 'BENCH' || n END,
              CASE WHEN NOT recent THEN 'Pegawai Bench ' || u END, CASE WHEN NOT recent THEN 'Kepala Unit ' || u END
         FROM (SELECT *, created_at > now() - interval '10 days' AS recent FROM (SELECT n, ${letterCols('n', O)} FROM generate_series(1, ${O}) n) t0) t`,
    );
    await q(
      `INSERT INTO approval_step (id, letter_id, revision, step_order, kind, approver_id, status, decided_by_id, decided_at, opened_at,
                                  due_at, due_soon_at, created_at)
       SELECT ${uid('s', '3 * (n - 1) + st')}, ${uid('o', 'n')}, 1, st, CASE WHEN st = 3 THEN 'SIGN' ELSE 'REVIEW' END,
              approver, status, CASE WHEN status = 'APPROVED' THEN approver END,
              CASE WHEN status = 'APPROVED' THEN opened + interval '6 hours' END,
              CASE WHEN status IN ('APPROVED', 'PENDING') THEN opened END,
              CASE WHEN status IN ('APPROVED', 'PENDING') THEN opened + interval '24 hours' END,
              CASE WHEN status IN ('APPROVED', 'PENDING') THEN opened + interval '18 hours' END, created_at
         FROM (
           SELECT n, st, created_at,
                  CASE WHEN st = 3 THEN ${user('u')} ELSE ${user(`u + ${U} * (1 + (n + st) % 4)`)} END AS approver,
                  CASE WHEN NOT recent OR st < cur THEN 'APPROVED' WHEN st = cur THEN 'PENDING' ELSE 'WAITING' END AS status,
                  CASE WHEN recent AND st = cur THEN now() - (abs(hashint4extended(n, 7)) % 40) * interval '1 hour'
                       ELSE created_at + (st - 1) * interval '8 hours' END AS opened
             FROM (SELECT *, created_at > now() - interval '10 days' AS recent, 1 + n % 3 AS cur
                     FROM (SELECT n, ${letterCols('n', O)} FROM generate_series(1, ${O}) n) t0) t,
                  generate_series(1, 3) st
         ) s`,
    );
  });
  await q(`SET session_replication_role = origin`);
  await step('vacuum analyze', () =>
    q(
      `VACUUM (ANALYZE) unit, position, app_user, letter, letter_addressee, letter_file, stored_file, disposition, disposition_assignment, approval_step`,
    ),
  );
  await client.end();
  await admin(url, (c) =>
    c.query(`COMMENT ON DATABASE "${name}" IS 'gesit-bench-seed scale=${scale} fan-out=${UNIT_FAN_OUT} at=${new Date().toISOString()}'`),
  );
  log(`seeded ${name} at scale ${scale} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return s;
}

/** Seeds `url` at `scale` unless it already holds that scale (a fresh seed when `force`). */
export async function ensureSeeded(url: string, scale: number, force = false): Promise<SeedShape> {
  if (!force && (await seededScale(url)) === scale) {
    // Kept across code changes: migrations added since it was seeded are applied to it (they backfill what they add).
    await prepareDatabase(loadConfig({ ...process.env, DATABASE_URL: url, NODE_ENV: 'development' }));
    return shape(scale);
  }
  return seed(url, scale, (line) => console.error(line));
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--scale');
  const quick = args.includes('--quick');
  const scale = i >= 0 ? Number(args[i + 1]) : quick ? QUICK_SCALE : 1;
  if (!(scale > 0)) throw new Error('--scale needs a positive number');
  seed(quick ? BENCH_QUICK_DATABASE_URL : BENCH_DATABASE_URL, scale).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
