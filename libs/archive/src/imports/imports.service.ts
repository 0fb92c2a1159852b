import { Injectable } from '@nestjs/common';
import type { PubSub } from 'mercurius';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FilesService } from '@gesit/files';
import {
  AppConfig,
  AuditService,
  badInput,
  conflict,
  inTransaction,
  isUuid,
  type Message,
  notFound,
  OutboxService,
  Principal,
} from '@gesit/platform';
import { ARCHIVE_QUEUE, IMPORT_RUN_JOB, importJobId } from '../archive-events';
import { ImportStatus } from '../archive.enums';
import { ArchiveImportEntity } from './archive-import.entity';
import { StartArchiveImportInput } from './archive-import.type';
import { ImportProgress, importProgressTopic } from './import-progress';

const OPEN: ImportStatus[] = [ImportStatus.VALIDATING, ImportStatus.QUEUED, ImportStatus.RUNNING];

/** How a finished import ended, in words. */
const FINISHED_TEXT: Partial<Record<ImportStatus, Message>> = {
  [ImportStatus.VALIDATED]: { id: 'selesai diperiksa (uji coba)', en: 'finished its dry run' },
  [ImportStatus.DONE]: { id: 'selesai', en: 'finished' },
  [ImportStatus.FAILED]: { id: 'gagal dan berhenti', en: 'failed and stopped' },
  [ImportStatus.CANCELLED]: { id: 'dibatalkan', en: 'been cancelled' },
};

/** Batch imports as the API sees them: started, watched and cancelled by the clerk who started them. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FilesService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly changes: ImportProgress,
    private readonly config: AppConfig,
  ) {}

  async start(principal: Principal, input: StartArchiveImportInput): Promise<ArchiveImportEntity> {
    const manifest = await this.files.findReadable(principal, input.manifestFileId);
    const bundle = await this.files.findReadable(principal, input.bundleFileId);
    if (manifest.contentType !== 'text/csv')
      throw badInput(
        {
          id: `Manifes ${manifest.filename} bukan CSV; unggah daftar arsip sebagai berkas .csv.`,
          en: `The manifest ${manifest.filename} is not a CSV; upload the list of records as a .csv file.`,
        },
        { field: 'manifestFileId' },
      );
    if (bundle.contentType !== 'application/zip')
      throw badInput(
        {
          id: `Berkas ${bundle.filename} bukan ZIP; kemas pindaian dalam satu berkas .zip.`,
          en: `The file ${bundle.filename} is not a ZIP; pack the scans into one .zip file.`,
        },
        { field: 'bundleFileId' },
      );
    return inTransaction(this.dataSource, async (em) => {
      const row = em.create(ArchiveImportEntity, {
        id: randomUUID(),
        status: input.dryRun ? ImportStatus.VALIDATING : ImportStatus.QUEUED,
        dryRun: input.dryRun,
        manifestFileId: manifest.id,
        bundleFileId: bundle.id,
        total: 0,
        processed: 0,
        failed: 0,
        skipped: 0,
        errors: [],
        startedById: principal.userId,
        finishedAt: null,
      });
      await em.insert(ArchiveImportEntity, row);
      await this.outbox.add(em, { queue: ARCHIVE_QUEUE, name: IMPORT_RUN_JOB, payload: { importId: row.id }, jobId: importJobId(row.id) });
      await this.audit.record(em, {
        actorId: principal.userId,
        action: 'archive-import.started',
        entityType: 'ArchiveImport',
        entityId: row.id,
        change: { dryRun: input.dryRun, manifest: manifest.filename, bundle: bundle.filename, bundleSha256: bundle.sha256 },
      });
      return em.findOneByOrFail(ArchiveImportEntity, { id: row.id });
    });
  }

  async cancel(principal: Principal, id: string): Promise<ArchiveImportEntity> {
    const cancelled = await inTransaction(this.dataSource, async (em) => {
      const row = isUuid(id)
        ? await em
            .getRepository(ArchiveImportEntity)
            .createQueryBuilder('i')
            .setLock('pessimistic_write')
            .where('i.id = :id', { id })
            .getOne()
        : null;
      if (!row || row.startedById !== principal.userId) throw notFound({ id: 'Impor', en: 'Import' });
      if (!OPEN.includes(row.status))
        throw conflict({
          id: `Impor ini sudah ${FINISHED_TEXT[row.status]?.id ?? 'selesai'}; tidak ada yang dapat dibatalkan.`,
          en: `This import has already ${FINISHED_TEXT[row.status]?.en ?? 'finished'}; there is nothing to cancel.`,
        });
      row.status = ImportStatus.CANCELLED;
      row.finishedAt = new Date();
      await em.update(ArchiveImportEntity, { id: row.id }, { status: row.status, finishedAt: row.finishedAt });
      await this.audit.record(em, {
        actorId: principal.userId,
        action: 'archive-import.cancelled',
        entityType: 'ArchiveImport',
        entityId: row.id,
        change: { processed: row.processed, total: row.total },
      });
      return row;
    });
    await this.changes.changed(cancelled.id);
    return cancelled;
  }

  /** The import when the caller started it; null otherwise. */
  async get(principal: Principal, id: string): Promise<ArchiveImportEntity | null> {
    if (!isUuid(id)) return null;
    const row = await this.dataSource.getRepository(ArchiveImportEntity).findOneBy({ id });
    return row && row.startedById === principal.userId ? row : null;
  }

  list(principal: Principal, first?: number | null): Promise<ArchiveImportEntity[]> {
    const take = first ?? 20;
    if (!Number.isInteger(take) || take < 1 || take > 100)
      throw badInput({ id: 'first harus antara 1 dan 100.', en: 'first must be between 1 and 100.' });
    return this.dataSource
      .getRepository(ArchiveImportEntity)
      .find({ where: { startedById: principal.userId }, order: { createdAt: 'DESC', id: 'DESC' }, take });
  }

  /**
   * The import now and each time the worker (or a cancel) says it changed, through the pubsub, until it ends.
   * Should a message be lost on the way, the row is read again after `catchUpMs` all the same.
   */
  async *progress(principal: Principal, id: string, pubsub: PubSub, catchUpMs = 30_000): AsyncGenerator<ArchiveImportEntity> {
    // Subscribed before the first read: a change between the two is not missed.
    const changes = (await pubsub.subscribe(importProgressTopic(this.config.queuePrefix, id)))[Symbol.asyncIterator]();
    let timer: NodeJS.Timeout | undefined;
    try {
      let last = '';
      let pending: Promise<unknown> | null = null;
      for (;;) {
        const row = await this.get(principal, id);
        if (!row) throw notFound({ id: 'Impor', en: 'Import' });
        const state = `${row.status}/${row.processed}/${row.failed}/${row.skipped}/${row.total}`;
        if (state !== last) {
          last = state;
          yield row;
        }
        if (!OPEN.includes(row.status)) return;
        pending ??= changes.next().then(() => {
          pending = null;
        });
        await Promise.race([pending, new Promise((resolve) => (timer = setTimeout(resolve, catchUpMs)))]);
        clearTimeout(timer);
      }
    } finally {
      clearTimeout(timer);
      await changes.return?.();
    }
  }
}
