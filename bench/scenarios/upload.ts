import { type ChildProcess, execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { Client as Minio } from 'minio';
import { Client } from 'pg';
import { startS3Server, type S3TestServer } from '../../test/harness/s3-server';
import { benchDataset } from '../dataset';
import { gqlOk, login, startApi, stop } from '../api';
import { measureCpu, type CpuUsage } from '../cpu';
import { median, type ScenarioResult } from '../measure';

const root = join(__dirname, '..', '..');
const MiB = 1024 * 1024;

/** `size` bytes that sniff as a PDF, written in 1 MiB chunks so that no one holds them all; answers their sha256. */
async function generateFile(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(
    Readable.from(
      (function* () {
        const header = Buffer.from('%PDF-1.7\n%');
        yield hash.update(header) && header;
        for (let at = header.length; at < size; at += MiB) {
          const chunk = randomBytes(Math.min(MiB, size - at));
          hash.update(chunk);
          yield chunk;
        }
      })(),
    ),
    createWriteStream(path),
  );
  return hash.digest('hex');
}

/** VmRSS and VmHWM of `pid` in bytes. */
async function memoryOf(pid: number): Promise<{ rss: number; hwm: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/**
 * Runs `work` while watching the resident memory of `pid`: the peak is VmHWM after resetting it
 * (clear_refs 5), so a spike between two polls still counts; the 20 ms polls are the fallback.
 */
async function peakGrowthDuring<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; before: number; growth: number }> {
  const hwmReset = await writeFile(`/proc/${pid}/clear_refs`, '5').then(
    () => true,
    () => false,
  );
  const before = (await memoryOf(pid)).rss;
  let peak = before;
  let done = false;
  const poll = (async () => {
    while (!done) {
      peak = Math.max(peak, (await memoryOf(pid)).rss);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    const result = await work();
    const after = await memoryOf(pid);
    peak = Math.max(peak, after.rss, hwmReset ? after.hwm : 0);
    return { result, before, growth: peak - before };
  } finally {
    done = true;
    await poll;
  }
}

/** POST /files as multipart/form-data, the file streamed from disk. */
function uploadFile(port: number, token: string, path: string, size: number): Promise<{ id: string; size: number; sha256: string }> {
  const boundary = `gesit-bench-${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/files',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + size + tail.length,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          res.statusCode === 201 ? resolve(JSON.parse(body)) : reject(new Error(`POST /files: HTTP ${res.statusCode} ${body}`)),
        );
      },
    );
    req.on('error', reject);
    pipeline(
      Readable.from(
        (async function* () {
          yield head;
          yield* createReadStream(path);
          yield tail;
        })(),
      ),
      req,
    ).catch(reject);
  });
}

/** The baseline of the S3 target: one streamed PUT of the file to a presigned URL, as any client would. */
function putFile(url: string, path: string, size: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: { 'content-length': size } }, (res) => {
      res.resume().on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`PUT to S3: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    pipeline(createReadStream(path), req).catch(reject);
  });
}

/** Downloads the stored file through its downloadUrl and answers the size and sha256 of what came back. */
async function download(port: number, token: string, id: string): Promise<{ size: number; sha256: string }> {
  const data = await gqlOk<{ file: { downloadUrl: string } }>(port, 'query($id: ID!) { file(id: $id) { downloadUrl } }', { id }, token);
  const response = await fetch(data.file.downloadUrl);
  if (response.status !== 200 || !response.body) throw new Error(`download of ${id}: HTTP ${response.status}`);
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of Readable.fromWeb(response.body as never)) {
    size += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { size, sha256: hash.digest('hex') };
}

const mbps = (bytes: number, ms: number) => bytes / MiB / (ms / 1000);

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

interface Target {
  name: string;
  env: Record<string, string>;
  /** Copies the file straight to the same target, the way that needs no API. */
  baseline: { what: string; copy: () => Promise<void> };
}

/**
 * Scenario 6: a large file through POST /files to local disk and to the S3 test server: the API's
 * peak resident memory growth, and its throughput against copying the same bytes straight there.
 */
export async function upload(quick: boolean): Promise<ScenarioResult[]> {
  const { url } = await benchDataset(quick);
  const db = new Client({ connectionString: url });
  await db.connect();
  const { rows } = await db
    .query<{ email: string }>(`SELECT email FROM app_user WHERE roles = ARRAY['STAFF'] ORDER BY md5(id::text) LIMIT 1`)
    .finally(() => db.end());
  if (!rows.length) throw new Error(`no STAFF user in ${url}: reseed`);

  const size = (quick ? 20 : 500) * MiB;
  const work = join(root, 'bench', '.data', `upload-${process.pid}`);
  const source = join(work, 'source.pdf');
  const storageDir = join(work, 'files');
  let s3: S3TestServer | undefined;
  let api: ChildProcess | undefined;
  const results: ScenarioResult[] = [];
  try {
    await mkdir(storageDir, { recursive: true });
    const sha256 = await generateFile(source, size);
    // Lets the disk write back what came before (the reminders scenario drops a 1.5 GB database copy just ahead of
    // this one) and the source itself: the copies below are timed against the disk, not against a write-back.
    await promisify(execFile)('sync');
    s3 = await startS3Server();
    const endpoint = new URL(s3.endpoint);
    const minio = new Minio({
      endPoint: endpoint.hostname,
      port: Number(endpoint.port),
      useSSL: false,
      accessKey: s3.accessKey,
      secretKey: s3.secretKey,
    });
    const bucket = 'gesit-bench-upload';
    const targets: Target[] = [
      {
        name: 'upload-disk',
        // Production refuses local disk storage: this target alone runs with the development settings.
        env: { NODE_ENV: 'development', S3_ENDPOINT: '', STORAGE_DIR: storageDir },
        baseline: {
          what: 'fs stream copy with fsync into the storage directory',
          copy: () => pipeline(createReadStream(source), createWriteStream(join(storageDir, 'baseline'), { flush: true })),
        },
      },
      {
        name: 'upload-s3',
        // s3rver has no multipart upload: every object goes in one PUT, as in the tests.
        env: {
          S3_ENDPOINT: s3.endpoint,
          S3_ACCESS_KEY: s3.accessKey,
          S3_SECRET_KEY: s3.secretKey,
          S3_BUCKET: bucket,
          S3_PART_SIZE_MB: '5120',
        },
        baseline: {
          what: 'one streamed PUT to s3rver',
          copy: async () => putFile(await minio.presignedPutObject(bucket, 'baseline', 600), source, size),
        },
      },
    ];
    for (const target of targets) {
      const { child, port, appName } = await startApi(url, 'upload', { ...target.env, UPLOAD_MAX_MB: String(size / MiB + 1) });
      api = child;
      const token = await login(port, rows[0].email);

      // The machine is shared and its disk and CPU speed vary from second to second: each upload is
      // compared with a copy made just before it, and the ratio is the median of these pairs.
      const ratios: number[] = [];
      const baselineTimes: number[] = [];
      const uploadTimes: number[] = [];
      let before = 0;
      let growth = 0;
      // CPU: the API's (node and its PostgreSQL backends) and this process's (the client, and s3rver for S3),
      // against this process's during the copy; this process does nothing else meanwhile.
      const apiCpu: CpuUsage[] = [];
      let benchCpuUpload = 0;
      let benchCpuCopy = 0;
      const ownCpuMs = (since: NodeJS.CpuUsage) => {
        const used = process.cpuUsage(since);
        return (used.user + used.system) / 1000;
      };
      for (let run = 0; run < (quick ? 1 : 3); run++) {
        const copyStart = process.cpuUsage();
        baselineTimes.push(await timed(target.baseline.copy));
        benchCpuCopy += ownCpuMs(copyStart);
        let stored: { id: string; size: number; sha256: string } | undefined;
        const uploadStart = process.cpuUsage();
        const { result: measured, usage } = await measureCpu(url, [{ pids: [child.pid!], appName }], () =>
          peakGrowthDuring(child.pid!, () => timed(async () => (stored = await uploadFile(port, token, source, size)))),
        );
        benchCpuUpload += ownCpuMs(uploadStart);
        apiCpu.push(...usage);
        uploadTimes.push(measured.result);
        ratios.push(baselineTimes[run] / measured.result);
        if (measured.growth >= growth) ({ before, growth } = measured);
        // Only a file that comes back whole counts.
        const back = await download(port, token, stored!.id);
        if (stored!.size !== size || stored!.sha256 !== sha256 || back.size !== size || back.sha256 !== sha256) {
          throw new Error(
            `${target.name}: stored ${JSON.stringify(stored)}, read back ${JSON.stringify(back)}, sent ${size} bytes ${sha256}`,
          );
        }
      }
      const uploadMs = median(uploadTimes);
      const baselineMs = median(baselineTimes);
      await stop(api);
      const ours = mbps(size, uploadMs);
      const floor = mbps(size, baselineMs);
      const ratio = median(ratios);
      const perMb = (ms: number) => ms / ((uploadTimes.length * size) / MiB);
      const apiNode = perMb(apiCpu.reduce((a, u) => a + u.nodeMs, 0));
      const apiPg = perMb(apiCpu.reduce((a, u) => a + u.pgMs, 0));
      results.push({
        name: target.name,
        figure: `${size / MiB} MB in ${(uploadMs / 1000).toFixed(2)} s = ${ours.toFixed(0)} MB/s (median of ${uploadTimes.length}), peak RSS +${(growth / MiB).toFixed(1)} MB over ${(before / MiB).toFixed(0)} MB`,
        ratio,
        baseline: `${target.baseline.what} ${floor.toFixed(0)} MB/s, run alternately (ratio: median of the ${ratios.length} pairs)`,
        cpu:
          `CPU per MB API node ${apiNode.toFixed(2)} ms + pg ${apiPg.toFixed(2)} ms + bench process ${perMb(benchCpuUpload).toFixed(2)} ms ` +
          `(copy: ${perMb(benchCpuCopy).toFixed(2)} ms in the bench process): total ${((apiNode + apiPg + perMb(benchCpuUpload)) / perMb(benchCpuCopy)).toFixed(2)}×`,
        target: 'RSS growth under 64 MB and at least 0.50',
        met: growth < 64 * MiB && ratio >= 0.5,
      });
    }
    return results;
  } finally {
    await stop(api);
    await s3?.close();
    await rm(work, { recursive: true, force: true });
  }
}
