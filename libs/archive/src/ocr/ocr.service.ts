import { Injectable, Logger } from '@nestjs/common';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { FilesService } from '@gesit/files';
import { AppConfig, AuditService, inTransaction } from '@gesit/platform';
import { UnitEntity } from '@gesit/organisation';
import { OcrStatus } from '../archive.enums';
import { dayStartIn } from '../retention/retention-dates';
import { ArchiveRecordEntity } from '../records/archive-record.entity';
import { SearchIndexService } from '../indexing/search-index.service';
import { hasTextLayer, ocrImages, pdfPageCount, pdfText, rasterise } from './ocr-tools';
import { RecordPageEntity } from './record-page.entity';

/** Failed OCR runs of one record before it is marked FAILED (each run is a job attempt with backoff). */
export const OCR_MAX_ATTEMPTS = 3;

interface OcrResult {
  status: OcrStatus.DONE | OcrStatus.NOT_NEEDED;
  pages: string[];
  searchablePdf: Buffer | null;
}

/** Reads a record's scan with Tesseract (Indonesian), stores the text per page and a searchable PDF beside the original. */
@Injectable()
export class OcrService {
  private readonly logger = new Logger(OcrService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FilesService,
    private readonly searchIndex: SearchIndexService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** OCRs a PENDING record; a repeated run (or one for a destroyed record) changes nothing. */
  async run(recordId: string): Promise<OcrStatus | null> {
    const record = await this.dataSource.getRepository(ArchiveRecordEntity).findOneBy({ id: recordId });
    if (!record || record.destroyedAt || record.ocrStatus !== OcrStatus.PENDING) return null;
    const [file] = await this.files.findByIds([record.fileId]);
    const dir = await mkdtemp(join(tmpdir(), 'gesit-ocr-'));
    try {
      const source = join(dir, 'source');
      await writeFile(source, await this.files.readBytes(file));
      const result = await this.read(source, file.contentType, dir);
      return await inTransaction(this.dataSource, async (em) => {
        const current = await em
          .getRepository(ArchiveRecordEntity)
          .createQueryBuilder('r')
          .setLock('pessimistic_write')
          .where('r.id = :id', { id: recordId })
          .getOne();
        if (!current || current.destroyedAt || current.ocrStatus !== OcrStatus.PENDING) return null;
        const searchable = result.searchablePdf
          ? await this.files.storeGenerated(em, {
              bytes: result.searchablePdf,
              filename: `${file.filename.replace(/\.[^.]+$/, '')}-teks.pdf`,
              contentType: 'application/pdf',
              createdById: null,
              retainUntil: dayStartIn(current.inactiveUntil, (await em.findOneByOrFail(UnitEntity, { id: current.unitId })).timezone),
            })
          : null;
        await em.delete(RecordPageEntity, { recordId });
        if (result.pages.length)
          await em.insert(
            RecordPageEntity,
            result.pages.map((text, i) => ({ recordId, page: i + 1, text })),
          );
        await em.update(
          ArchiveRecordEntity,
          { id: recordId },
          { ocrStatus: result.status, pageCount: result.pages.length, searchableFileId: searchable?.id ?? null, ocrError: null },
        );
        await this.searchIndex.reindex(em, [recordId]);
        await this.audit.record(em, {
          actorId: null,
          action: result.status === OcrStatus.DONE ? 'archive-record.ocr-done' : 'archive-record.text-layer-read',
          entityType: 'ArchiveRecord',
          entityId: recordId,
          change: { pages: result.pages.length, searchableFileId: searchable?.id ?? null },
        });
        return result.status;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Counts a failed run; after OCR_MAX_ATTEMPTS the record is FAILED (true), else the job is retried (false). */
  async recordFailure(recordId: string, error: unknown): Promise<boolean> {
    const message = error instanceof Error ? error.message.slice(0, 1000) : String(error);
    this.logger.warn(`OCR of record ${recordId} failed: ${message}`);
    return inTransaction(this.dataSource, async (em) => {
      const rows: { ocr_attempts: number; ocr_status: OcrStatus }[] = await em.query(
        `WITH failed AS (
           UPDATE archive_record SET ocr_attempts = ocr_attempts + 1, ocr_error = $2,
                  ocr_status = CASE WHEN ocr_attempts + 1 >= $3 THEN 'FAILED' ELSE ocr_status END
            WHERE id = $1 AND ocr_status = 'PENDING' RETURNING ocr_attempts, ocr_status)
         SELECT * FROM failed`,
        [recordId, message, OCR_MAX_ATTEMPTS],
      );
      const failed = rows[0]?.ocr_status === OcrStatus.FAILED;
      if (failed)
        await this.audit.record(em, {
          actorId: null,
          action: 'archive-record.ocr-failed',
          entityType: 'ArchiveRecord',
          entityId: recordId,
          change: { attempts: rows[0].ocr_attempts, error: message },
        });
      return failed || !rows.length;
    });
  }

  private async read(source: string, contentType: string, dir: string): Promise<OcrResult> {
    const perPage = this.config.archive.ocrPageTimeoutMs;
    if (contentType === 'application/pdf') {
      const count = await pdfPageCount(source, perPage);
      const text = await pdfText(source, perPage);
      if (hasTextLayer(text)) return { status: OcrStatus.NOT_NEEDED, pages: text, searchablePdf: null };
      const images = await rasterise(source, dir, perPage * count);
      const { pages, pdf } = await ocrImages(images, dir, perPage * count);
      return { status: OcrStatus.DONE, pages, searchablePdf: await readFile(pdf) };
    }
    const { pages, pdf } = await ocrImages([source], dir, perPage);
    return { status: OcrStatus.DONE, pages, searchablePdf: await readFile(pdf) };
  }
}
