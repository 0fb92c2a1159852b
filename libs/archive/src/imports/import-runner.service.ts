import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DataSource, EntityManager, In } from 'typeorm';
import { localDate } from '@gesit/calendar';
import { ClassificationCodeEntity } from '@gesit/correspondence';
import { AcceptedType, FilesService, StoredFileEntity } from '@gesit/files';
import { AppConfig, AuditService, inTransaction, isUniqueViolation, type Message, OBJECT_STORAGE, ObjectStorage } from '@gesit/platform';
import { PeopleDirectory } from '@gesit/identity';
import { NotificationsService } from '@gesit/notifications';
import { ImportStatus } from '../archive.enums';
import { codeFitsDossier } from '../dossiers/dossier-rules';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DossiersService } from '../dossiers/dossiers.service';
import { RecordsService } from '../records/records.service';
import { ArchiveImportEntity, ImportRowError } from './archive-import.entity';
import { ImportProgress } from './import-progress';
import { rowErrorMessage } from './import-errors';
import { importFinishedText } from './import-notice-text';
import { ManifestRefused, ManifestRow, parseManifest } from './manifest';
import { BundleEntry, BundleRefused, EntryTooLarge, ZipBundle } from './zip-bundle';

const RUNNABLE: ImportStatus[] = [ImportStatus.VALIDATING, ImportStatus.QUEUED, ImportStatus.RUNNING];
/** Rows per transaction and progress update, and the most scan bytes a batch holds in memory. */
export const BATCH_ROWS = 100;
export const BATCH_BYTES = 16 * 1024 * 1024;

export interface ImportCounts {
  processed: number;
  failed: number;
  skipped: number;
}

type RowOutcome = 'ok' | 'skipped' | Message;

/** A manifest row on its way: its scan when it is to be stored, or already its outcome ('ok', 'skipped' or an error). */
export interface PreparedRow {
  row: ManifestRow;
  outcome?: RowOutcome;
  bytes?: Buffer;
  type?: AcceptedType;
  sha256?: string;
}

/** Counts handled rows and collects the errors among them. */
export function tally(rows: readonly PreparedRow[], counts: ImportCounts, errors: ImportRowError[]): void {
  for (const { row, outcome } of rows) {
    counts.processed++;
    if (outcome === 'skipped') counts.skipped++;
    else if (outcome !== 'ok') {
      counts.failed++;
      errors.push({ row: row.line, message: outcome! });
    }
  }
}

/** What a scan in the ZIP is, by its first bytes. */
export function scanType(bytes: Buffer): AcceptedType | null {
  const head = bytes.subarray(0, 8).toString('hex');
  if (head.startsWith('255044462d')) return 'application/pdf';
  if (head.startsWith('89504e470d0a1a0a')) return 'image/png';
  if (head.startsWith('ffd8ff')) return 'image/jpeg';
  if (head.startsWith('49492a00') || head.startsWith('4d4d002a')) return 'image/tiff';
  return null;
}

/**
 * Runs an import in the worker: checks every row (dry run), or stores them in batches, one transaction and one
 * progress update per batch. Files already archived (same SHA-256) are skipped, so a re-run or a retried job is
 * safe; the status is read before every batch and locked while one is stored, so a cancellation stops it exactly.
 */
@Injectable()
export class ImportRunnerService {
  private readonly logger = new Logger(ImportRunnerService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FilesService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly records: RecordsService,
    private readonly dossiers: DossiersService,
    private readonly people: PeopleDirectory,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly progress: ImportProgress,
    private readonly notifications: NotificationsService,
  ) {}

  async run(importId: string): Promise<ImportStatus | null> {
    const repo = this.dataSource.getRepository(ArchiveImportEntity);
    const job = await repo.findOneBy({ id: importId });
    if (!job || !RUNNABLE.includes(job.status)) return null;
    if (!job.dryRun)
      await repo.update({ id: importId, status: In([ImportStatus.QUEUED, ImportStatus.RUNNING]) }, { status: ImportStatus.RUNNING });
    await this.progress.changed(importId);
    const starter = (await this.people.placed([job.startedById])).get(job.startedById);
    const errors: ImportRowError[] = [];
    const dir = await mkdtemp(join(tmpdir(), 'gesit-import-'));
    let bundle: ZipBundle | null = null;
    try {
      if (!starter)
        return await this.finish(job, ImportStatus.FAILED, [
          {
            row: 0,
            message: {
              id: 'Akun pengimpor tidak lagi memegang jabatan.',
              en: 'The account that started the import no longer holds a position.',
            },
          },
        ]);
      const [manifestFile, bundleFile] = await this.files
        .findByIds([job.manifestFileId, job.bundleFileId])
        .then((files) => [files.find((f) => f.id === job.manifestFileId)!, files.find((f) => f.id === job.bundleFileId)!]);
      let rows: ManifestRow[];
      try {
        const parsed = parseManifest(await this.files.readBytes(manifestFile), localDate(new Date(), starter.timeZone));
        rows = parsed.rows;
        errors.push(...parsed.problems.map(([row, message]) => ({ row, message })));
        // The ZIP itself (not its contents) goes to a temporary file: yauzl reads its central directory by offset.
        const zipPath = join(dir, 'bundle.zip');
        await pipeline(await this.storage.get(bundleFile.storageKey), createWriteStream(zipPath));
        bundle = await ZipBundle.open(zipPath);
      } catch (error) {
        if (error instanceof ManifestRefused || error instanceof BundleRefused)
          return await this.finish(job, ImportStatus.FAILED, [{ row: 0, message: error.text }]);
        throw error;
      }
      // Rows the manifest already refused count as handled and failed; ZIP entries no row names (row 0) do not.
      const refusedRows = errors.length;
      const total = rows.length + refusedRows;
      await repo.update({ id: importId }, { total, errors, failed: refusedRows, processed: refusedRows, skipped: 0 });
      await this.progress.changed(importId);

      const referenced = new Set(rows.map((r) => r.file));
      for (const [name, entry] of bundle.entries)
        if (entry.problem && !referenced.has(name)) errors.push({ row: 0, message: entry.problem });

      const codes = new Map(
        (
          await this.dataSource
            .getRepository(ClassificationCodeEntity)
            .findBy({ code: In([...new Set(rows.map((r) => r.classificationCode))]) })
        ).map((c) => [c.code, c]),
      );
      const dossiers = await this.dossiers.byNumbers(
        starter.unitId,
        rows.flatMap((r) => (r.dossierNumber ? [r.dossierNumber] : [])),
      );
      const seen = new Set<string>();
      const counts: ImportCounts = { processed: refusedRows, failed: refusedRows, skipped: 0 };
      for (let next = 0; next < rows.length;) {
        const current = await repo.findOneBy({ id: importId });
        if (current?.status === ImportStatus.CANCELLED) return ImportStatus.CANCELLED;
        // A batch: up to BATCH_ROWS rows, with at most BATCH_BYTES of scans held in memory at once.
        const batch: PreparedRow[] = [];
        let bytes = 0;
        while (next < rows.length && batch.length < BATCH_ROWS && bytes < BATCH_BYTES) {
          const row = rows[next++];
          const entry = bundle.entries.get(row.file);
          const problem = this.check(row, entry, codes, dossiers.get(row.dossierNumber ?? ''), seen);
          seen.add(row.file);
          if (problem || job.dryRun) {
            batch.push({ row, outcome: problem ?? 'ok' });
            continue;
          }
          const scan = await this.prepare(row, bundle, entry!);
          bytes += scan.bytes?.length ?? 0;
          batch.push(scan);
        }
        if (!job.dryRun) {
          const stored = await this.storeBatch(job, starter, batch, codes, counts, errors);
          if (stored === 'cancelled') return ImportStatus.CANCELLED;
        } else {
          tally(batch, counts, errors);
          await repo.update({ id: importId, status: In(RUNNABLE) }, { ...counts, errors });
        }
        await this.progress.changed(importId);
      }
      return await this.finish(job, job.dryRun ? ImportStatus.VALIDATED : ImportStatus.DONE, errors);
    } finally {
      bundle?.close();
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** A row's scan read from the ZIP, hashed and typed; an outcome instead when it cannot be stored. */
  private async prepare(row: ManifestRow, bundle: ZipBundle, entry: BundleEntry): Promise<PreparedRow> {
    let bytes: Buffer;
    try {
      bytes = await bundle.read(entry, this.config.uploadMaxBytes);
    } catch (error) {
      if (!(error instanceof EntryTooLarge)) throw error;
      return { row, outcome: { id: `Baris ${row.line}: ${error.text.id}.`, en: `Row ${row.line}: ${error.text.en}.` } };
    }
    const type = scanType(bytes);
    if (!type)
      return {
        row,
        outcome: {
          id: `Baris ${row.line}: ${row.file} bukan PDF, PNG, JPEG atau TIFF.`,
          en: `Row ${row.line}: ${row.file} is not a PDF, PNG, JPEG or TIFF.`,
        },
      };
    return { row, bytes, type, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /**
   * Stores a batch in one transaction under the import's lock, each row behind a savepoint so that a row
   * refused by the database loses only itself, and counts the batch in the same transaction: a cancel comes
   * before the batch (nothing of it is stored) or waits for it, so the records an import leaves are always the
   * rows it counted. When the batch as a whole fails (a deadlock with another import over a dossier or a
   * file), its rows are stored one transaction each, which cannot deadlock.
   */
  private async storeBatch(
    job: ArchiveImportEntity,
    starter: { unitId: string; timeZone: string },
    batch: PreparedRow[],
    codes: Map<string, ClassificationCodeEntity>,
    counts: ImportCounts,
    errors: ImportRowError[],
  ): Promise<'stored' | 'cancelled'> {
    const attempt = (part: PreparedRow[]) =>
      inTransaction(this.dataSource, async (em) => {
        const open = await em
          .getRepository(ArchiveImportEntity)
          .createQueryBuilder('i')
          .setLock('pessimistic_write')
          .where('i.id = :id', { id: job.id })
          .getOne();
        if (!open || !RUNNABLE.includes(open.status)) return 'cancelled' as const;
        const outcomes: PreparedRow[] = [];
        for (const item of part) {
          if (!item.bytes) {
            outcomes.push(item);
            continue;
          }
          outcomes.push({ row: item.row, outcome: await this.storeRow(em, job, starter, item, codes) });
        }
        const after = { ...counts };
        const found: ImportRowError[] = [];
        tally(outcomes, after, found);
        await em.update(ArchiveImportEntity, { id: job.id }, { ...after, errors: [...errors, ...found] });
        return { after, found };
      });
    const settle = (result: { after: ImportCounts; found: ImportRowError[] }) => {
      Object.assign(counts, result.after);
      errors.push(...result.found);
    };
    let whole: Awaited<ReturnType<typeof attempt>>;
    try {
      whole = await attempt(batch);
    } catch (error) {
      if (batch.length === 1) throw error;
      this.logger.warn(
        `import ${job.id}: a batch of ${batch.length} rows failed (${(error as Error).message}); storing its rows one by one`,
      );
      for (const item of batch) {
        const one = await attempt([item]);
        if (one === 'cancelled') return 'cancelled';
        settle(one);
      }
      return 'stored';
    }
    if (whole === 'cancelled') return 'cancelled';
    settle(whole);
    return 'stored';
  }

  /**
   * One row behind a savepoint. A unique violation means another import committed the same file or created the
   * same dossier while this row was being stored: the row is tried once more, and then finds that file (skipped,
   * as on a re-run) or that dossier (used).
   */
  private async storeRow(
    em: EntityManager,
    job: ArchiveImportEntity,
    starter: { unitId: string; timeZone: string },
    item: PreparedRow,
    codes: Map<string, ClassificationCodeEntity>,
  ): Promise<RowOutcome> {
    for (let attempt = 1; ; attempt++) {
      await em.query('SAVEPOINT import_row');
      try {
        const outcome = await this.store(em, job, starter, item, codes.get(item.row.classificationCode)!);
        await em.query('RELEASE SAVEPOINT import_row');
        return outcome;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        await em.query('ROLLBACK TO SAVEPOINT import_row');
        if (attempt === 2)
          return {
            id: `Baris ${item.row.line}: ${item.row.file} sudah diarsipkan.`,
            en: `Row ${item.row.line}: ${item.row.file} is already archived.`,
          };
      }
    }
  }

  /** What is wrong with a row before anything is stored; null when it can be stored. */
  private check(
    row: ManifestRow,
    entry: BundleEntry | undefined,
    codes: Map<string, ClassificationCodeEntity>,
    dossier: DossierEntity | undefined,
    seen: Set<string>,
  ): Message | null {
    const at = (id: string, en: string): Message => ({ id: `Baris ${row.line}: ${id}`, en: `Row ${row.line}: ${en}` });
    if (!entry) return at(`berkas ${row.file} tidak ada di dalam ZIP.`, `file ${row.file} is not in the ZIP.`);
    if (entry.problem) return at(entry.problem.id, entry.problem.en);
    if (seen.has(row.file))
      return at(`berkas ${row.file} sudah disebut di baris sebelumnya.`, `file ${row.file} is named on an earlier row.`);
    if (!codes.has(row.classificationCode))
      return at(
        `kode klasifikasi ${row.classificationCode} tidak ada dalam skema.`,
        `classification code ${row.classificationCode} is not in the scheme.`,
      );
    if (dossier?.closedAt) return at(`berkas ${dossier.number} sudah ditutup.`, `dossier ${dossier.number} is closed.`);
    if (dossier && !codeFitsDossier(row.classificationCode, dossier.classificationCode))
      return at(
        `kode ${row.classificationCode} tidak cocok dengan berkas ${dossier.number} (kode ${dossier.classificationCode}).`,
        `code ${row.classificationCode} does not fit dossier ${dossier.number} (code ${dossier.classificationCode}).`,
      );
    return null;
  }

  /** Stores one row in the batch's transaction: the scan, its dossier when new, the record; 'skipped' when the same file is already archived. */
  private async store(
    em: EntityManager,
    job: ArchiveImportEntity,
    starter: { unitId: string; timeZone: string },
    item: PreparedRow,
    classification: ClassificationCodeEntity,
  ): Promise<'ok' | 'skipped'> {
    const { row } = item;
    // In the transaction: an earlier row of the same batch with the same content is seen too.
    if (await this.records.findBySha256(em, item.sha256!)) return 'skipped';
    const dossier = row.dossierNumber
      ? await this.dossiers.findOrCreateForImport(em, job.startedById, {
          number: row.dossierNumber,
          unitId: starter.unitId,
          classificationCode: classification.code,
          physicalLocation: row.physicalLocation,
          importId: job.id,
        })
      : null;
    const file: StoredFileEntity = await this.files.storeGenerated(em, {
      bytes: item.bytes!,
      filename: row.file.split('/').pop() ?? row.file,
      contentType: item.type!,
      createdById: job.startedById,
    });
    await this.records.insert(em, job.startedById, {
      title: row.title,
      description: row.description,
      classification,
      dossier,
      unitId: dossier?.unitId ?? starter.unitId,
      timeZone: starter.timeZone,
      documentDate: row.documentDate,
      securityLevel: row.securityLevel,
      originality: row.originality,
      file,
      importId: job.id,
    });
    return 'ok';
  }

  /**
   * Ends an import whose job failed its last attempt (storage unreachable, a bug): FAILED with what the clerk can
   * do, and the starter told, instead of an import that looks busy forever. Rows already stored stay stored.
   */
  async giveUp(importId: string): Promise<ImportStatus | null> {
    const job = await this.dataSource.getRepository(ArchiveImportEntity).findOneBy({ id: importId });
    if (!job || !RUNNABLE.includes(job.status)) return null;
    const message: Message = {
      id:
        'Impor berhenti karena gangguan sistem setelah beberapa kali dicoba; baris yang sudah tersimpan tetap ada. ' +
        'Jalankan impor ini lagi (berkas yang sudah diarsipkan dilewati) atau hubungi administrator.',
      en:
        'The import stopped after several attempts because of a system fault; the rows already stored stay. ' +
        'Run this import again (files already archived are skipped) or contact the administrator.',
    };
    return this.finish(job, ImportStatus.FAILED, [...(job.errors ?? []), { row: 0, message }]);
  }

  private async finish(job: ArchiveImportEntity, status: ImportStatus, found: ImportRowError[]): Promise<ImportStatus | null> {
    // In manifest order, the ZIP's own problems (row 0) first.
    const errors = [...found].sort((a, b) => a.row - b.row);
    const finished = await inTransaction(this.dataSource, async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(ArchiveImportEntity)
        .set({
          status,
          errors,
          finishedAt: () => 'now()',
          ...(status === ImportStatus.FAILED ? { failed: Math.max(errors.length, 1) } : {}),
        })
        .where('id = :id AND status IN (:...open)', { id: job.id, open: RUNNABLE })
        .execute();
      if (!result.affected) return null;
      await this.audit.record(em, {
        actorId: null,
        action: 'archive-import.finished',
        entityType: 'ArchiveImport',
        entityId: job.id,
        change: { status, errors: errors.length },
      });
      // Told in the same transaction: the person who started it hears of the outcome exactly when it is recorded.
      const [counts] = await em.query('SELECT total, processed, skipped, failed FROM archive_import WHERE id = $1', [job.id]);
      const manifest = await em.findOneBy(StoredFileEntity, { id: job.manifestFileId });
      await this.notifications.notify(em, {
        userId: job.startedById,
        kind: 'archive.import.finished',
        ...importFinishedText({
          status,
          dryRun: job.dryRun,
          manifest: manifest?.filename ?? '',
          ...counts,
          firstError: errors[0] ? rowErrorMessage(errors[0].message) : null,
        }),
        entityType: 'ArchiveImport',
        entityId: job.id,
        dedupeKey: `import-${job.id}-finished`,
      });
      this.logger.log(`import ${job.id} ${status} with ${errors.length} errors`);
      return status;
    });
    if (finished) await this.progress.changed(job.id);
    return finished;
  }
}
