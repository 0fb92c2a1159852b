import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@gesit/platform';
import { WorkMode } from '../work-mode';
import { TaskPriority, TaskStatus } from './task-status';

@ObjectType('ChecklistItem')
export class ChecklistItemType {
  @Field(() => ID)
  id: string;

  @Field()
  text: string;

  @Field()
  done: boolean;
}

@ObjectType('TaskUpdate')
export class TaskUpdateType {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field(() => Int)
  progress: number;

  @Field()
  note: string;

  @Field(() => WorkMode)
  workMode: WorkMode;
}

@ObjectType('Task')
export class TaskType {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => TaskStatus)
  status: TaskStatus;

  @Field(() => TaskPriority)
  priority: TaskPriority;

  @Field(() => Int, { description: '0..100; follows the checklist when the task has one.' })
  progress: number;

  @Field(() => Date, { nullable: true })
  startAt: Date | null;

  @Field(() => Date, { nullable: true })
  dueAt: Date | null;

  @Field(() => Int, { nullable: true })
  estimateMinutes: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'iCalendar RRULE, e.g. FREQ=WEEKLY;BYDAY=MO; the next occurrence is created when one is done.',
  })
  recurrence: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;
}

export const TaskConnection = Connection(TaskType, 'Task');

@InputType()
export class CreateTaskInput {
  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ID])
  assigneeIds: string[];

  @Field(() => TaskPriority, { nullable: true })
  priority?: TaskPriority | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => [String], { nullable: true })
  checklist?: string[] | null;

  @Field(() => Date, { nullable: true })
  startAt?: Date | null;

  @Field(() => Date, { nullable: true })
  dueAt?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Instead of dueAt: due this many working hours after startAt (or now), in the first assignee's working calendar, with their approved shifted hours.",
  })
  dueInWorkingHours?: number | null;

  @Field(() => Int, { nullable: true })
  estimateMinutes?: number | null;

  @Field(() => String, { nullable: true })
  recurrence?: string | null;

  @Field(() => ID, { nullable: true })
  performanceTargetId?: string | null;

  @Field(() => ID, { nullable: true })
  sourceAssignmentId?: string | null;

  @Field(() => [ID], { nullable: true })
  fileIds?: string[] | null;
}

@InputType()
export class UpdateTaskInput {
  @Field(() => ID)
  taskId: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ID], { nullable: true })
  assigneeIds?: string[] | null;

  @Field(() => TaskPriority, { nullable: true })
  priority?: TaskPriority | null;

  @Field(() => Date, { nullable: true })
  dueAt?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Instead of dueAt: due this many working hours from now (or from the task's start, when it is later), in the first assignee's working calendar, with their approved shifted hours.",
  })
  dueInWorkingHours?: number | null;

  @Field(() => Int, { nullable: true })
  estimateMinutes?: number | null;
}

@InputType()
export class UpdateTaskProgressInput {
  @Field(() => ID)
  taskId: string;

  @Field(() => Int)
  progress: number;

  @Field()
  note: string;

  @Field(() => WorkMode)
  workMode: WorkMode;

  @Field(() => TaskStatus, { nullable: true })
  status?: TaskStatus | null;

  @Field(() => [ID], { nullable: true })
  fileIds?: string[] | null;
}

@InputType()
export class TaskFilter {
  @Field(() => [TaskStatus], { nullable: true })
  status?: TaskStatus[] | null;

  @Field(() => ID, { nullable: true, description: "Someone's tasks: the caller's own, or of a person below the caller." })
  assigneeId?: string | null;

  @Field(() => Boolean, { nullable: true })
  overdueOnly?: boolean | null;

  @Field(() => String, { nullable: true })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only tasks the caller created for others.' })
  assignedByMe?: boolean | null;
}
