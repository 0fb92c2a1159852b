import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { OutgoingLetterEntity } from '@gesit/approvals';
import { localDate } from '@gesit/calendar';
import {
  ClassificationCodeEntity,
  isClassified,
  LetterAccessService,
  LetterDirection,
  LetterEntity,
  LetterFileEntity,
  LetterStatus,
} from '@gesit/correspondence';
import { FilesService, StoredFileEntity } from '@gesit/files';
import { AccessPolicyService, UsersService } from '@gesit/identity';
import {
  AuditService,
  badInput,
  conflict,
  decodeCursor,
  inTransaction,
  isUuid,
  Loaders,
  MICROSECOND_CURSOR,
  notFound,
  OutboxService,
  pageSize,
  Principal,
  toConnection,
  type ConnectionShape,
} from '@gesit/platform';
import { ARCHIVE_OCR_QUEUE, OCR_RECORD_JOB, ocrJobId } from '../archive-events';
import { OcrStatus, RecordOriginality, RecordPhase } from '../archive.enums';
import { codeFitsDossier, textOrNull } from '../dossiers/dossier-rules';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DossiersService } from '../dossiers/dossiers.service';
import { dayStartIn, retentionDates } from '../retention/retention-dates';
import { SearchIndexService } from '../indexing/search-index.service';
import { ArchiveRecordEntity, ArchiveRecordFileEntity } from './archive-record.entity';
import { ArchiveFileInput, ArchiveLetterInput } from './archive-record.type';
import { renderDocumentPdf } from './document-pdf';
import { type LetterReadableSql, readableRecordSql } from './record-access.sql';
import { RecordRetentionService } from '../retention/record-retention.service';

/** What can be archived as a record and OCRed. */
export const ARCHIVABLE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/tiff']);

export interface NewRecord {
  title: string;
  description: string | null;
  classification: ClassificationCodeEntity;
  dossier: DossierEntity | null;
  unitId: string;
  timeZone: string;
  letter?: LetterEntity | null;
  documentDate: string;
  securityLevel: ArchiveRecordEntity['securityLevel'];
  originality: RecordOriginality;
  file: StoredFileEntity;
  importId?: string | null;
}

@Injectable()
export class RecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossiersService,
    private readonly files: FilesService,
    private readonly policy: AccessPolicyService,
    private readonly letterAccess: LetterAccessService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly retention: RecordRetentionService,
    private readonly searchIndex: SearchIndexService,
  ) {}

  /** The letters' access rule, for records made from letters. */
  readonly letterReadable: LetterReadableSql = (letter, security, me, below) => this.letterAccess.readableSql(letter, security, me, below);

  /** The dossier a new record goes in, checked: open, not transferred, the same classification. */
  async openDossierFor(em: EntityManager, dossierId: string, classificationCode: string, principal: Principal): Promise<DossierEntity> {
    const dossier = await this.dossiers.lockedForChange(em, dossierId);
    await this.dossiers.requireKeeper(await this.dossiers.archivist(principal, em), dossier, em);
    if (dossier.closedAt)
      throw conflict({
        id: `Berkas ${dossier.number} sudah ditutup; arsip baru masuk ke berkas yang masih terbuka.`,
        en: `Dossier ${dossier.number} is closed; new records go into a dossier that is still open.`,
      });
    if (!codeFitsDossier(classificationCode, dossier.classificationCode))
      throw badInput(
        {
          id: `Arsip berkode ${classificationCode} tidak dapat masuk berkas ${dossier.number} (kode ${dossier.classificationCode}); pilih berkas dengan kode yang sama.`,
          en: `A record coded ${classificationCode} cannot go into dossier ${dossier.number} (code ${dossier.classificationCode}); choose a dossier with the same code.`,
        },
        { field: 'dossierId' },
      );
    return dossier;
  }

  /**
   * The record already holding a file with this content, if any (not destroyed): its id and title. Plain SQL: an
   * import asks twice per row, and building and hydrating the whole entity was 6% of its garbage.
   */
  async findBySha256(em: EntityManager, sha256: string): Promise<{ id: string; title: string } | null> {
    const [found] = (await em.query('SELECT id, title FROM archive_record WHERE file_sha256 = $1 AND destroyed_at IS NULL', [sha256])) as {
      id: string;
      title: string;
    }[];
    return found ?? null;
  }

  /** Writes a record, its retention, search entries and OCR job, and the audit event, in the caller's transaction. */
  async insert(em: EntityManager, actorId: string, input: NewRecord): Promise<ArchiveRecordEntity> {
    const duplicate = await this.findBySha256(em, input.file.sha256);
    if (duplicate)
      throw conflict(
        {
          id: `Berkas ${input.file.filename} sudah diarsipkan sebagai "${duplicate.title}".`,
          en: `The file ${input.file.filename} is already archived as "${duplicate.title}".`,
        },
        { recordId: duplicate.id },
      );
    const dates =
      input.dossier?.activeUntil && input.dossier.inactiveUntil
        ? { activeUntil: input.dossier.activeUntil, inactiveUntil: input.dossier.inactiveUntil }
        : retentionDates(input.documentDate, input.classification);
    const record = em.create(ArchiveRecordEntity, {
      id: randomUUID(),
      title: input.title,
      description: input.description,
      classificationCode: input.classification.code,
      dossierId: input.dossier?.id ?? null,
      unitId: input.unitId,
      letterId: input.letter?.id ?? null,
      letterNumber: input.letter?.number ?? null,
      documentDate: input.documentDate,
      securityLevel: input.securityLevel,
      originality: input.originality,
      fileId: input.file.id,
      fileSha256: input.file.sha256,
      searchableFileId: null,
      pageCount: null,
      ocrStatus: OcrStatus.PENDING,
      ocrAttempts: 0,
      ocrError: null,
      ...dates,
      archivedById: actorId,
      importId: input.importId ?? null,
      destroyedAt: null,
    });
    await em.insert(ArchiveRecordEntity, record);
    await this.retention.lockFiles(em, [input.file.id], dates.inactiveUntil, input.timeZone);
    await this.searchIndex.reindex(em, [record.id]);
    // Archiving never waits for OCR: the worker reads the scan after this commits.
    await this.outbox.add(em, {
      queue: ARCHIVE_OCR_QUEUE,
      name: OCR_RECORD_JOB,
      payload: { recordId: record.id },
      jobId: ocrJobId(record.id),
    });
    await this.audit.record(em, {
      actorId,
      action: 'archive-record.archived',
      entityType: 'ArchiveRecord',
      entityId: record.id,
      change: {
        title: record.title,
        classificationCode: record.classificationCode,
        dossierId: record.dossierId,
        letterId: record.letterId,
        securityLevel: record.securityLevel,
        fileId: record.fileId,
        sha256: record.fileSha256,
        importId: record.importId,
      },
    });
    return em.findOneByOrFail(ArchiveRecordEntity, { id: record.id });
  }

  async archiveFile(principal: Principal, input: ArchiveFileInput): Promise<ArchiveRecordEntity> {
    const title = textOrNull(input.title, { id: 'Judul arsip', en: 'The record title' }, 1000);
    if (!title)
      throw badInput(
        { id: 'Beri arsip judul (uraian informasinya).', en: 'Give the record a title (a description of its content).' },
        { field: 'title' },
      );
    const description = textOrNull(input.description, { id: 'Uraian arsip', en: 'The record description' }, 10000);
    const me = await this.dossiers.archivist(principal);
    if (input.documentDate > localDate(new Date(), me.timeZone))
      throw badInput(
        { id: 'Tanggal dokumen jatuh di masa depan; periksa tanggalnya.', en: 'The document date lies in the future; check the date.' },
        { field: 'documentDate' },
      );
    const file = await this.files.findReadable(principal, input.fileId);
    if (!ARCHIVABLE_TYPES.has(file.contentType))
      throw badInput(
        {
          id: `Berkas ${file.filename} bukan PDF atau gambar pindaian (JPEG, PNG, TIFF); arsipkan pindaiannya.`,
          en: `The file ${file.filename} is not a PDF or a scanned image (JPEG, PNG, TIFF); archive the scan.`,
        },
        {
          field: 'fileId',
        },
      );
    return inTransaction(this.dataSource, async (em) => {
      const classification = await em.findOneBy(ClassificationCodeEntity, { code: input.classificationCode });
      if (!classification)
        throw badInput(
          {
            id: `Kode klasifikasi ${input.classificationCode} tidak ada dalam skema; pilih dari classificationCodes.`,
            en: `Classification code ${input.classificationCode} is not in the scheme; pick one from classificationCodes.`,
          },
          {
            field: 'classificationCode',
          },
        );
      const dossier = input.dossierId ? await this.openDossierFor(em, input.dossierId, classification.code, principal) : null;
      return this.insert(em, principal.userId, {
        title,
        description,
        classification,
        dossier,
        unitId: dossier?.unitId ?? me.unitId,
        timeZone: me.timeZone,
        documentDate: input.documentDate,
        securityLevel: input.securityLevel,
        originality: input.originality ?? RecordOriginality.ORIGINAL,
        file,
      });
    });
  }

  /** Files a completed incoming or sent outgoing letter: its main file, its other files, and its timeline as a PDF. */
  async archiveLetter(principal: Principal, input: ArchiveLetterInput): Promise<ArchiveRecordEntity> {
    const me = await this.dossiers.archivist(principal);
    const viewers = await this.policy.viewerIds(principal);
    const letter = await this.letterAccess.readable(viewers, input.letterId);
    const name = letter.number ?? letter.agendaNumber ?? letter.subject;
    const finished =
      (letter.direction === LetterDirection.INCOMING && letter.status === LetterStatus.COMPLETED) ||
      (letter.direction === LetterDirection.OUTGOING && letter.status === LetterStatus.SENT);
    if (!finished)
      throw badInput(
        {
          id: `Surat ${name} belum selesai (${letter.direction === LetterDirection.INCOMING ? 'disposisinya belum tuntas' : 'belum ditandatangani dan dikirim'}); arsipkan setelah selesai.`,
          en: `Letter ${name} is not finished (${letter.direction === LetterDirection.INCOMING ? 'its dispositions are still open' : 'it is not signed and sent yet'}); archive it once it is finished.`,
        },
        { field: 'letterId' },
      );
    const scans = await this.dataSource
      .getRepository(LetterFileEntity)
      .find({ where: { letterId: letter.id }, order: { position: 'ASC' } });
    const outgoing = await this.dataSource.getRepository(OutgoingLetterEntity).findOneBy({ letterId: letter.id });
    const mainId = outgoing?.signedFileId ?? scans[0]?.fileId;
    if (!mainId)
      throw badInput({ id: `Surat ${name} tidak memiliki berkas untuk diarsipkan.`, en: `Letter ${name} has no file to archive.` });
    const [main] = await this.files.findByIds([mainId]);
    const timeline = await this.timelinePdf(letter);
    return inTransaction(this.dataSource, async (em) => {
      if (await em.existsBy(ArchiveRecordEntity, { letterId: letter.id }))
        throw conflict({ id: `Surat ${name} sudah diarsipkan.`, en: `Letter ${name} is already archived.` });
      const classification = await em.findOneByOrFail(ClassificationCodeEntity, { code: letter.classificationCode });
      const dossier = input.dossierId ? await this.openDossierFor(em, input.dossierId, classification.code, principal) : null;
      const record = await this.insert(em, principal.userId, {
        title: letter.subject,
        description:
          [letter.senderName ? `Dari ${letter.senderName}` : null, letter.agendaNumber ? `Nomor agenda ${letter.agendaNumber}` : null]
            .filter(Boolean)
            .join('; ') || null,
        classification,
        dossier,
        letter,
        unitId: dossier?.unitId ?? me.unitId,
        timeZone: me.timeZone,
        documentDate: letter.letterDate ?? localDate(outgoing?.signedAt ?? letter.createdAt, me.timeZone),
        securityLevel: letter.securityLevel,
        originality: letter.direction === LetterDirection.OUTGOING ? RecordOriginality.FILE_COPY : RecordOriginality.ORIGINAL,
        file: main,
      });
      const timelineFile = await this.files.storeGenerated(em, {
        bytes: timeline,
        filename: `riwayat-surat-${name}.pdf`,
        contentType: 'application/pdf',
        createdById: principal.userId,
        retainUntil: dayStartIn(record.inactiveUntil, me.timeZone),
      });
      const others = scans.map((s) => s.fileId).filter((id) => id !== mainId);
      await em.insert(ArchiveRecordFileEntity, [
        ...others.map((fileId) => ({ recordId: record.id, fileId, role: 'LETTER_FILE' })),
        { recordId: record.id, fileId: timelineFile.id, role: 'TIMELINE' },
      ]);
      await this.retention.lockFiles(em, others, record.inactiveUntil, me.timeZone);
      return record;
    });
  }

  private async timelinePdf(letter: LetterEntity): Promise<Buffer> {
    const events: { at: Date; action: string; note: string | null; actor_id: string | null }[] = await this.dataSource.query(
      'SELECT at, action, note, actor_id FROM letter_event WHERE letter_id = $1 ORDER BY id',
      [letter.id],
    );
    const people = await this.users.byId(new Loaders()).loadMany(events.map((e) => e.actor_id).filter((id): id is string => Boolean(id)));
    const names = new Map(
      people.filter((u) => u && !(u instanceof Error)).map((u) => [(u as { id: string }).id, (u as { name: string }).name]),
    );
    return renderDocumentPdf({
      title: `Riwayat surat ${letter.number ?? letter.agendaNumber ?? ''}`,
      lead: [`Perihal: ${letter.subject}`, `Klasifikasi: ${letter.classificationCode}; tingkat keamanan: ${letter.securityLevel}`],
      table: {
        columns: [
          { title: 'Waktu (UTC)', width: 3 },
          { title: 'Langkah', width: 3 },
          { title: 'Oleh', width: 3 },
          { title: 'Catatan', width: 5 },
        ],
        rows: events.map((e) => [
          new Date(e.at).toISOString().replace('T', ' ').slice(0, 16),
          e.action,
          (e.actor_id && names.get(e.actor_id)) || '-',
          e.note ?? '',
        ]),
      },
    });
  }

  /** The record when the caller may read it (NOT_FOUND otherwise); a read of a CONFIDENTIAL or SECRET record is audited. */
  async read(principal: Principal, id: string): Promise<ArchiveRecordEntity> {
    const [record] = await this.readable(principal, [id]);
    if (!record) throw notFound({ id: 'Arsip', en: 'Archive record' });
    await this.auditReads(principal, [record]);
    return record;
  }

  /** Of `ids`, the records the caller may read, in the order given. */
  async readable(principal: Principal, ids: readonly string[]): Promise<ArchiveRecordEntity[]> {
    const wanted = ids.filter(isUuid);
    if (!wanted.length) return [];
    const { viewers, below } = await this.policy.readers(principal);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM archive_record r WHERE r.id = ANY($1::uuid[]) AND ${readableRecordSql(this.letterReadable, '$2::uuid[]', '$3::uuid[]')}`,
      [wanted, viewers, below],
    );
    const ok = new Set(rows.map((r) => r.id));
    const records = await this.dataSource.getRepository(ArchiveRecordEntity).findBy({ id: In([...ok]) });
    const byId = new Map(records.map((r) => [r.id, r]));
    return wanted.map((id) => byId.get(id)).filter((r): r is ArchiveRecordEntity => Boolean(r));
  }

  /** Every read of a CONFIDENTIAL or SECRET record is written to the audit log. */
  async auditReads(principal: Principal, records: readonly Pick<ArchiveRecordEntity, 'id' | 'securityLevel' | 'title'>[]): Promise<void> {
    const classified = records.filter((r) => isClassified(r.securityLevel));
    if (!classified.length) return;
    await inTransaction(this.dataSource, async (em) => {
      for (const r of classified)
        await this.audit.record(em, {
          actorId: principal.userId,
          action: 'archive-record.read',
          entityType: 'ArchiveRecord',
          entityId: r.id,
          change: { securityLevel: r.securityLevel, title: r.title },
        });
    });
  }

  /** Records of a dossier that the caller may read, oldest document first. */
  async listInDossier(
    principal: Principal,
    dossierId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<ConnectionShape<ArchiveRecordEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const { viewers, below } = await this.policy.readers(principal);
    const params: unknown[] = [dossierId, viewers, below];
    const filtered = `r.dossier_id = $1 AND ${readableRecordSql(this.letterReadable, '$2::uuid[]', '$3::uuid[]')}`;
    let where = filtered;
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where += ` AND (r.archived_at, r.id) > ($4::timestamptz, $5::uuid)`;
    }
    params.push(size + 1);
    const rows: { id: string; at: string }[] = await this.dataSource.query(
      `SELECT r.id, ${MICROSECOND_CURSOR('r.archived_at')} AS at FROM archive_record r
        WHERE ${where} ORDER BY r.archived_at, r.id LIMIT $${params.length}`,
      params,
    );
    const records = await this.dataSource.getRepository(ArchiveRecordEntity).findBy({ id: In(rows.map((r) => r.id)) });
    const byId = new Map(records.map((r) => [r.id, r]));
    const at = new Map(rows.map((r) => [r.id, r.at]));
    const count = async () => {
      const [{ count: total }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM archive_record r WHERE ${filtered}`, [
        dossierId,
        viewers,
        below,
      ]);
      return total as number;
    };
    const page = rows.map((r) => byId.get(r.id)).filter((r): r is ArchiveRecordEntity => Boolean(r));
    await this.auditReads(principal, page.slice(0, size));
    return toConnection(page, size, count, (r) => [at.get(r.id)!, r.id]);
  }

  /** Completed incoming and sent outgoing letters the caller may read that are in no record yet, oldest first. */
  async unfiledLetters(principal: Principal, first?: number | null, after?: string | null): Promise<ConnectionShape<LetterEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const { viewers, below } = await this.policy.readers(principal);
    const filtered = `((l.direction = 'INCOMING' AND l.status = 'COMPLETED') OR (l.direction = 'OUTGOING' AND l.status = 'SENT'))
      AND NOT EXISTS (SELECT 1 FROM archive_record r WHERE r.letter_id = l.id)
      AND ${this.letterAccess.readableSql('l.id', 'l.security_level', '$1::uuid[]', '$2::uuid[]')}`;
    const params: unknown[] = [viewers, below];
    let where = filtered;
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where += ` AND (l.created_at, l.id) > ($3::timestamptz, $4::uuid)`;
    }
    params.push(size + 1);
    const rows: { id: string; at: string }[] = await this.dataSource.query(
      `SELECT l.id, ${MICROSECOND_CURSOR('l.created_at')} AS at FROM letter l WHERE ${where} ORDER BY l.created_at, l.id LIMIT $${params.length}`,
      params,
    );
    const letters = await this.dataSource.getRepository(LetterEntity).findBy({ id: In(rows.map((r) => r.id)) });
    const byId = new Map(letters.map((l) => [l.id, l]));
    const at = new Map(rows.map((r) => [r.id, r.at]));
    const count = async () => {
      const [{ count: total }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM letter l WHERE ${filtered}`, [
        viewers,
        below,
      ]);
      return total as number;
    };
    return toConnection(
      rows.map((r) => byId.get(r.id)).filter((l): l is LetterEntity => Boolean(l)),
      size,
      count,
      (l) => [at.get(l.id)!, l.id],
    );
  }

  /** Records holding `fileId` (as their file, searchable PDF or a letter's other file). */
  async recordsHoldingFile(fileId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM archive_record WHERE file_id = $1 OR searchable_file_id = $1
       UNION SELECT record_id FROM archive_record_file WHERE file_id = $1`,
      [fileId],
    );
    return rows.map((r) => r.id);
  }

  /** The phase a record is in: its dossier's, destroyed, or active while it is in no closed dossier. */
  static phaseOf(record: ArchiveRecordEntity, dossier: DossierEntity | null): RecordPhase {
    if (record.destroyedAt) return RecordPhase.DESTROYED;
    return dossier?.phase ?? RecordPhase.ACTIVE;
  }
}
