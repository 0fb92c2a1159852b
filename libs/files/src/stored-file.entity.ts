import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A file in object storage. The storage key is ours, never the client's file name. */
@Entity('stored_file')
@Index('stored_file_uploader_idx', ['uploadedById', 'createdAt'])
export class StoredFileEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  storageKey: string;

  @Column('text')
  filename: string;

  @Column('text')
  contentType: string;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  size: number;

  @Column('char', { length: 64 })
  sha256: string;

  @Column('uuid', { nullable: true })
  uploadedById: string | null;

  /** Written once under retention (signed letters, archived records): never replaced or removed. */
  @Column('boolean', { default: false })
  locked: boolean;

  /** The retention this file is owed; applied to the object only after this row commits (see retainedAt). */
  @Column('timestamptz', { nullable: true })
  retainUntil: Date | null;

  /** When the object was put under retention (null: not yet, the retention job or the storage sweep will). */
  @Column('timestamptz', { nullable: true })
  retainedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
