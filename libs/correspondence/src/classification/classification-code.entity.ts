import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

export enum FinalDisposition {
  DESTROY = 'DESTROY',
  PERMANENT = 'PERMANENT',
  REVIEW = 'REVIEW',
}

/** A code of the archive classification scheme with its retention schedule (JRA). */
@Entity('classification_code')
@Index('classification_code_parent_idx', ['parentCode'])
@Check('classification_code_years', 'active_years >= 0 AND inactive_years >= 0')
export class ClassificationCodeEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  @ForeignKey(() => ClassificationCodeEntity, { onDelete: 'RESTRICT' })
  parentCode: string | null;

  @Column('int')
  activeYears: number;

  @Column('int')
  inactiveYears: number;

  @Column('text')
  finalDisposition: FinalDisposition;
}
