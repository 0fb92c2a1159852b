import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { StoredFileEntity } from '@gesit/files';
import { UserEntity } from '@gesit/identity';
import type { Message } from '@gesit/platform';
import { ImportStatus } from '../archive.enums';

export interface ImportRowError {
  row: number;
  /** In both languages; imports recorded before errors were bilingual hold the Indonesian text alone. */
  message: Message | string;
}

/** A batch import of scans: a ZIP and a CSV manifest, checked (dry run) or stored row by row. */
@Entity('archive_import')
@Index('archive_import_started_idx', ['startedById', 'createdAt'])
export class ArchiveImportEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  status: ImportStatus;

  @Column('boolean')
  dryRun: boolean;

  @Column('uuid')
  @ForeignKey(() => StoredFileEntity)
  manifestFileId: string;

  @Column('uuid')
  @ForeignKey(() => StoredFileEntity)
  bundleFileId: string;

  @Column('int', { default: 0 })
  total: number;

  @Column('int', { default: 0 })
  processed: number;

  @Column('int', { default: 0 })
  failed: number;

  @Column('int', { default: 0 })
  skipped: number;

  @Column('jsonb', { default: () => "'[]'" })
  errors: ImportRowError[];

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  startedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
