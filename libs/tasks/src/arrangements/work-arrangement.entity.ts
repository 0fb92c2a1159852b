import { registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { StoredFileEntity } from '@gesit/files';
import { UserEntity } from '@gesit/identity';
import { WorkMode } from '../work-mode';
import type { Message } from '@gesit/platform';

export enum WorkArrangementKind {
  LOCATION = 'LOCATION',
  TIME = 'TIME',
}

export enum WorkArrangementStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  REVOKED = 'REVOKED',
}

/** A request's state in words, for messages (the code in brackets for whoever reads the API). */
export const ARRANGEMENT_STATUS_TEXT: Record<WorkArrangementStatus, Message> = {
  [WorkArrangementStatus.SUBMITTED]: { id: 'menunggu keputusan (SUBMITTED)', en: 'waiting for a decision (SUBMITTED)' },
  [WorkArrangementStatus.APPROVED]: { id: 'disetujui (APPROVED)', en: 'approved (APPROVED)' },
  [WorkArrangementStatus.REJECTED]: { id: 'ditolak (REJECTED)', en: 'rejected (REJECTED)' },
  [WorkArrangementStatus.REVOKED]: { id: 'dicabut (REVOKED)', en: 'revoked (REVOKED)' },
};

registerEnumType(WorkArrangementKind, { name: 'WorkArrangementKind' });
registerEnumType(WorkArrangementStatus, { name: 'WorkArrangementStatus' });

/** Flexible work (PermenPAN-RB 4/2025): away from the office on set weekdays, or shifted hours, for a period. */
@Entity('work_arrangement')
@Index('work_arrangement_user_idx', ['userId', 'startsOn'])
export class WorkArrangementEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  userId: string;

  @Column('text')
  kind: WorkArrangementKind;

  @Column('text', { nullable: true })
  workMode: WorkMode | null;

  /** ISO weekdays 1 (Monday) .. 7. */
  @Column('int', { array: true })
  weekdays: number[];

  @Column('text', { nullable: true })
  startTime: string | null;

  @Column('text', { nullable: true })
  endTime: string | null;

  @Column('date')
  startsOn: string;

  @Column('date')
  endsOn: string;

  @Column('text')
  reason: string;

  @Column('text')
  status: WorkArrangementStatus;

  /** Who decides: the head of the person's unit at the time of the request. */
  @Column('uuid', { nullable: true })
  @ForeignKey(() => UserEntity)
  deciderId: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => UserEntity)
  decidedById: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Column('text', { nullable: true })
  decisionNote: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('work_arrangement_file')
@Index('work_arrangement_file_file_idx', ['fileId'])
export class WorkArrangementFileEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => WorkArrangementEntity, { onDelete: 'CASCADE' })
  arrangementId: string;

  @PrimaryColumn('uuid')
  @ForeignKey(() => StoredFileEntity)
  fileId: string;
}
