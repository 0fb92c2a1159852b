import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FILES_QUEUE, RETAIN_JOB } from '@gesit/files';
import { AppConfig, OutboxService } from '@gesit/platform';
import { addYears } from './retention-dates';

// Every file a record holds: its own, its searchable PDF, the other files of an archived letter.
const FILES_OF_RECORDS = (recordCondition: string) => `
  SELECT r.file_id AS id FROM archive_record r WHERE ${recordCondition} AND r.file_id IS NOT NULL
  UNION SELECT r.searchable_file_id FROM archive_record r WHERE ${recordCondition} AND r.searchable_file_id IS NOT NULL
  UNION SELECT f.file_id FROM archive_record_file f JOIN archive_record r ON r.id = f.record_id WHERE ${recordCondition}`;

/**
 * The object lock of archived files: until the end of the inactive period, longer under a legal hold. The
 * row records the retention owed; the files library applies it to the object after the commit (an object under
 * retention can never be deleted, so it must not exist before the row that explains it).
 */
@Injectable()
export class RecordRetentionService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Raises the retention of these files to the end of the day before `until` (YYYY-MM-DD) in `timeZone`, that
   * is until that day begins there, where it is shorter; never lowers it.
   */
  async lockFiles(em: EntityManager, fileIds: readonly string[], until: string, timeZone: string): Promise<void> {
    await this.raise(em, 'SELECT unnest($1::uuid[]) AS id', [fileIds], until, timeZone);
  }

  async lockFilesOfDossier(em: EntityManager, dossierId: string, until: string, timeZone: string): Promise<void> {
    await this.raise(em, FILES_OF_RECORDS('r.dossier_id = $1'), [dossierId], until, timeZone);
  }

  /** A legal hold keeps the files at least ARCHIVE_LEGAL_HOLD_RETENTION_YEARS from today. */
  async extendForHold(em: EntityManager, dossierId: string, timeZone: string): Promise<void> {
    const today = new Date().toISOString().slice(0, 10);
    await this.lockFilesOfDossier(em, dossierId, addYears(today, this.config.archive.legalHoldRetentionYears), timeZone);
  }

  private async raise(em: EntityManager, files: string, params: unknown[], until: string, timeZone: string): Promise<void> {
    const at = params.length + 1;
    const end = `($${at}::date::timestamp AT TIME ZONE $${at + 1})`;
    const rows: { id: string }[] = await em.query(
      // Wrapped in a SELECT: TypeORM returns [rows, count] for an UPDATE, rows for a SELECT.
      `WITH raised AS (
         UPDATE stored_file s SET retain_until = ${end}, retained_at = NULL, locked = true
          WHERE s.id IN (${files}) AND (s.retain_until IS NULL OR s.retain_until < ${end})
          RETURNING s.id)
       SELECT id FROM raised`,
      [...params, until, timeZone],
    );
    if (!rows.length) return;
    await this.outbox.add(
      em,
      ...rows.map(({ id }) => ({ queue: FILES_QUEUE, name: RETAIN_JOB, payload: { fileId: id }, jobId: `file-retain-${id}-${until}` })),
    );
  }
}
