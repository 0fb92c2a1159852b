import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DataSource, In } from 'typeorm';
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
 * Runs an import in the worker: checks every row (dry run), or stores them one by one, each row in its own
 * transaction. Files already archived (same SHA-256) are skipped, so a re-run or a retried job is safe; the
 * status is read before every row, so a cancellation stops it.
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
      let processed = refusedRows;
      let failed = refusedRows;
      let skipped = 0;
      for (const row of rows) {
        const current = await repo.findOneBy({ id: importId });
        if (current?.status === ImportStatus.CANCELLED) return ImportStatus.CANCELLED;
        const problem = this.check(row, bundle.entries.get(row.file), codes, dossiers.get(row.dossierNumber ?? ''), seen);
        seen.add(row.file);
        let outcome: 'ok' | 'skipped' | 'cancelled' | Message = problem ?? 'ok';
        if (!problem && !job.dryRun) {
          try {
            outcome = await this.store(job, starter, row, bundle, bundle.entries.get(row.file)!, codes.get(row.classificationCode)!);
          } catch (error) {
            if (!(error instanceof EntryTooLarge) && !isUniqueViolation(error)) throw error;
            outcome =
              error instanceof EntryTooLarge
                ? { id: `Baris ${row.line}: ${error.text.id}.`, en: `Row ${row.line}: ${error.text.en}.` }
                : { id: `Baris ${row.line}: ${row.file} sudah diarsipkan.`, en: `Row ${row.line}: ${row.file} is already archived.` };
          }
          if (outcome === 'cancelled') return ImportStatus.CANCELLED;
        }
        processed++;
        if (outcome === 'skipped') skipped++;
        else if (outcome !== 'ok') {
          failed++;
          errors.push({ row: row.line, message: outcome });
        }
        await repo.update({ id: importId, status: In(RUNNABLE) }, { processed, failed, skipped, errors });
        await this.progress.changed(importId);
      }
      return await this.finish(job, job.dryRun ? ImportStatus.VALIDATED : ImportStatus.DONE, errors);
    } finally {
      bundle?.close();
      await rm(dir, { recursive: true, force: true });
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

  /** Stores one row: the scan, its dossier when new, the record; 'skipped' when the same file is already archived, 'cancelled' when the import was. */
  private async store(
    job: ArchiveImportEntity,
    starter: { unitId: string; timeZone: string },
    row: ManifestRow,
    bundle: ZipBundle,
    entry: BundleEntry,
    classification: ClassificationCodeEntity,
  ): Promise<'ok' | 'skipped' | 'cancelled' | Message> {
    const bytes = await bundle.read(entry, this.config.uploadMaxBytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (await this.records.findBySha256(this.dataSource.manager, sha256)) return 'skipped';
    const type = scanType(bytes);
    if (!type)
      return {
        id: `Baris ${row.line}: ${row.file} bukan PDF, PNG, JPEG atau TIFF.`,
        en: `Row ${row.line}: ${row.file} is not a PDF, PNG, JPEG or TIFF.`,
      };
    return inTransaction(this.dataSource, async (em) => {
      // The import row is locked while the record is stored and counted: a cancel either comes before (nothing is
      // stored) or waits for this row, so the records an import leaves are always the rows it counted.
      const open = await em
        .getRepository(ArchiveImportEntity)
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.id = :id', { id: job.id })
        .getOne();
      if (!open || !RUNNABLE.includes(open.status)) return 'cancelled';
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
        bytes,
        filename: row.file.split('/').pop() ?? row.file,
        contentType: type,
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
      await em.update(ArchiveImportEntity, { id: job.id }, { processed: () => 'processed + 1' });
      return 'ok';
    });
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
