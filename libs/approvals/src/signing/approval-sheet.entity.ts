import { CreateDateColumn, Entity, ForeignKey, PrimaryColumn, Column } from 'typeorm';
import { LetterEntity } from '@gesit/correspondence';
import { StoredFileEntity } from '@gesit/files';

/** The signed approval sheet of a letter: kept inside the office, never attached to the recipients' copy. */
@Entity('approval_sheet')
export class ApprovalSheetEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => LetterEntity, { onDelete: 'CASCADE' })
  letterId: string;

  @Column('uuid')
  @ForeignKey(() => StoredFileEntity)
  fileId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
