import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ClassificationCodeEntity } from '@gesit/correspondence';
import { UserEntity } from '@gesit/identity';
import { UnitEntity } from '@gesit/organisation';
import { RecordPhase } from '../archive.enums';

/** A dossier (berkas): records of one matter, under one classification code, kept by one unit. */
@Entity('dossier')
@Index('dossier_unit_number_uq', ['unitId', 'number'], { unique: true })
@Index('dossier_unit_opened_idx', ['unitId', 'openedAt', 'id'])
@Index('dossier_phase_idx', ['phase', 'inactiveUntil'])
export class DossierEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  number: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text')
  @ForeignKey(() => ClassificationCodeEntity)
  classificationCode: string;

  @Column('uuid')
  @ForeignKey(() => UnitEntity)
  unitId: string;

  @Column('date', { nullable: true })
  periodFrom: string | null;

  @Column('date', { nullable: true })
  periodTo: string | null;

  @Column('text', { nullable: true })
  physicalLocation: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  openedAt: Date;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  createdById: string;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Column('text', { default: RecordPhase.ACTIVE })
  phase: RecordPhase;

  @Column('date', { nullable: true })
  activeUntil: string | null;

  @Column('date', { nullable: true })
  inactiveUntil: string | null;

  @Column('boolean', { default: false })
  legalHold: boolean;

  @Column('text', { nullable: true })
  legalHoldReason: string | null;

  /** Transferred dossiers are read-only. */
  @Column('boolean', { default: false })
  readOnly: boolean;
}
