import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { StoredFileEntity } from '@gesit/files';
import { UserEntity } from '@gesit/identity';
import { DisposalKind, DisposalStatus } from '../archive.enums';
import { DossierEntity } from '../dossiers/dossier.entity';

/** A disposal procedure: the list proposed, the committee's appraisal, the head's decision, the execution. */
@Entity('disposal_proposal')
export class DisposalProposalEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: DisposalKind;

  @Column('text')
  status: DisposalStatus;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  proposedById: string;

  @Column('timestamptz')
  proposedAt: Date;

  @Column('uuid', { array: true })
  committeeIds: string[];

  @Column('text', { nullable: true })
  appraisalNote: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => UserEntity)
  appraisedById: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => UserEntity)
  decidedById: string | null;

  @Column('text', { nullable: true })
  decisionNote: string | null;

  /** The national archive's approval letter, required for retention of 10 years or more. */
  @Column('uuid', { nullable: true })
  @ForeignKey(() => StoredFileEntity)
  approvalLetterFileId: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => StoredFileEntity)
  listFileId: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => StoredFileEntity)
  minutesFileId: string | null;

  /** TRANSFER: the package (files, metadata CSV, SHA-256 manifest). */
  @Column('uuid', { nullable: true })
  @ForeignKey(() => StoredFileEntity)
  packageFileId: string | null;

  @Column('timestamptz', { nullable: true })
  executedAt: Date | null;
}

@Entity('disposal_proposal_dossier')
export class DisposalProposalDossierEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => DisposalProposalEntity, { onDelete: 'CASCADE' })
  proposalId: string;

  @PrimaryColumn('uuid')
  @ForeignKey(() => DossierEntity)
  dossierId: string;
}
