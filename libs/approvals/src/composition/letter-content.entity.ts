import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { LetterEntity } from '@gesit/correspondence';
import { StoredFileEntity } from '@gesit/files';
import { LetterTemplateEntity } from './letter-template.entity';

/** What one revision of a composed draft says; Gesit lays it out from its template. */
@Entity('letter_content')
export class LetterContentEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => LetterEntity, { onDelete: 'CASCADE' })
  letterId: string;

  @PrimaryColumn('int')
  revision: number;

  @Column('uuid')
  @ForeignKey(() => LetterTemplateEntity)
  templateId: string;

  @Column('text', { nullable: true })
  attachmentsNote: string | null;

  @Column('text')
  addressee: string;

  @Column('text', { nullable: true })
  addresseePlace: string | null;

  @Column('text')
  body: string;

  @Column('text', { array: true, default: () => "'{}'" })
  carbonCopies: string[];

  /** The rendered preview, made on the first request. */
  @Column('uuid', { nullable: true })
  @ForeignKey(() => StoredFileEntity)
  previewFileId: string | null;

  /** What the preview was rendered from (signer, template version): a different key renders it again. */
  @Column('text', { nullable: true })
  previewKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
