import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { StoredFileEntity } from '@gesit/files';
import { UnitEntity } from '@gesit/organisation';

export enum PaperSize {
  A4 = 'A4',
  /** 215 × 330 mm */
  F4 = 'F4',
}

/** A unit's letter template (kop surat, place, paper); units without one use their nearest ancestor's. */
@Entity('letter_template')
@Index('letter_template_unit_idx', ['unitId'])
export class LetterTemplateEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => UnitEntity, { onDelete: 'CASCADE' })
  unitId: string;

  @Column('text')
  name: string;

  @Column('text', { array: true })
  letterheadLines: string[];

  @Column('uuid', { nullable: true })
  @ForeignKey(() => StoredFileEntity)
  logoFileId: string | null;

  @Column('text')
  place: string;

  @Column('text')
  paperSize: PaperSize;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
