import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Pool, type PoolClient } from 'pg';
import { namedOnApprovalSteps } from '@gesit/approvals';
import { type SearchQuery, searchRows, stemText } from '@gesit/archive/testing';
import { LetterAudience } from '@gesit/correspondence';
import { READERS_NOW_SQL } from '@gesit/identity';
import { appName, measureCpu, withAppName } from '../cpu';
import { benchDataset } from '../dataset';
import type { ScenarioResult } from '../measure';

// The statement the API runs: letter access with every part of its audience, as the API registers them.
const audience = new LetterAudience();
audience.register(namedOnApprovalSteps);
const letterReadable = (letter: string, security: string, me: string, below: string) => audience.readable(letter, security, me, below);

// Words of office letters with their affixed forms, so that stemming has work to do: one word in twenty.
const OFFICE = (
  'arsip pengarsipan diarsipkan pemusnahan dimusnahkan musnah pegawai kepegawaian penilaian dinilai nilai rapat koordinasi ' +
  'undangan mengundang surat keputusan memutuskan laporan melaporkan anggaran penganggaran pembangunan membangun pelatihan ' +
  'perjalanan dinas kebersihan pendidikan pengadaan barang jasa kegiatan pelaksanaan dilaksanakan kabupaten daerah sekretariat ' +
  'bidang informasi komunikasi publik layanan aplikasi perizinan kenaikan pangkat mutasi jabatan evaluasi triwulan tahun bulan'
).split(' ');
// The rest from a wide vocabulary of Indonesian-shaped words (syllables, some with affixes), as in real OCR text.
const SYLLABLES =
  'ba be bi bu da de di du ga gi gu ja ju ka ke ki ku la le li lu ma me mi mu na ne ni nu pa pe pi pu ra re ri ru sa se si su ta te ti tu'.split(
    ' ',
  );
const AFFIXES: [string, string][] = [
  ['', ''],
  ['', ''],
  ['', ''],
  ['me', 'kan'],
  ['di', 'kan'],
  ['pe', 'an'],
  ['ke', 'an'],
  ['ber', ''],
];
function vocabulary(size: number): string[] {
  const out = new Set<string>();
  for (let n = 0; out.size < size; n++) {
    const s = (k: number) => SYLLABLES[Math.floor(n / SYLLABLES.length ** k) % SYLLABLES.length];
    const [pre, suf] = AFFIXES[n % AFFIXES.length];
    out.add(`${pre}${s(0)}${s(1)}${s(2)}${suf}`);
  }
  return [...out];
}
const WORDS_PER_RECORD = 280; // about 2 KB of text
const CHUNKS_PER_RECORD = 4;
const CHUNKS = 4_000;
const HEADS = 50_000;
// Letter numbers: classification code (one of the bench scheme's) / sequence / issuing unit / year.
const CODES = ['000.1.1', '000.1.2', '000.2', '000.5', '000.8', '100.1', '400', '500', '800.2', '900.1'];
const UNITS = ['DISKOMINFO', 'BKD', 'BAPPEDA', 'DINKES', 'DISDIK', 'SETDA', 'BPKAD', 'DPMPTSP', 'OR', 'DISHUB'];
const FIRST_YEAR = 2015;
const YEARS = 11;
const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]`;
// The last three words are seldom in one title together but often in one body: the text tier fills its page.
const WORD_QUERIES = [
  'pemusnahan arsip',
  'kepegawaian',
  'dinilai',
  'rapat koordinasi',
  'mengundang',
  'laporan anggaran',
  'evaluasi pelatihan kebersihan',
];
const dataDir = join(__dirname, '..', '.data');

async function latencies(clients: number, ms: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  const end = Date.now() + ms;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = c; Date.now() < end; i += clients) {
        const start = process.hrtime.bigint();
        await run(i);
        out.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }),
  );
  return out.sort((a, b) => a - b);
}

const p99 = (sorted: number[]) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))];

async function admin<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const target = new URL(url);
  target.pathname = '/postgres';
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The archive data set: a copy of the bench data set named `<it>_archive`, with `records` records of about 2 KB
 * of OCR text each (text, stems, the three vectors, trigram keys and one OCR page), all written by SQL from a
 * word list (generate_series, hashint8). Kept between runs; rebuilt when its comment names another count.
 */
async function archiveDataset(records: number, quick: boolean, log: (line: string) => void): Promise<string> {
  const { url: source } = await benchDataset(quick);
  const sourceName = new URL(source).pathname.slice(1);
  const name = `${sourceName}_archive`;
  const target = new URL(source);
  target.pathname = `/${name}`;
  const mark = `archive-records=${records}`;
  const existing = await admin(source, (c) =>
    c.query(`SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = $1`, [name]),
  );
  if (!quick && existing.rows[0]?.mark === mark) return target.toString();
  const started = Date.now();
  await admin(source, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE "${name}" TEMPLATE "${sourceName}" STRATEGY FILE_COPY`);
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  });
  const c = new Client({ connectionString: target.toString() });
  await c.connect();
  try {
    await c.query(`SET synchronous_commit = off`);
    await c.query(`SET maintenance_work_mem = '512MB'`);
    const [clerk] = (
      await c.query(
        `SELECT u.id, p.unit_id FROM app_user u JOIN position p ON p.id = u.position_id WHERE 'CLERK' = ANY(u.roles) ORDER BY u.id LIMIT 1`,
      )
    ).rows;
    const fileId = '00000000-0000-4000-8000-00000000a5c1';
    await c.query(
      `INSERT INTO stored_file (id, storage_key, filename, content_type, size, sha256, uploaded_by_id) VALUES ($1, 'bench/archive.pdf', 'bench.pdf', 'application/pdf', 1, $2, $3)`,
      [fileId, '0'.repeat(64), clerk.id],
    );
    const vocab = vocabulary(20_000);
    const words = [...OFFICE, ...vocab];
    // A table, not an array parameter: subscripting a text[] walks it from the start.
    await c.query(`CREATE TEMP TABLE bench_word (i int PRIMARY KEY, w text NOT NULL, s text NOT NULL)`);
    await c.query(`INSERT INTO bench_word SELECT i, w, s FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(w, s, i)`, [
      words,
      words.map((w) => stemText(w) || w),
    ]);
    // Word k of a passage: an office word when its hash is 0 mod `office`, else one of the vocabulary, the
    // first words more often than the last (squared), as words are in real text.
    const pick = (office: number) =>
      `CASE WHEN h % ${office} = 0 THEN 1 + (h / 64) % ${OFFICE.length}
            ELSE ${OFFICE.length + 1} + floor(${vocab.length} * power(((h / 64) % 1000003) / 1000003.0, 2))::int END`;
    // Passages of OCR text with their vectors, made once: a record's body joins CHUNKS_PER_RECORD of them by
    // hash (about 10^14 combinations), so that no record parses its 2 KB again. Titles come from their own set.
    await c.query(
      `CREATE TEMP TABLE bench_chunk AS
         SELECT t.c, string_agg(v.w, ' ' ORDER BY k) AS body, to_tsvector('simple', string_agg(v.w, ' ' ORDER BY k)) AS exact,
                to_tsvector('simple', string_agg(v.s, ' ' ORDER BY k)) AS stemmed
           FROM (SELECT c, k, abs(hashint8(c::bigint * 1000 + k)) AS h
                   FROM generate_series(1, ${CHUNKS}) c CROSS JOIN generate_series(1, ${WORDS_PER_RECORD / CHUNKS_PER_RECORD}) k) t
           JOIN bench_word v ON v.i = ${pick(20)}
          GROUP BY t.c`,
    );
    await c.query(
      `CREATE TEMP TABLE bench_head AS
         SELECT t.c, 'Surat ' || string_agg(v.w, ' ' ORDER BY k) AS title, 'surat ' || string_agg(v.s, ' ' ORDER BY k) AS stems
           FROM (SELECT c, k, abs(hashint8(-c::bigint * 1000 - k)) AS h
                   FROM generate_series(1, ${HEADS}) c CROSS JOIN generate_series(1, 6) k) t
           JOIN bench_word v ON v.i = ${pick(3)}
          GROUP BY t.c`,
    );
    await c.query('ALTER TABLE bench_chunk ADD PRIMARY KEY (c)');
    await c.query('ALTER TABLE bench_head ADD PRIMARY KEY (c)');
    log(`  archive passages and titles: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    // Indexes are built once after loading, which is several times faster than keeping them up to date.
    const indexes = (
      await c.query(
        `SELECT indexdef, indexname FROM pg_indexes WHERE tablename IN ('archive_record', 'archive_record_page') AND indexname NOT LIKE 'PK_%'`,
      )
    ).rows as { indexdef: string; indexname: string }[];
    for (const i of indexes) await c.query(`DROP INDEX "${i.indexname}"`);
    const chunk = (n: number) => `1 + abs(hashint8(g::bigint * 16 + ${n})) % ${CHUNKS}`;
    const batch = 50_000;
    for (let start = 1; start <= records; start += batch) {
      const end = Math.min(records, start + batch - 1);
      // Letter numbers as agencies write them (code/sequence/unit/year: 005/123/DISKOMINFO/2025), one per
      // record, on seven records in ten; the others are scans without one.
      await c.query(
        `WITH rec AS (
           SELECT md5('arc' || g)::uuid AS id, g, h.title, h.stems AS title_stems, code,
                  CASE WHEN g % 10 < 7 THEN code || '/' || (1 + g / ${UNITS.length * YEARS}) || '/' || (${sqlArray(UNITS)})[1 + g % ${UNITS.length}]
                                            || '/' || (${FIRST_YEAR} + (g / ${UNITS.length}) % ${YEARS}) END AS number,
                  a.body || ' ' || b.body || ' ' || c.body || ' ' || d.body AS body,
                  a.exact || b.exact || c.exact || d.exact AS exact, a.stemmed || b.stemmed || c.stemmed || d.stemmed AS stemmed
             FROM (SELECT g, (${sqlArray(CODES)})[1 + abs(hashint8(g::bigint * 16 + 9)) % ${CODES.length}] AS code
                     FROM generate_series($1::int, $2::int) g) r
             JOIN bench_head h ON h.c = 1 + abs(hashint8(g::bigint * 16 + 5)) % ${HEADS}
             JOIN bench_chunk a ON a.c = ${chunk(1)} JOIN bench_chunk b ON b.c = ${chunk(2)}
             JOIN bench_chunk c ON c.c = ${chunk(3)} JOIN bench_chunk d ON d.c = ${chunk(4)}),
         inserted AS (
           INSERT INTO archive_record (id, title, classification_code, unit_id, letter_number, document_date, security_level, originality, file_id,
                                       file_sha256, ocr_status, active_until, inactive_until, archived_by_id, archived_at,
                                       search_stemmed, search_exact, search_head, search_keys)
           SELECT id, title, code, $3, number, '2025-01-01', 'PUBLIC', 'ORIGINAL', $4, md5('sha' || g) || md5('sha2' || g), 'DONE',
                  '2027-01-01', '2030-01-01', $5, now() - (${records} - g) * interval '1 minute',
                  -- As SearchIndexService writes them: the title weighs most; the number and code open the body.
                  setweight(to_tsvector('simple', title_stems), 'A')
                    || to_tsvector('simple', concat_ws(' ', regexp_replace(lower(number), '[^a-z0-9]+', ' ', 'g'), regexp_replace(code, '[^0-9]+', ' ', 'g')))
                    || stemmed,
                  setweight(to_tsvector('simple', lower(title)), 'A') || to_tsvector('simple', concat_ws(' ', lower(number), code)) || exact,
                  to_tsvector('simple', concat_ws(' ', title_stems, regexp_replace(lower(number), '[^a-z0-9]+', ' ', 'g')))
                    || to_tsvector('simple', lower(concat_ws(' ', title, number))),
                  lower(concat_ws(' ', title, number))
             FROM rec RETURNING id)
         INSERT INTO archive_record_page (record_id, page, text) SELECT id, 1, body FROM rec`,
        [start, end, clerk.unit_id, fileId, clerk.id],
      );
      log(
        `  archive records: ${end.toLocaleString('en')} of ${records.toLocaleString('en')} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
    // The two large GIN indexes on connections of their own, beside the rest: a GIN build uses one core.
    const build = async (defs: string[]) => {
      const own = new Client({ connectionString: target.toString() });
      await own.connect();
      try {
        await own.query(`SET maintenance_work_mem = '1GB'`);
        for (const def of defs) await own.query(def);
      } finally {
        await own.end();
      }
    };
    const big = (name: string) => /search_(stemmed|exact)_idx/.test(name);
    await Promise.all([
      ...indexes.filter((i) => big(i.indexname)).map((i) => build([i.indexdef])),
      build(indexes.filter((i) => !big(i.indexname)).map((i) => i.indexdef)),
    ]);
    log(`  archive indexes: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await c.query('VACUUM ANALYZE archive_record');
    await c.query('VACUUM ANALYZE archive_record_page');
    await c.query(`COMMENT ON DATABASE "${name}" IS '${mark}'`);
    log(`  archive data set: ${records.toLocaleString('en')} records in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await c.end();
  }
  return target.toString();
}

/**
 * archive-search: the archive's search statement (tiers, stems, exact words, letter numbers, access rule,
 * keyset) at 8 clients, against a bare GIN lookup on the same index. 1,000,000 records at full scale
 * (BENCH_ARCHIVE_RECORDS for another count), 5,000 with --quick.
 */
export async function archiveSearch(quick: boolean): Promise<ScenarioResult[]> {
  const records = quick ? 5_000 : Number(process.env.BENCH_ARCHIVE_RECORDS ?? 1_000_000);
  const url = await archiveDataset(records, quick, (line) => console.error(line));
  const setup = new Client({ connectionString: url });
  await setup.connect();
  // Without JIT, as the application's pool connects (libs/platform data-source-options).
  const pool = new Pool({ connectionString: withAppName(url, appName('archive-search')), max: 8, options: '-c jit=off' });
  // pool.end() resolves before its connections have closed, and the quick run's DROP … WITH (FORCE) below may end
  // them first: an idle client's error then reaches the pool, which must not make it an uncaught exception.
  pool.on('error', () => undefined);
  try {
    const [clerk] = (await setup.query(`SELECT archived_by_id AS id FROM archive_record LIMIT 1`)).rows;
    // A letter number of the data set, as typed whole, without its year, and a middle part of it (the last
    // finds no whole number, so it takes the substring match).
    const [{ number }] = (
      await setup.query(`SELECT letter_number AS number FROM archive_record WHERE id = md5('arc' || $1)::uuid`, [
        Math.floor(records / 30) * 10 + 3,
      ])
    ).rows;
    const parts = (number as string).split('/');
    const queries = [...WORD_QUERIES, number, parts.slice(0, 3).join('/'), parts.slice(1, 3).join('/')];
    const input = (query: string, readers: { viewers: string[]; below: string[] }) => ({ letterReadable, ...readers, query, limit: 21 });
    // Tier by tier, as SearchService runs it.
    const search = async (
      client: PoolClient,
      query: string,
      run: SearchQuery = async (sql, params) => (await client.query(sql, params)).rows,
    ) => {
      // Who reads for the clerk, as AccessPolicyService.readers reads it once per request.
      const [readers] = (await client.query(READERS_NOW_SQL, [clerk.id])).rows;
      return searchRows(run, input(query, readers));
    };
    const plans: string[] = [];
    for (const query of queries) {
      const client = await pool.connect();
      try {
        // Twice: the first search on a connection pays for loading the catalogue and the pages into the caches.
        await search(client, query);
        const explained: string[][] = [];
        await search(client, query, async (sql, params) => {
          const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
          explained.push(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']));
          return (await client.query(sql, params)).rows;
        });
        const sum = (what: string) =>
          explained.reduce((total, lines) => total + Number(lines.find((l) => l.startsWith(what))?.replace(/[^\d.]/g, '') ?? 0), 0);
        console.error(
          `  "${query}" alone: ${explained.length} statements, planning ${sum('Planning Time:').toFixed(1)} ms, execution ${sum('Execution Time:').toFixed(1)} ms`,
        );
        plans.push(`-- "${query}"\n${explained.map((lines) => lines.join('\n')).join('\n-- next tier\n')}`);
      } finally {
        client.release();
      }
    }
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      join(dataDir, 'archive-search-explain.txt'),
      `-- ${records} records, ${new Date().toISOString()}\n${plans.join('\n\n')}\n`,
    );
    const ms = quick ? 5_000 : 30_000;
    const perQuery = new Map<string, number[]>(queries.map((q) => [q, []]));
    const side = (name: string) => [{ pids: [process.pid], appName: appName(name) }];
    const ours = await measureCpu(url, side('archive-search'), () =>
      latencies(8, ms, async (i) => {
        const query = queries[i % queries.length];
        const client = await pool.connect();
        const start = process.hrtime.bigint();
        await search(client, query).finally(() => client.release());
        perQuery.get(query)!.push(Number(process.hrtime.bigint() - start) / 1e6);
      }),
    );
    const searches = ours.result;
    for (const [query, times] of perQuery) {
      times.sort((a, b) => a - b);
      console.error(
        `  "${query}": ${times.length} searches, p50 ${times[times.length >> 1]?.toFixed(1)} ms, p99 ${p99(times)?.toFixed(1)} ms`,
      );
    }
    // The floor: one GIN lookup on the same stemmed index, no tiers, order, access rule or letter numbers.
    const floorPool = new Pool({ connectionString: withAppName(url, appName('archive-floor')), max: 8 });
    floorPool.on('error', () => undefined);
    const floor = await measureCpu(url, side('archive-floor'), () =>
      latencies(8, ms, (i) =>
        floorPool.query(`SELECT id FROM archive_record WHERE search_stemmed @@ to_tsquery('simple', $1) LIMIT 21`, [
          stemText(queries[i % queries.length])
            .split(' ')
            .join(' & '),
        ]),
      ),
    ).finally(() => floorPool.end());
    const bare = floor.result;
    const cpu = (usage: { pgMs: number }[], n: number) => usage[0].pgMs / Math.max(n, 1);
    const p = p99(searches);
    return [
      {
        name: 'archive-search',
        figure:
          `p99 ${p.toFixed(1)} ms, p50 ${searches[searches.length >> 1].toFixed(1)} ms over ${records.toLocaleString('en')} records of 2 KB, ` +
          `8 clients, ${searches.length} searches; pg CPU per search ${cpu(ours.usage, searches.length).toFixed(2)} ms ` +
          `(floor ${cpu(floor.usage, bare.length).toFixed(2)} ms)`,
        ratio: p / p99(bare),
        baseline: `a bare GIN lookup p99 ${p99(bare).toFixed(1)} ms, p50 ${bare[bare.length >> 1].toFixed(1)} ms`,
        target: 'p99 under 100 ms',
        met: p < 100,
      },
    ];
  } finally {
    await pool.end();
    await setup.end();
    // The quick data set is made afresh each run; the full one is kept for the next.
    if (quick) await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`));
  }
}
