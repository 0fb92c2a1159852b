import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ClassificationCodeEntity, LetterEntity, SecurityLevel } from '@gesit/correspondence';
import { StoredFileEntity } from '@gesit/files';
import { UserEntity } from '@gesit/identity';
import { UnitEntity } from '@gesit/organisation';
import { OcrStatus, RecordOriginality } from '../archive.enums';
import { DossierEntity } from '../dossiers/dossier.entity';

/**
 * An archived record: a scan or any stored file, or a letter with its files. After disposal (DESTROYED)
 * the row stays as a tombstone: its file, OCR text and search entries are gone.
 */
@Entity('archive_record')
@Index('archive_record_dossier_idx', ['dossierId', 'archivedAt', 'id'])
@Index('archive_record_letter_uq', ['letterId'], { unique: true })
@Index('archive_record_file_sha_idx', ['fileSha256'])
@Index('archive_record_archived_idx', ['archivedAt', 'id'])
// GIN indexes on the search columns and the letter-number index, written in the migrations.
@Index('archive_record_search_stemmed_idx', { synchronize: false })
@Index('archive_record_search_exact_idx', { synchronize: false })
@Index('archive_record_search_head_idx', { synchronize: false })
@Index('archive_record_search_trgm_idx', { synchronize: false })
@Index('archive_record_live_sha_uq', { synchronize: false })
@Index('archive_record_ocr_pending_idx', { synchronize: false })
@Index('archive_record_number_idx', { synchronize: false })
export class ArchiveRecordEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text')
  @ForeignKey(() => ClassificationCodeEntity)
  classificationCode: string;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => DossierEntity)
  dossierId: string | null;

  @Column('uuid')
  @ForeignKey(() => UnitEntity)
  unitId: string;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => LetterEntity)
  letterId: string | null;

  /** The letter's number, kept for search (and in the tombstone). */
  @Column('text', { nullable: true })
  letterNumber: string | null;

  @Column('date')
  documentDate: string;

  @Column('text')
  securityLevel: SecurityLevel;

  @Column('text')
  originality: RecordOriginality;

  /** After destruction the file's row stays (name, size, SHA-256) and its object is gone. */
  @Column('uuid')
  @ForeignKey(() => StoredFileEntity)
  fileId: string;

  /** The file's SHA-256, kept in the tombstone and used to skip files already archived. */
  @Column('char', { length: 64 })
  fileSha256: string;

  /** The searchable PDF (scan + invisible text layer) made by OCR. */
  @Column('uuid', { nullable: true })
  @ForeignKey(() => StoredFileEntity)
  searchableFileId: string | null;

  @Column('int', { nullable: true })
  pageCount: number | null;

  @Column('text')
  ocrStatus: OcrStatus;

  @Column('int', { default: 0 })
  ocrAttempts: number;

  @Column('text', { nullable: true })
  ocrError: string | null;

  @Column('date')
  activeUntil: string;

  @Column('date')
  inactiveUntil: string;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  archivedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  archivedAt: Date;

  @Column('uuid', { nullable: true })
  importId: string | null;

  @Column('timestamptz', { nullable: true })
  destroyedAt: Date | null;

  /** Indonesian words reduced to their stems (see search/indonesian-stemmer), title, metadata and OCR text. */
  @Column('tsvector', { nullable: true, select: false })
  searchStemmed: string | null;

  /** The same words unstemmed and unaccented, for exact words and names. */
  @Column('tsvector', { nullable: true, select: false })
  searchExact: string | null;

  /** The title and letter number, stemmed and unstemmed: a small vector whose matches rank above the body's. */
  @Column('tsvector', { nullable: true, select: false })
  searchHead: string | null;

  /** Title, letter number and description as text, for trigram matching of numbers and typos. */
  @Column('text', { nullable: true, select: false })
  searchKeys: string | null;
}

/** The other files of an archived letter (further scans, the timeline as a PDF). */
@Entity('archive_record_file')
export class ArchiveRecordFileEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => ArchiveRecordEntity, { onDelete: 'CASCADE' })
  recordId: string;

  @PrimaryColumn('uuid')
  @ForeignKey(() => StoredFileEntity)
  fileId: string;

  @Column('text')
  role: string;
}
