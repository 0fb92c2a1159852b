import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { LetterEntity } from '@gesit/correspondence';
import { UserEntity } from '@gesit/identity';
import { ApprovalStepKind, ApprovalStepStatus } from './approval.enums';

/** One paraf or the signature in the approval chain of one revision of an outgoing letter. */
@Entity('approval_step')
@Index('approval_step_letter_key', ['letterId', 'revision', 'order'], { unique: true })
// Partial index written in the migration: the approval queue reads PENDING steps of an approver in order.
@Index('approval_step_queue_idx', { synchronize: false })
// The letters a person approves or decided a step of (the registry's access rule); partial ones in the migration.
@Index('approval_step_approver_idx', ['approverId'])
@Index('approval_step_decided_by_idx', { synchronize: false })
@Index('approval_step_acting_for_idx', { synchronize: false })
export class ApprovalStepEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => LetterEntity, { onDelete: 'CASCADE' })
  letterId: string;

  @Column('int')
  revision: number;

  @Column('int', { name: 'step_order' })
  order: number;

  @Column('text')
  kind: ApprovalStepKind;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  approverId: string;

  @Column('text')
  status: ApprovalStepStatus;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => UserEntity)
  decidedById: string | null;

  /** The approver, when a Plh/Plt decided in their name. */
  @Column('uuid', { nullable: true })
  @ForeignKey(() => UserEntity)
  actingForId: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Column('text', { nullable: true })
  comment: string | null;

  /** When the step became PENDING; its SLA runs from here. */
  @Column('timestamptz', { nullable: true })
  openedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  dueAt: Date | null;

  @Column('timestamptz', { nullable: true })
  dueSoonAt: Date | null;

  /** hex SHA-256 of the draft the approver approved. */
  @Column('text', { nullable: true })
  draftSha256: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
