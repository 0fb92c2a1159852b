import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { ArchiveRecordEntity } from '../records/archive-record.entity';

/** The text of one page of a record, as OCR read it (or the PDF's own text layer). */
@Entity('archive_record_page')
export class RecordPageEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => ArchiveRecordEntity, { onDelete: 'CASCADE' })
  recordId: string;

  @PrimaryColumn('int')
  page: number;

  @Column('text')
  text: string;
}
