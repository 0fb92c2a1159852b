import { registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import { StoredFileEntity } from '@gesit/files';
import { UserEntity } from '@gesit/identity';
import { PerformanceTargetEntity } from '../targets/performance-target.entity';
import { TaskEntity } from '../tasks/task.entity';
import { WorkMode } from '../work-mode';

export enum DailyReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}

registerEnumType(DailyReportStatus, { name: 'DailyReportStatus' });

/** A person's work report for one calendar date in their unit's time zone. */
@Entity('daily_report')
@Unique('daily_report_user_date_key', ['userId', 'date'])
@Index('daily_report_status_idx', ['status', 'submittedAt'])
@Index('daily_report_date_idx', ['date'])
export class DailyReportEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  userId: string;

  /** YYYY-MM-DD, the person's local date. */
  @Column('date')
  date: string;

  @Column('text')
  workMode: WorkMode;

  @Column('text')
  status: DailyReportStatus;

  @Column('int', { default: 0 })
  totalMinutes: number;

  /** Why work was reported on a day off (overtime), when no entry names a task. */
  @Column('text', { nullable: true })
  note: string | null;

  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => UserEntity)
  reviewedById: string | null;

  @Column('timestamptz', { nullable: true })
  reviewedAt: Date | null;

  @Column('text', { nullable: true })
  reviewNote: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('daily_report_entry')
@Unique('daily_report_entry_position_key', ['reportId', 'position'])
@Index('daily_report_entry_task_idx', ['taskId'])
@Index('daily_report_entry_target_idx', ['performanceTargetId'])
export class DailyReportEntryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => DailyReportEntity, { onDelete: 'CASCADE' })
  reportId: string;

  @Column('int')
  position: number;

  /** HH:mm, local time. */
  @Column('text')
  startTime: string;

  @Column('text')
  endTime: string;

  @Column('int')
  minutes: number;

  @Column('text')
  activity: string;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => TaskEntity)
  taskId: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => PerformanceTargetEntity)
  performanceTargetId: string | null;

  @Column('int', { nullable: true })
  outputQuantity: number | null;

  @Column('text', { nullable: true })
  output: string | null;
}

@Entity('daily_report_evidence')
@Index('daily_report_evidence_file_idx', ['fileId'])
export class DailyReportEvidenceEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => DailyReportEntryEntity, { onDelete: 'CASCADE' })
  entryId: string;

  @PrimaryColumn('uuid')
  @ForeignKey(() => StoredFileEntity)
  fileId: string;
}
