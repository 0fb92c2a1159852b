import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig, OBJECT_STORAGE, ObjectNotFoundError, ObjectStorage } from '@gesit/platform';
import { StoredFileEntity } from './stored-file.entity';

export const FILES_QUEUE = 'files';
export const RETAIN_JOB = 'file.retain';
export const STORAGE_SWEEP_JOB = 'storage.sweep';

/** The files queue's jobs: name → payload. */
export interface FilesJobs {
  /** Puts a committed file under retention (object lock). */
  [RETAIN_JOB]: { fileId: string };
  /** Periodic: removes objects no row names (after the grace period). */
  [STORAGE_SWEEP_JOB]: Record<string, never>;
}

// Every key FilesService makes starts here; other prefixes belong to someone else.
const FILE_KEYS = 'files/';
const BATCH = 500;

export interface StorageSweepResult {
  /** Objects no stored_file row referenced, now deleted. */
  removed: number;
  /** Committed files whose retention job had not run, now retained. */
  retained: number;
}

/** Retention after commit, and the sweep that removes what a rolled-back transaction or a crash left in storage. */
@Injectable()
export class StorageSweepService {
  private readonly logger = new Logger(StorageSweepService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly config: AppConfig,
  ) {}

  /** Puts a committed file's object under the retention its row records; a repeated run changes nothing. */
  async retain(fileId: string): Promise<boolean> {
    const files = this.dataSource.getRepository(StoredFileEntity);
    const file = await files.findOneBy({ id: fileId });
    if (!file?.retainUntil || file.retainedAt) return false;
    try {
      await this.storage.retain(file.storageKey, file.retainUntil);
    } catch (error) {
      if (!(error instanceof ObjectNotFoundError)) throw error;
      // Nothing to retain, and retrying will not bring it back: the storage was restored or changed under us.
      this.logger.error(`file ${file.id} is recorded but its object ${file.storageKey} is missing`);
      return false;
    }
    await files.update({ id: file.id, retainedAt: IsNull() }, { retainedAt: new Date() });
    return true;
  }

  /**
   * Deletes objects older than the grace period that no row references, and retains committed files whose
   * job was lost. The grace keeps objects of uploads and transactions still under way: it must be longer
   * than any transaction may last (see DATABASE_STATEMENT_TIMEOUT_MS and friends).
   */
  async sweep(graceMinutes = this.config.storageOrphanGraceMinutes): Promise<StorageSweepResult> {
    const cutoff = new Date(Date.now() - graceMinutes * 60_000);
    let removed = 0;
    let batch: string[] = [];
    const removeUnreferenced = async () => {
      const rows: { storage_key: string }[] = await this.dataSource.query(
        'SELECT storage_key FROM stored_file WHERE storage_key = ANY($1::text[])',
        [batch],
      );
      const referenced = new Set(rows.map((r) => r.storage_key));
      for (const key of batch.filter((k) => !referenced.has(k))) {
        await this.storage.remove(key);
        removed++;
      }
      batch = [];
    };
    for await (const object of this.storage.list(FILE_KEYS)) {
      if (object.lastModified > cutoff) continue;
      batch.push(object.key);
      if (batch.length >= BATCH) await removeUnreferenced();
    }
    if (batch.length) await removeUnreferenced();

    const pending: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM stored_file WHERE retain_until IS NOT NULL AND retained_at IS NULL AND created_at <= $1 ORDER BY created_at',
      [cutoff],
    );
    let retained = 0;
    for (const { id } of pending) if (await this.retain(id)) retained++;
    if (removed || retained) this.logger.log(`storage sweep: removed ${removed} unreferenced objects, retained ${retained} files`);
    return { removed, retained };
  }
}
