import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A satuan kerja. Units form a tree; each has the time zone its office works in. */
@Entity('unit')
@Index('unit_code_key', ['code'], { unique: true })
@Index('unit_parent_idx', ['parentId'])
@Check('unit_timezone_check', `"timezone" IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')`)
export class UnitEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  timezone: string;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => UnitEntity)
  parentId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
