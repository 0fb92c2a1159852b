import type { INestApplicationContext } from '@nestjs/common';
import { startTestApi, startTestWorker, TestApi } from '../harness/app';
import { upload } from '../harness/files';
import { adminToken, uniqueSuffix } from '../harness/identity';
import { createAgency } from '../harness/org';
import { ARCHIVE_FILE, SEARCH } from './archive-support';
import { scannedPdf, scanPng, textPdf } from './scans';

const STATUS = `query($id: ID!) {
  archiveRecord(id: $id) { id ocrStatus pageCount searchableFile { id contentType } }
}`;

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('OCR of archived scans in the worker', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let clerk: string;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker({ STORAGE_DIR: api.config.storageDir });
    admin = await adminToken(api);
    const org = await createAgency(api, admin);
    clerk = org.clerk.token;
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  async function archive(bytes: Buffer, filename: string, type: string, title: string) {
    const uploaded = await upload(api, clerk, bytes, filename, type);
    expect(uploaded.status).toBe(201);
    return (
      await api.gqlOk<any>(
        ARCHIVE_FILE,
        {
          input: {
            fileId: uploaded.body.id,
            title,
            documentDate: '2026-02-10',
            securityLevel: 'PUBLIC',
            classificationCode: '000.1.1',
          },
        },
        clerk,
      )
    ).archiveFile;
  }

  const settled = (id: string) =>
    until(`OCR of ${id}`, async () => {
      const record = (await api.gqlOk<any>(STATUS, { id }, clerk)).archiveRecord;
      return record.ocrStatus === 'PENDING' ? undefined : record;
    });

  it('reads an Indonesian scan, and search finds it by another form of a word in it', async () => {
    // Digits only: OCR reads them reliably, while letters such as q and g of a random suffix get confused.
    const marker = `kode${Date.now() % 1_000_000_000}`;
    const png = await scanPng([
      'BERITA ACARA PEMUSNAHAN ARSIP',
      'Pada hari ini telah dilaksanakan pemusnahan arsip',
      `kepegawaian yang telah dinilai oleh panitia ${marker}`,
    ]);
    const record = await archive(png, 'pindaian.png', 'image/png', 'Pindaian tanpa judul isi');
    // Archiving never waits for OCR.
    expect(record.ocrStatus).toBe('PENDING');
    const done = await settled(record.id);
    expect(done).toMatchObject({ ocrStatus: 'DONE', pageCount: 1, searchableFile: { contentType: 'application/pdf' } });

    for (const query of ['dimusnahkan', 'pegawai', 'penilaian', marker]) {
      const found = await api.gqlOk<any>(SEARCH, { query: `${query} ${marker}` }, clerk);
      const hit = found.searchArchive.edges.find((e: any) => e.node.record.id === record.id);
      expect(hit).toBeDefined();
      expect(hit.node.highlight).toContain('<mark>');
    }
  });

  it('OCRs a scanned PDF page by page, and reads the text layer of a typed PDF without OCR', async () => {
    const scanned = await archive(
      await scannedPdf([['Halaman pertama surat edaran'], ['Halaman kedua lampiran anggaran']]),
      'surat-edaran.pdf',
      'application/pdf',
      'Surat edaran hasil pindai',
    );
    const typed = await archive(
      await textPdf(['Nota dinas tentang penataan arsip inaktif', 'di lingkungan sekretariat daerah kabupaten']),
      `nota-${uniqueSuffix()}.pdf`,
      'application/pdf',
      'Nota dinas',
    );
    expect(await settled(scanned.id)).toMatchObject({ ocrStatus: 'DONE', pageCount: 2 });
    expect(await settled(typed.id)).toMatchObject({ ocrStatus: 'NOT_NEEDED', pageCount: 1, searchableFile: null });
    const found = await api.gqlOk<any>(SEARCH, { query: 'lampiran penganggaran', filter: { documentDateFrom: '2026-02-10' } }, clerk);
    expect(found.searchArchive.edges.map((e: any) => e.node.record.id)).toContain(scanned.id);
    const inactive = await api.gqlOk<any>(SEARCH, { query: 'inaktif sekretariat' }, clerk);
    expect(inactive.searchArchive.edges.map((e: any) => e.node.record.id)).toContain(typed.id);
  });

  it('marks a scan Tesseract cannot read FAILED after its retries', async () => {
    // A PNG signature followed by garbage: accepted as an upload, unreadable as an image.
    const broken = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from(`rusak ${uniqueSuffix()}`.repeat(50))]);
    const record = await archive(broken, 'rusak.png', 'image/png', 'Pindaian rusak');
    expect(await settled(record.id)).toMatchObject({ ocrStatus: 'FAILED', pageCount: null });
    const trail = await api.gqlOk<any>(
      'query($id: ID!) { auditTrail(entityType: "ArchiveRecord", entityId: $id) { action } }',
      { id: record.id },
      admin,
    );
    expect(trail.auditTrail.map((e: any) => e.action)).toEqual(['archive-record.archived', 'archive-record.ocr-failed']);
  });
});
