import type { INestApplicationContext } from '@nestjs/common';
import { ARCHIVE_OCR_QUEUE, ocrJobId } from '@gesit/archive';
import { QueueRegistry } from '@gesit/platform';
import { startTestApi, startTestWorker, TestApi } from '../harness/app';
import { upload } from '../harness/files';
import { adminToken, uniqueSuffix } from '../harness/identity';
import { createAgency } from '../harness/org';
import { deleteKeysUnder } from '../harness/redis-keys';
import { until } from '../harness/wait';
import { ARCHIVE_FILE } from './archive-support';
import { textPdf } from './scans';

const STATUS = `query($id: ID!) { archiveRecord(id: $id) { id ocrStatus pageCount } }`;

describe('OCR jobs lost with Redis', () => {
  let api: TestApi;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    // Never leave the run's OCR queue paused for the suites after this one.
    await api.app.get(QueueRegistry).get(ARCHIVE_OCR_QUEUE).resume();
    await worker?.close();
    await api.close();
  });

  it('are asked for again by the sweep, and the record is read', async () => {
    const admin = await adminToken(api);
    const clerk = (await createAgency(api, admin)).clerk.token;
    const queues = api.app.get(QueueRegistry);
    const ocr = queues.get(ARCHIVE_OCR_QUEUE);
    // Paused, the job waits in Redis where the outbox put it, until its keys are deleted below.
    await ocr.pause();
    worker = await startTestWorker({ STORAGE_DIR: api.config.storageDir, SWEEP_INTERVAL_SECONDS: '1' });

    const pdf = await textPdf([`Nota dinas penataan arsip ${uniqueSuffix()}`]);
    const uploaded = await upload(api, clerk, pdf, 'nota.pdf', 'application/pdf');
    const input = {
      fileId: uploaded.body.id,
      title: 'Nota dinas',
      documentDate: '2026-02-10',
      securityLevel: 'PUBLIC',
      classificationCode: '000.1.1',
    };
    const record = (await api.gqlOk<any>(ARCHIVE_FILE, { input }, clerk)).archiveFile;
    await until('the OCR job in Redis', async () => ((await ocr.getJob(ocrJobId(record.id))) ? true : undefined), 30_000, 200);

    // Redis loses the queue: the record is still PENDING and no job will ever read it, but for the sweep.
    await deleteKeysUnder(queues.connection, `${api.config.queuePrefix}:${ARCHIVE_OCR_QUEUE}`);
    expect(await ocr.getJob(ocrJobId(record.id))).toBeUndefined();
    expect((await api.gqlOk<any>(STATUS, { id: record.id }, clerk)).archiveRecord.ocrStatus).toBe('PENDING');

    // The sweep (every second here) asks for it again: the job is back under its id.
    await until('the OCR job asked for again', async () => ((await ocr.getJob(ocrJobId(record.id))) ? true : undefined), 30_000, 200);
    // The sweep asks again for every PENDING record, oldest first, so this one waits behind what earlier suites
    // archived without a worker (scans among them, a few seconds of Tesseract each).
    const read = await until(
      'the record read after the sweep',
      async () => {
        const current = (await api.gqlOk<any>(STATUS, { id: record.id }, clerk)).archiveRecord;
        return current.ocrStatus === 'PENDING' ? undefined : current;
      },
      150_000,
      250,
    );
    expect(read).toMatchObject({ ocrStatus: 'NOT_NEEDED', pageCount: 1 });
    const trail = await api.gqlOk<any>(
      'query($id: ID!) { auditTrail(entityType: "ArchiveRecord", entityId: $id) { action } }',
      { id: record.id },
      admin,
    );
    expect(trail.auditTrail.map((e: any) => e.action)).toEqual(['archive-record.archived', 'archive-record.text-layer-read']);
  }, 240_000);
});
