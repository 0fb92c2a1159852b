import type { INestApplicationContext } from '@nestjs/common';
import { createClient } from 'graphql-ws';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { errorCode, startTestApi, startTestWorker, TestApi } from '../harness/app';
import { makePdf, upload } from '../harness/files';
import { adminToken, uniqueSuffix } from '../harness/identity';
import { createAgency } from '../harness/org';
import { archivePdf } from './archive-support';
import { makeZip, ZipItem } from './zip-writer';
import { BATCH_ROWS } from '@gesit/archive/testing';

type Agency = Awaited<ReturnType<typeof createAgency>>;

const FIELDS = 'id status dryRun total processed failed skipped errors { row message } errorsCsv startedBy { id } finishedAt';
const START = `mutation($input: StartArchiveImportInput!) { startArchiveImport(input: $input) { ${FIELDS} } }`;
const GET = `query($id: ID!) { archiveImport(id: $id) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelArchiveImport(id: $id) { ${FIELDS} } }`;

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('batch import of scans (ZIP + CSV manifest)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: Agency;
  let db: DataSource;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker({ STORAGE_DIR: api.config.storageDir });
    org = await createAgency(api, await adminToken(api));
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  async function uploaded(bytes: Buffer, name: string, type: string): Promise<string> {
    const res = await upload(api, org.clerk.token, bytes, name, type);
    if (res.status !== 201) throw new Error(`upload of ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  async function start(manifest: Buffer | string, zip: Buffer, dryRun: boolean): Promise<any> {
    const manifestFileId = await uploaded(Buffer.isBuffer(manifest) ? manifest : Buffer.from(manifest), 'manifest.csv', 'text/csv');
    const bundleFileId = await uploaded(zip, 'pindaian.zip', 'application/zip');
    return (await api.gqlOk<any>(START, { input: { manifestFileId, bundleFileId, dryRun } }, org.clerk.token)).startArchiveImport;
  }

  const finished = (id: string, ms?: number) =>
    until(
      `import ${id}`,
      async () => {
        const row = (await api.gqlOk<any>(GET, { id }, org.clerk.token)).archiveImport;
        return ['VALIDATED', 'DONE', 'FAILED', 'CANCELLED'].includes(row.status) ? row : undefined;
      },
      ms,
    );

  const recordsTitled = async (prefix: string): Promise<number> =>
    (await db.query('SELECT count(*)::int AS n FROM archive_record WHERE title LIKE $1', [`${prefix}%`]))[0].n;

  it('checks every row in a dry run, then imports the rows in batches, refusing the bomb and the traversal, skipping the duplicate; a re-run adds nothing', async () => {
    const tag = `Impor ${uniqueSuffix()}`;
    const already = await archivePdf(api, org.clerk.token, { classificationCode: '000.1.1' }, `${tag} sudah ada`);
    const alreadyBytes = await (await fetch(await fileUrl(already.file.id))).arrayBuffer();
    const dossierNumber = `LAMA-${uniqueSuffix()}`;
    const pdf = (n: number) => makePdf(`${tag} dokumen ${n}`);
    const items: ZipItem[] = [
      { name: 'scan/satu.pdf', data: await pdf(1) },
      { name: 'scan/dua.pdf', data: await pdf(2) },
      { name: 'scan/tiga.pdf', data: await pdf(3), store: true },
      { name: 'scan/empat.pdf', data: await pdf(4) },
      { name: 'scan/sama.pdf', data: Buffer.from(alreadyBytes) },
      { name: 'scan/bom.pdf', data: Buffer.alloc(20 * 1024 * 1024) },
      { name: '../../etc/jahat.pdf', data: await pdf(9) },
      { name: 'scan/rahasia.pdf', data: await pdf(8), encrypted: true, store: true },
      { name: '/mutlak.pdf', data: await pdf(7) },
    ];
    const manifest = [
      'berkas;kode_klasifikasi;uraian;tanggal;nomor_berkas;tingkat_keamanan;lokasi_simpan',
      `scan/satu.pdf;000.1.1;${tag} satu;2025-03-01;${dossierNumber};biasa;Rak 1/Boks 2`,
      `scan/dua.pdf;000.1.1;${tag} dua;2025-03-02;${dossierNumber};terbatas;Rak 1/Boks 2`,
      `scan/tiga.pdf;000.1.1;${tag} tiga;2025-03-03;;;`,
      `scan/sama.pdf;000.1.1;${tag} sama lagi;2025-03-04;;;`,
      `scan/bom.pdf;000.1.1;${tag} bom;2025-03-05;;;`,
      `../../etc/jahat.pdf;000.1.1;${tag} jahat;2025-03-06;;;`,
      `scan/rahasia.pdf;000.1.1;${tag} terkunci;2025-03-07;;;`,
      `scan/hilang.pdf;000.1.1;${tag} hilang;2025-03-08;;;`,
      `scan/empat.pdf;999.9;${tag} kode salah;2025-03-09;;;`,
      `scan/dua.pdf;000.1.1;${tag} tanggal salah;2025-02-30;;;`,
      `scan/tiga.pdf;000.1.1;${tag} tiga lagi;2025-03-03;;;`,
    ].join('\n');
    const zip = makeZip(items);

    const dry = await start(manifest, zip, true);
    expect(dry).toMatchObject({ status: 'VALIDATING', dryRun: true, startedBy: { id: org.clerk.id } });
    const checked = await finished(dry.id);
    expect(checked).toMatchObject({ status: 'VALIDATED', total: 11, processed: 11, failed: 7, skipped: 0 });
    const byRow = (row: any) => new Map<number, string>(row.errors.map((e: any) => [e.row, e.message]));
    const dryErrors = byRow(checked);
    expect(dryErrors.get(6)).toContain('bom ZIP');
    expect(dryErrors.get(7)).toContain('ke luar folder');
    expect(dryErrors.get(8)).toContain('terenkripsi');
    expect(dryErrors.get(9)).toContain('tidak ada di dalam ZIP');
    expect(dryErrors.get(10)).toContain('999.9');
    expect(dryErrors.get(11)).toContain('2025-02-30');
    expect(dryErrors.get(12)).toContain('sudah disebut di baris sebelumnya');
    expect(checked.errors.find((e: any) => e.row === 0).message).toContain('/mutlak.pdf');
    expect(await recordsTitled(`${tag} satu`)).toBe(0);

    const real = await finished((await start(manifest, zip, false)).id);
    expect(real).toMatchObject({ status: 'DONE', total: 11, processed: 11, skipped: 1, failed: 7 });
    expect(real.errorsCsv.split('\r\n')[0]).toBe('baris,pesan');
    expect(real.errorsCsv).toContain('6,"Baris 6: Entri scan/bom.pdf');
    // The same errors read in English, in the list and in the CSV to download.
    const english = (
      await api.gql<any>(
        'query($id: ID!) { archiveImport(id: $id) { errors { row message } errorsCsv } }',
        { id: real.id },
        org.clerk.token,
        { 'accept-language': 'en' },
      )
    ).data!.archiveImport;
    expect(english.errorsCsv.split('\r\n')[0]).toBe('row,message');
    expect(english.errorsCsv).toContain('6,"Row 6: Entry scan/bom.pdf');
    const englishErrors = byRow(english);
    expect(englishErrors.get(9)).toContain('is not in the ZIP');
    expect(englishErrors.get(10)).toContain('classification code 999.9 is not in the scheme');
    expect(englishErrors.get(12)).toContain('is named on an earlier row');
    expect(english.errors.map((e: any) => e.message).join(' ')).not.toMatch(/\b(Baris|Entri|berkas|tidak|sudah)\b/);
    expect(await recordsTitled(`${tag} `)).toBe(4); // the one archived before + satu, dua, tiga
    const [dossier] = await db.query(
      `SELECT d.number, d.physical_location, count(r.id)::int AS records FROM dossier d JOIN archive_record r ON r.dossier_id = d.id
        WHERE d.number = $1 GROUP BY d.id`,
      [dossierNumber],
    );
    expect(dossier).toEqual({ number: dossierNumber, physical_location: 'Rak 1/Boks 2', records: 2 });
    const [restricted] = await db.query('SELECT security_level, ocr_status FROM archive_record WHERE title = $1', [`${tag} dua`]);
    expect(restricted.security_level).toBe('RESTRICTED');

    // The clerk who started it is told of each outcome, with its counts.
    const [notice] = await db.query('SELECT user_id, title, body FROM notification WHERE entity_id = $1 AND kind = $2', [
      real.id,
      'archive.import.finished',
    ]);
    expect(notice).toEqual({
      user_id: org.clerk.id,
      title: 'Impor arsip manifest.csv selesai',
      body: expect.stringMatching(/^3 arsip diimpor, 1 dilewati karena sudah ada, 7 gagal, dari 11 baris manifes\. Masalah pertama: /),
    });
    const [{ body_en: bodyEn }] = await db.query('SELECT body_en FROM notification WHERE entity_id = $1', [real.id]);
    expect(bodyEn).toMatch(
      /^3 records imported, 1 skipped as already there, 7 failed, of 11 manifest rows\. First problem: Entry \/mutlak\.pdf has an absolute path/,
    );
    const [dryNotice] = await db.query('SELECT title, body FROM notification WHERE entity_id = $1', [dry.id]);
    expect(dryNotice).toEqual({
      title: 'Pemeriksaan impor arsip manifest.csv selesai',
      body: expect.stringMatching(/^11 baris manifes diperiksa: 4 siap diimpor, 7 bermasalah\./),
    });

    const again = await finished((await start(manifest, zip, false)).id);
    expect(again).toMatchObject({ status: 'DONE', skipped: 4, failed: 7 });
    expect(await recordsTitled(`${tag} `)).toBe(4);
  });

  it('refuses a manifest that is not UTF-8 and a ZIP of more than 10,000 entries as a whole', async () => {
    // The upload checks the first 4 KB; a spreadsheet's Latin-1 export can go wrong further down.
    const padding = 'a.pdf,000.1.1,Surat ke Bandung,2025-01-01\n'.repeat(120);
    const latin1 = Buffer.from(`file,classification_code,title,document_date\n${padding}a.pdf,000.1.1,Caf\xe9,2025-01-01\n`, 'latin1');
    const notUtf8 = await finished((await start(latin1, makeZip([{ name: 'a.pdf', data: await makePdf('a') }]), true)).id);
    expect(notUtf8.status).toBe('FAILED');
    expect(notUtf8.errors).toEqual([{ row: 0, message: expect.stringContaining('UTF-8') }]);

    const many = makeZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `f${i}.pdf`, data: Buffer.from('x'), store: true })));
    const tooMany = await finished((await start('file,classification_code,title,document_date\n', many, true)).id);
    expect(tooMany.status).toBe('FAILED');
    expect(tooMany.errors[0].message).toContain('10001 entri');
  });

  it('reports progress through the subscription, and a cancelled import stops and stays cancelled', async () => {
    const tag = `Batal ${uniqueSuffix()}`;
    // More rows than a batch, so that the cancel lands between two of them.
    const rows = BATCH_ROWS * 2 + 50;
    const items = await Promise.all(
      Array.from({ length: rows }, async (_, i) => ({ name: `s${i}.pdf`, data: await makePdf(`${tag} ${i}`) })),
    );
    const manifest = [
      'file,classification_code,title,document_date',
      ...items.map((it, i) => `${it.name},000.1.1,${tag} ${i},2025-05-05`),
    ].join('\n');
    const zip = makeZip(items);

    // Every change the subscription pushes, until the import ends; `onChange` runs for each one.
    const watch = async (id: string, onChange: (progress: any) => unknown = () => undefined) => {
      const seen: any[] = [];
      const client = createClient({
        url: `${api.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${org.clerk.token}` },
        retryAttempts: 0,
      });
      try {
        await new Promise<void>((resolve, reject) =>
          client.subscribe(
            { query: `subscription($id: ID!) { archiveImportProgress(id: $id) { status processed total } }`, variables: { id } },
            {
              next: (m) => {
                seen.push(m.data!.archiveImportProgress);
                Promise.resolve(onChange(m.data!.archiveImportProgress)).catch(reject);
              },
              error: reject,
              complete: resolve,
            },
          ),
        );
      } finally {
        await client.dispose();
      }
      return seen;
    };

    const watched = await start(manifest, zip, true);
    const seen = await watch(watched.id);
    expect(seen[seen.length - 1]).toEqual({ status: 'VALIDATED', processed: rows, total: rows });
    const processed = seen.map((s) => s.processed);
    expect([...processed].sort((a, b) => a - b)).toEqual(processed);

    const stranger = await api.gql(GET, { id: watched.id }, org.staff.token);
    expect(stranger.data!.archiveImport).toBeNull();

    const running = await start(manifest, zip, false);
    let cancelledAt = 0;
    const progress = await watch(running.id, async () => {
      if (cancelledAt) return;
      cancelledAt = Date.now();
      const cancelled = (await api.gqlOk<any>(CANCEL, { id: running.id }, org.clerk.token)).cancelArchiveImport;
      expect(cancelled.status).toBe('CANCELLED');
    });
    // Pushed when it happens: without the push the subscription reads the row again only after 30 s.
    expect(Date.now() - cancelledAt).toBeLessThan(10_000);
    expect(progress[progress.length - 1].status).toBe('CANCELLED');
    await new Promise((r) => setTimeout(r, 1500));
    const after = (await api.gqlOk<any>(GET, { id: running.id }, org.clerk.token)).archiveImport;
    expect(after.status).toBe('CANCELLED');
    expect(after.processed).toBeLessThan(rows);
    expect(await recordsTitled(tag)).toBe(after.processed);
    const again = await api.gql(CANCEL, { id: running.id }, org.clerk.token);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toBe('Impor ini sudah dibatalkan; tidak ada yang dapat dibatalkan.');
  });

  it('runs more imports at once than a worker has connections, sharing files and one cancelled, and counts each exactly', async () => {
    // A second worker with one pooled connection for its two import jobs and its OCR jobs; the first takes the rest.
    const narrow = await startTestWorker({ STORAGE_DIR: api.config.storageDir, DATABASE_POOL_SIZE: '1' });
    try {
      const tag = `Bersama ${uniqueSuffix()}`;
      const shared = await Promise.all(Array.from({ length: 20 }, (_, i) => makePdf(`${tag} bersama ${i}`)));
      const imports = 3;
      const own = BATCH_ROWS + 30;
      const started = [];
      for (let k = 0; k < imports; k++) {
        const items: ZipItem[] = await Promise.all(
          Array.from({ length: own }, async (_, i) => ({ name: `k${k}/${i}.pdf`, data: await makePdf(`${tag} ${k} ${i}`) })),
        );
        const common = shared.map((data, i) => ({ name: `bersama/${i}.pdf`, data }));
        // The shared files first in half of the imports and last in the others: their rows meet in both orders.
        const all = k % 2 ? [...items, ...common] : [...common, ...items];
        const manifest = [
          'file,classification_code,title,document_date',
          ...all.map((it) => `${it.name},000.1.1,${tag} ${it.name},2025-06-01`),
        ];
        started.push(await start(manifest.join('\n'), makeZip(all), false));
      }
      const cancelled = started[0];
      await until('the first import to run', async () => {
        const row = (await api.gqlOk<any>(GET, { id: cancelled.id }, org.clerk.token)).archiveImport;
        return row.status !== 'QUEUED' ? row : undefined;
      });
      await api.gql(CANCEL, { id: cancelled.id }, org.clerk.token);
      const ends = await Promise.all(started.map((s) => finished(s.id, 240_000)));

      const total = own + shared.length;
      expect(ends[0].status).toBe('CANCELLED');
      expect(ends[0].processed).toBeLessThan(total);
      // A shared file stored meanwhile by another import is skipped, as on a re-run, not a failed row.
      for (const end of ends.slice(1)) expect(end).toMatchObject({ status: 'DONE', total, processed: total, failed: 0 });
      for (const end of ends) {
        const [{ n }] = await db.query('SELECT count(*)::int AS n FROM archive_record WHERE import_id = $1', [end.id]);
        expect(n).toBe(end.processed - end.skipped - end.failed);
        expect(end.errors).toHaveLength(end.failed);
      }
      // Each shared file archived once, by whichever import came first.
      const [{ n: sharedRecords }] = await db.query(
        `SELECT count(*)::int AS n FROM archive_record WHERE title LIKE $1 AND import_id = ANY($2::uuid[])`,
        [`${tag} bersama/%`, ends.map((e) => e.id)],
      );
      expect(sharedRecords).toBe(shared.length);
    } finally {
      await narrow.close();
    }
  }, 300_000);

  async function fileUrl(id: string): Promise<string> {
    return (await api.gqlOk<any>('query($id: ID!) { file(id: $id) { downloadUrl } }', { id }, org.clerk.token)).file.downloadUrl;
  }
});
