import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { ZipFile } from 'yazl';
import { gqlOk, login, startApi, startWorker, stop } from '../api';
import { benchDataset, copyDataset } from '../dataset';
import type { ScenarioResult } from '../measure';
import { benchEmail } from '../seed';

const root = join(__dirname, '..', '..');

/** A one-page PDF with a text layer, written by hand (a few hundred bytes; pdf-lib would take ms per file). */
export function tinyPdf(text: string): Buffer {
  const content = `BT /F1 12 Tf 50 780 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The ZIP of `count` distinct PDFs (streamed to `path`) and its manifest, with Indonesian headers. */
async function bundle(count: number, path: string, tag: string): Promise<string> {
  const zip = new ZipFile();
  const rows = ['berkas,kode_klasifikasi,uraian,tanggal'];
  for (let i = 1; i <= count; i++) {
    const name = `pindaian/${String(i).padStart(5, '0')}.pdf`;
    zip.addBuffer(tinyPdf(`Surat ${tag} nomor ${i} tentang pengarsipan`), name);
    rows.push(`${name},000.1.1,Surat ${tag} nomor ${i},2025-0${1 + (i % 9)}-1${i % 10}`);
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  return `${rows.join('\n')}\n`;
}

async function uploadFile(port: number, token: string, bytes: Buffer, filename: string, type: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), filename);
  const response = await fetch(`http://127.0.0.1:${port}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (response.status !== 201) throw new Error(`POST /files ${filename}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** The peak resident set of a process so far (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

/**
 * archive-import: a ZIP of 10,000 small PDFs with a CSV manifest (100 with --quick), uploaded through the
 * built API and imported by the built worker: records per second from the start of the import to its end,
 * and the worker's peak RSS (which also runs the OCR jobs of the new records meanwhile).
 */
export async function archiveImport(quick: boolean): Promise<ScenarioResult[]> {
  const count = quick ? 100 : Number(process.env.BENCH_IMPORT_FILES ?? 10_000);
  // The small data set at every scale: an import needs a clerk and the classification scheme, and a worker
  // on the large one would spend the run on the follow-ups of a million assignments instead.
  const { url: seeded } = await benchDataset(true);
  const copy = await copyDataset(seeded, 'import');
  const work = join(root, 'bench', '.data', `import-${process.pid}`);
  const storageDir = join(work, 'files');
  mkdirSync(storageDir, { recursive: true });
  const db = new Client({ connectionString: copy.url });
  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  try {
    await db.connect();
    const [clerk] = (
      await db.query(
        `SELECT u.email FROM app_user u JOIN position p ON p.id = u.position_id JOIN unit n ON n.id = p.unit_id
          WHERE 'CLERK' = ANY(u.roles) ORDER BY n.parent_id NULLS FIRST, u.email LIMIT 1`,
      )
    ).rows as { email: string }[];
    const zipPath = join(work, 'bundle.zip');
    const manifest = await bundle(count, zipPath, `impor${process.pid}`);
    const started = await startApi(copy.url, 'archive-import', { STORAGE_DIR: storageDir, MFA_REQUIRED_ROLES: 'ADMIN' });
    api = started.child;
    const token = await login(started.port, clerk?.email ?? benchEmail(1));
    const bundleFileId = await uploadFile(started.port, token, await readFile(zipPath), 'impor.zip', 'application/zip');
    const manifestFileId = await uploadFile(started.port, token, Buffer.from(manifest), 'manifes.csv', 'text/csv');
    // The worker as production runs it, beside the API: the same object storage and queues.
    worker = (await startWorker(copy.url)).child;
    const t0 = Date.now();
    const { startArchiveImport } = await gqlOk<{ startArchiveImport: { id: string } }>(
      started.port,
      'mutation($input: StartArchiveImportInput!) { startArchiveImport(input: $input) { id } }',
      { input: { bundleFileId, manifestFileId, dryRun: false } },
      token,
    );
    const deadline = t0 + (quick ? 5 : 60) * 60_000;
    let row: { status: string; processed: number; failed: number; errors: unknown[] } | undefined;
    for (;;) {
      if (worker.exitCode !== null) throw new Error(`the worker exited with ${worker.exitCode}`);
      row = (await db.query(`SELECT status, processed, failed, errors FROM archive_import WHERE id = $1`, [startArchiveImport.id])).rows[0];
      if (row && !['VALIDATING', 'QUEUED', 'RUNNING'].includes(row.status)) break;
      if (Date.now() > deadline) throw new Error(`the import did not end: ${JSON.stringify(row)}`);
      await new Promise((r) => setTimeout(r, quick ? 100 : 500));
    }
    const seconds = (Date.now() - t0) / 1000;
    const peak = peakRssMb(worker.pid!);
    const [{ n: stored }] = (await db.query(`SELECT count(*)::int AS n FROM archive_record WHERE import_id = $1`, [startArchiveImport.id]))
      .rows;
    if (row.status !== 'DONE' || stored !== count)
      throw new Error(`import ${row.status}, ${stored} of ${count} records: ${JSON.stringify(row.errors).slice(0, 500)}`);
    return [
      {
        name: 'archive-import',
        figure: `${(count / seconds).toFixed(1)} records/s (${count.toLocaleString('en')} PDFs in ${seconds.toFixed(1)} s), worker peak RSS ${peak.toFixed(0)} MB`,
        target: 'peak RSS under 300 MB',
        met: peak < 300,
      },
    ];
  } finally {
    await stop(worker);
    await stop(api);
    await db.end();
    await copy.drop();
    rmSync(work, { recursive: true, force: true });
  }
}
