import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Urgency } from '@gesit/calendar';
import { StoredFileEntity } from '@gesit/files';
import { UserEntity } from '@gesit/identity';
import { LetterEntity } from '../letters/letter.entity';
import { AssignmentStatus, DispositionInstruction } from './disposition.enums';

/** A disposition: one sender's instructions on a letter to one or more people below them. */
@Entity('disposition')
@Index('disposition_letter_idx', ['letterId', 'createdAt'])
@Index('disposition_parent_idx', ['parentAssignmentId'])
// Partial indexes written in the migration: the letters a person sent dispositions on (the registry's access rule).
@Index('disposition_sender_idx', { synchronize: false })
@Index('disposition_acting_for_idx', { synchronize: false })
export class DispositionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => LetterEntity)
  letterId: string;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  senderId: string;

  /** The official the sender acted for as Plh/Plt. */
  @Column('uuid', { nullable: true })
  @ForeignKey(() => UserEntity)
  actingForId: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => DispositionAssignmentEntity)
  parentAssignmentId: string | null;

  @Column('text', { array: true })
  instructions: DispositionInstruction[];

  @Column('text', { nullable: true })
  note: string | null;

  @Column('timestamptz')
  dueAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  withdrawnAt: Date | null;

  /** The sender's own assignment completes by itself once every assignment of this disposition is completed. */
  @Column('boolean', { default: false })
  closeWhenDone: boolean;
}

/** One recipient's copy of a disposition, with its own state and SLA. */
@Entity('disposition_assignment')
@Index('assignment_inbox_idx', ['assigneeId', 'createdAt', 'id'])
@Index('assignment_disposition_idx', ['dispositionId'])
@Index('assignment_letter_idx', ['letterId'])
// Open assignments by due time and by next escalation, for reminders and sweeps: partial indexes, written in migrations.
@Index('assignment_open_due_idx', { synchronize: false })
@Index('assignment_open_escalation_idx', { synchronize: false })
@Index('assignment_open_remind_idx', { synchronize: false })
// Open assignments by assignee, counted per person by hybrid work's team workload: a partial index, written in a migration.
@Index('assignment_open_assignee_idx', { synchronize: false })
export class DispositionAssignmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => DispositionEntity)
  dispositionId: string;

  @Column('uuid')
  @ForeignKey(() => LetterEntity)
  letterId: string;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  assigneeId: string;

  @Column('text')
  status: AssignmentStatus;

  @Column('text')
  urgency: Urgency;

  @Column('timestamptz')
  dueAt: Date;

  /** When `remindAtFraction` of the SLA has elapsed: the assignment is DUE_SOON from then. */
  @Column('timestamptz', { nullable: true })
  dueSoonAt: Date | null;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  @Column('text', { nullable: true })
  completionNote: string | null;

  /** Working minutes from creation to completion in the assignee's calendar (for SLA reports in SQL). */
  @Column('int', { nullable: true })
  completionWorkingMinutes: number | null;

  /** When the due-soon reminder went out (the SLA sweep repairs reminders that never did). */
  @Column('timestamptz', { nullable: true })
  remindedAt: Date | null;

  /** How many levels up the chain of command this overdue assignment has been escalated. */
  @Column('int', { default: 0 })
  escalationLevel: number;

  /** When the next escalation is due; null once it reached the head of the organisation. */
  @Column('timestamptz', { nullable: true })
  nextEscalationAt: Date | null;

  /** Set when the disposition is withdrawn: the assignment no longer counts anywhere. */
  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('assignment_file')
export class AssignmentFileEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => DispositionAssignmentEntity, { onDelete: 'CASCADE' })
  assignmentId: string;

  @PrimaryColumn('uuid')
  @Index('assignment_file_file_idx')
  @ForeignKey(() => StoredFileEntity)
  fileId: string;
}
