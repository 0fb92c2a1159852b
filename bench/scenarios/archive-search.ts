import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Pool, type PoolClient } from 'pg';
import { namedOnApprovalSteps } from '@gesit/approvals';
import { SEARCH_SETTINGS, searchStatement, stemText } from '@gesit/archive/testing';
import { LetterAudience } from '@gesit/correspondence';
import { benchDataset } from '../dataset';
import type { ScenarioResult } from '../measure';

// The statement the API runs: letter access with every part of its audience, as the API registers them.
const audience = new LetterAudience();
audience.register(namedOnApprovalSteps);
const letterReadable = (letter: string, security: string, me: string) => audience.readable(letter, security, me);

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
const QUERIES = ['pemusnahan arsip', 'kepegawaian', 'dinilai', 'rapat koordinasi', 'mengundang', 'laporan anggaran', '800.2/112/BKD'];
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
    await c.query('ANALYZE bench_word');
    // Indexes are built once after loading, which is several times faster than keeping them up to date.
    const indexes = (
      await c.query(
        `SELECT indexdef, indexname FROM pg_indexes WHERE tablename IN ('archive_record', 'archive_record_page') AND indexname NOT LIKE 'PK_%'`,
      )
    ).rows as { indexdef: string; indexname: string }[];
    for (const i of indexes) await c.query(`DROP INDEX "${i.indexname}"`);
    const batch = 20_000;
    for (let start = 1; start <= records; start += batch) {
      const end = Math.min(records, start + batch - 1);
      // Word k of record g: an office word when its hash is 0 mod 20, else one of the vocabulary.
      await c.query(
        `WITH doc AS (
           SELECT g, string_agg(v.w, ' ' ORDER BY k) AS body, string_agg(v.s, ' ' ORDER BY k) AS stems,
                  string_agg(v.w, ' ' ORDER BY k) FILTER (WHERE k <= 8) AS head, string_agg(v.s, ' ' ORDER BY k) FILTER (WHERE k <= 8) AS head_stems
             FROM (SELECT g, k, abs(hashint8(g::bigint * 1000 + k)) AS h
                     FROM generate_series($1::int, $2::int) g CROSS JOIN generate_series(1, ${WORDS_PER_RECORD}) k) t
             JOIN bench_word v ON v.i = CASE WHEN t.h % 20 = 0 THEN 1 + (t.h / 32) % ${OFFICE.length}
                                             ELSE ${OFFICE.length + 1} + (t.h / 32) % ${vocab.length} END
            GROUP BY g),
         rec AS (
           SELECT md5('arc' || g)::uuid AS id, g, 'Surat ' || g || ' nomor 800.2/' || (g % 500) || '/BKD ' || head AS title,
                  '800.2/' || (g % 500) || '/BKD' AS number, body, stems, head_stems FROM doc),
         inserted AS (
           INSERT INTO archive_record (id, title, classification_code, unit_id, document_date, security_level, originality, file_id, file_sha256,
                                       ocr_status, active_until, inactive_until, archived_by_id, archived_at, search_stemmed, search_exact, search_head, search_keys)
           SELECT id, title, '000.1.1', $3, '2025-01-01', 'PUBLIC', 'ORIGINAL', $4, md5('sha' || g) || md5('sha2' || g), 'DONE',
                  '2027-01-01', '2030-01-01', $5, now() - (${records} - g) * interval '1 minute',
                  setweight(to_tsvector('simple', 'surat ' || g || ' nomor ' || number || ' ' || head_stems), 'A') || to_tsvector('simple', stems),
                  setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body),
                  to_tsvector('simple', 'surat ' || g || ' nomor ' || number || ' ' || head_stems) || to_tsvector('simple', title),
                  lower(title)
             FROM rec RETURNING id)
         INSERT INTO archive_record_page (record_id, page, text) SELECT id, 1, body FROM rec`,
        [start, end, clerk.unit_id, fileId, clerk.id],
      );
      log(
        `  archive records: ${end.toLocaleString('en')} of ${records.toLocaleString('en')} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
    for (const i of indexes) await c.query(i.indexdef);
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
  const pool = new Pool({ connectionString: url, max: 8 });
  try {
    const [clerk] = (await setup.query(`SELECT archived_by_id AS id FROM archive_record LIMIT 1`)).rows;
    const statement = (query: string) => searchStatement({ letterReadable, viewers: [clerk.id], query, limit: 21 });
    const plans: string[] = [];
    // In a transaction with the service's settings, as SearchService runs it.
    const search = async (client: PoolClient, sql: string, params: unknown[]) => {
      await client.query('BEGIN');
      try {
        await client.query(SEARCH_SETTINGS);
        return await client.query(sql, params);
      } finally {
        await client.query('COMMIT');
      }
    };
    for (const query of QUERIES) {
      const { sql, params } = statement(query);
      const client = await pool.connect();
      const plan = await search(client, `EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params).finally(() => client.release());
      plans.push(`-- "${query}"\n${plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`);
    }
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      join(dataDir, 'archive-search-explain.txt'),
      `-- ${records} records, ${new Date().toISOString()}\n${plans.join('\n\n')}\n`,
    );
    const ms = quick ? 5_000 : 30_000;
    const searches = await latencies(8, ms, async (i) => {
      const { sql, params } = statement(QUERIES[i % QUERIES.length]);
      const client = await pool.connect();
      await search(client, sql, params).finally(() => client.release());
    });
    // The floor: one GIN lookup on the same stemmed index, no tiers, order, access rule or letter numbers.
    const bare = await latencies(8, ms, (i) =>
      pool.query(`SELECT id FROM archive_record WHERE search_stemmed @@ to_tsquery('simple', $1) LIMIT 21`, [
        stemText(QUERIES[i % QUERIES.length])
          .split(' ')
          .join(' & '),
      ]),
    );
    const p = p99(searches);
    return [
      {
        name: 'archive-search',
        figure: `p99 ${p.toFixed(1)} ms over ${records.toLocaleString('en')} records of 2 KB, 8 clients, ${searches.length} searches`,
        ratio: p / p99(bare),
        baseline: `a bare GIN lookup p99 ${p99(bare).toFixed(1)} ms`,
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
