import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import { StoredFileEntity } from '@gesit/files';
import { UserEntity } from '@gesit/identity';
import { PerformanceTargetEntity } from '../targets/performance-target.entity';
import { WorkMode } from '../work-mode';
import { TaskPriority, TaskStatus } from './task-status';

/** A piece of work with assignees, a checklist and a due time on the assignee's working calendar. */
@Entity('task')
@Index('task_creator_idx', ['creatorId', 'createdAt', 'id'])
@Index('task_parent_idx', ['parentId'])
@Index('task_source_assignment_idx', ['sourceAssignmentId'])
@Check('task_progress_range', 'progress BETWEEN 0 AND 100')
export class TaskEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text')
  status: TaskStatus;

  @Column('text')
  priority: TaskPriority;

  @Column('int', { default: 0 })
  progress: number;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  creatorId: string;

  /** The official the creator acted for as Plh/Plt. */
  @Column('uuid', { nullable: true })
  @ForeignKey(() => UserEntity)
  actingForId: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => TaskEntity)
  parentId: string | null;

  @Column('timestamptz', { nullable: true })
  startAt: Date | null;

  @Column('timestamptz', { nullable: true })
  dueAt: Date | null;

  /** When the same share of the time as for a NORMAL letter has passed: DUE_SOON from then. */
  @Column('timestamptz', { nullable: true })
  dueSoonAt: Date | null;

  /** When the assignees were reminded of the due-soon point (the sweep then leaves the reminder alone). */
  @Column('timestamptz', { nullable: true })
  remindedAt: Date | null;

  /** How many leaders above the assignees have been told the task is overdue (0 until the due time passed). */
  @Column('int', { default: 0 })
  escalationLevel: number;

  /** When the next leader up is to be told; null when nobody is left above. */
  @Column('timestamptz', { nullable: true })
  nextEscalationAt: Date | null;

  @Column('int', { nullable: true })
  estimateMinutes: number | null;

  @Column('text', { nullable: true })
  recurrence: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => PerformanceTargetEntity)
  performanceTargetId: string | null;

  /** The disposition assignment this task carries out (correspondence owns it; no foreign key across contexts). */
  @Column('uuid', { nullable: true })
  sourceAssignmentId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;
}

@Entity('task_assignee')
@Index('task_assignee_user_idx', ['userId', 'taskId'])
export class TaskAssigneeEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => TaskEntity, { onDelete: 'CASCADE' })
  taskId: string;

  @PrimaryColumn('uuid')
  @ForeignKey(() => UserEntity)
  userId: string;
}

@Entity('task_checklist_item')
@Unique('task_checklist_item_position_key', ['taskId', 'position'])
export class TaskChecklistItemEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => TaskEntity, { onDelete: 'CASCADE' })
  taskId: string;

  @Column('int')
  position: number;

  @Column('text')
  text: string;

  @Column('boolean', { default: false })
  done: boolean;
}

/** A progress report on a task, with where the work was done. */
@Entity('task_update')
@Index('task_update_task_idx', ['taskId', 'at'])
export class TaskUpdateEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => TaskEntity, { onDelete: 'CASCADE' })
  taskId: string;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  authorId: string;

  @Column('timestamptz')
  at: Date;

  @Column('int')
  progress: number;

  @Column('text')
  note: string;

  @Column('text')
  workMode: WorkMode;

  @Column('text', { nullable: true })
  status: TaskStatus | null;
}

/** A file attached to a task, or to one of its progress updates. */
@Entity('task_file')
@Index('task_file_file_idx', ['fileId'])
export class TaskFileEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => TaskEntity, { onDelete: 'CASCADE' })
  taskId: string;

  @PrimaryColumn('uuid')
  @ForeignKey(() => StoredFileEntity)
  fileId: string;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => TaskUpdateEntity, { onDelete: 'CASCADE' })
  updateId: string | null;
}
